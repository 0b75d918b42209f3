package io.rhythm.gateway.views.commandcentre;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Seed 000's Known Risk Areas (2026) computed from live figures. Each risk says whether it is RAISED, the figures
 * behind it and the seed's mitigation. Thresholds are the seed's own words made explicit:
 * <ul>
 *   <li>revenue concentration — "4 clients = ~80 % maintenance revenue": RAISED when the top 4 hold ≥ 50 % of revenue;</li>
 *   <li>largest-client volatility (the seed's "SA Health volatility": 21 % of revenue, NPS 6.1 avg, range 1–9):
 *       RAISED when the largest client holds ≥ 15 % of revenue and its latest NPS answers average below 7 or
 *       range over ≥ 6 points;</li>
 *   <li>pipeline conversion — "at 35 % conversion, barely covers attrition": RAISED when realistic new revenue
 *       (weighted pipeline × conversion) is below 1.25 × confirmed attrition;</li>
 *   <li>product perception — "legacy/outdated feedback affecting renewals": RAISED when any complaint in the
 *       current cycle carries a product theme.</li>
 * </ul>
 */
public final class RiskRules {

    public static final BigDecimal CONCENTRATION_SHARE = new BigDecimal("50");
    public static final BigDecimal LARGEST_CLIENT_SHARE = new BigDecimal("15");
    public static final double VOLATILE_AVERAGE_BELOW = 7.0;
    public static final int VOLATILE_RANGE_FROM = 6;
    public static final BigDecimal COVERAGE_NEEDED = new BigDecimal("1.25");

    private RiskRules() {
    }

    public static Risk concentration(BigDecimal topSharePercent, int top, String largestClient, BigDecimal largestSharePercent) {
        boolean raised = topSharePercent.compareTo(CONCENTRATION_SHARE) >= 0;
        return new Risk("REVENUE_CONCENTRATION", "Revenue concentration", raised,
                "top " + top + " clients hold " + topSharePercent.toPlainString() + " % of revenue (raised at ≥ "
                        + CONCENTRATION_SHARE + " %); largest: " + largestClient + " at " + largestSharePercent.toPlainString() + " %",
                List.of(new Figure("topSharePercent", topSharePercent.toPlainString()),
                        new Figure("largestClient", largestClient),
                        new Figure("largestSharePercent", largestSharePercent.toPlainString())),
                "Diversification through new logos; protect existing relationships");
    }

    public static Risk largestClientVolatility(String client, BigDecimal sharePercent, String revenue, Double average,
                                               Integer min, Integer max) {
        boolean answers = average != null && min != null && max != null;
        boolean volatile_ = answers && (average < VOLATILE_AVERAGE_BELOW || max - min >= VOLATILE_RANGE_FROM);
        boolean raised = sharePercent.compareTo(LARGEST_CLIENT_SHARE) >= 0 && volatile_;
        String npsText = answers ? "NPS answers average " + round1(average) + " (range " + min + "-" + max + ")"
                : "no NPS answers yet";
        return new Risk("LARGEST_CLIENT_VOLATILITY", "Largest-client volatility (seed: SA Health)", raised,
                client + " holds " + sharePercent.toPlainString() + " % of revenue (" + revenue + " at risk); " + npsText,
                List.of(new Figure("client", client), new Figure("sharePercent", sharePercent.toPlainString()),
                        new Figure("revenueAtRisk", revenue),
                        new Figure("npsAverage", answers ? round1(average) : null),
                        new Figure("npsRange", answers ? min + "-" + max : null)),
                "Stakeholder-specific strategies; identify and expand with satisfied departments");
    }

    public static Risk pipelineConversion(BigDecimal realisticNewRevenue, BigDecimal confirmedAttrition, String conversionRate) {
        boolean raised = realisticNewRevenue.compareTo(confirmedAttrition.multiply(COVERAGE_NEEDED)) < 0;
        String coverage = confirmedAttrition.signum() == 0 ? null
                : realisticNewRevenue.multiply(BigDecimal.valueOf(100)).divide(confirmedAttrition, 2, RoundingMode.HALF_UP).toPlainString();
        return new Risk("PIPELINE_CONVERSION", "Pipeline conversion", raised,
                "at " + conversionRate + " conversion, realistic new revenue " + money(realisticNewRevenue)
                        + " against confirmed attrition " + money(confirmedAttrition)
                        + (coverage == null ? "" : " (" + coverage + " % coverage; raised below " + COVERAGE_NEEDED.movePointRight(2).stripTrailingZeros().toPlainString() + " %)"),
                List.of(new Figure("realisticNewRevenue", money(realisticNewRevenue)),
                        new Figure("confirmedAttrition", money(confirmedAttrition)),
                        new Figure("coveragePercent", coverage)),
                "Focus on improving accounts with higher probability");
    }

    public static Risk productPerception(int productMentions, int commented, List<String> themes) {
        boolean raised = productMentions > 0;
        return new Risk("PRODUCT_PERCEPTION", "Product perception", raised,
                productMentions + " complaint mention(s) of product themes among " + commented + " commented answers in the current cycle",
                List.of(new Figure("productMentions", String.valueOf(productMentions)),
                        new Figure("commentedResponses", String.valueOf(commented)),
                        new Figure("themes", String.join(", ", themes))),
                "Clear roadmap communication; feature demonstrations");
    }

    /** Whether a theme (code or name) is about the product: product, legacy, outdated, feature, roadmap, usability. */
    public static boolean isProductTheme(String code, String name) {
        String text = (String.valueOf(code) + " " + String.valueOf(name)).toLowerCase(java.util.Locale.ROOT);
        return List.of("product", "legacy", "outdated", "feature", "roadmap", "usability", "functionality")
                .stream().anyMatch(text::contains);
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    public record Risk(String code, String name, boolean raised, String summary, List<Figure> figures, String mitigation) {
    }

    public record Figure(String name, String value) {
    }
}
