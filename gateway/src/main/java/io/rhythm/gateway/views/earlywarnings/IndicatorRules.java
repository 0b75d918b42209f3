package io.rhythm.gateway.views.earlywarnings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 000's Early Warning Indicators ("monitor these metrics monthly") as rules over per-client facts. Each returns
 * the indicator's threshold, current value, whether it is triggered and the clients behind it.
 */
public final class IndicatorRules {

    /** "Client health score changes (> 10 % decline)": over the last month, relative to the score a month ago. */
    public static final BigDecimal HEALTH_DECLINE_PERCENT = BigDecimal.TEN;
    /** "NPS response rates (target > 40 %)". */
    public static final BigDecimal RESPONSE_RATE_TARGET = new BigDecimal("40");

    private IndicatorRules() {
    }

    /**
     * The clients whose score fell by more than the threshold over the window (their value: the fall in % of the
     * earlier score), out of {@code compared} clients that had a score at both ends (health-service counts them).
     */
    public static Indicator healthDecline(List<ClientFact> clients, long compared) {
        List<ClientFact> behind = clients.stream()
                .filter(c -> c.value() != null && c.value().compareTo(HEALTH_DECLINE_PERCENT) > 0)
                .sorted(Comparator.comparing(ClientFact::value).reversed()).toList();
        return new Indicator("HEALTH_DECLINE", "Client health score changes (> 10 % decline in a month)",
                "> " + HEALTH_DECLINE_PERCENT + " % decline", behind.size() + " of " + compared + " clients",
                !behind.isEmpty(), behind, Map.of());
    }

    /** Support backlog: open tickets older than 30 days, per segment; triggered when any segment has some. */
    public static Indicator supportBacklog(List<ClientFact> clients) {
        Map<String, BigDecimal> bySegment = new TreeMap<>();
        for (ClientFact client : clients) {
            bySegment.merge(client.segment() == null ? "UNASSIGNED" : client.segment(),
                    client.value() == null ? BigDecimal.ZERO : client.value(), BigDecimal::add);
        }
        List<ClientFact> behind = clients.stream().filter(c -> c.value() != null && c.value().signum() > 0)
                .sorted(Comparator.comparing(ClientFact::value).reversed()).toList();
        BigDecimal total = bySegment.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, String> detail = new LinkedHashMap<>();
        bySegment.forEach((segment, count) -> detail.put(segment, count.stripTrailingZeros().toPlainString()));
        return new Indicator("SUPPORT_BACKLOG", "Support backlog by segment (tickets open > 30 days)",
                "0 tickets open > 30 days", total.stripTrailingZeros().toPlainString() + " tickets open > 30 days",
                total.signum() > 0, behind, detail);
    }

    /** The current cycle's response rate against the target; clients under it are behind. */
    public static Indicator responseRate(BigDecimal overallPercent, String cycleName, List<ClientFact> clients) {
        List<ClientFact> behind = clients.stream().filter(c -> c.value() != null && c.value().compareTo(RESPONSE_RATE_TARGET) <= 0)
                .sorted(Comparator.comparing(ClientFact::value)).toList();
        boolean triggered = overallPercent == null || overallPercent.compareTo(RESPONSE_RATE_TARGET) <= 0;
        return new Indicator("NPS_RESPONSE_RATE", "NPS response rate (target > 40 %)" + (cycleName == null ? "" : ", " + cycleName),
                "> " + RESPONSE_RATE_TARGET + " %", overallPercent == null ? "no answers" : overallPercent.toPlainString() + " %",
                triggered, behind, Map.of());
    }

    /**
     * Pipeline stage movement over the window (planning-service's classification from the stage history): REGRESSED
     * (back to an earlier stage, or lost) and STALLED (open all through the window without a change of stage) are the
     * warnings; triggered when any opportunity is either. {@code clients}: per client, its warning opportunities.
     */
    public static Indicator pipelineStageMovement(Map<String, Integer> counts, int windowDays, List<ClientFact> clients) {
        int regressed = counts.getOrDefault("REGRESSED", 0);
        int stalled = counts.getOrDefault("STALLED", 0);
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<ClientFact> behind = clients.stream().filter(c -> c.value() != null && c.value().signum() > 0)
                .sorted(Comparator.comparing(ClientFact::value).reversed().thenComparing(c -> String.valueOf(c.name()))).toList();
        Map<String, String> detail = new LinkedHashMap<>();
        counts.forEach((movement, count) -> detail.put(movement, String.valueOf(count)));
        return new Indicator("PIPELINE_STAGE_MOVEMENT", "Pipeline stage movement (last " + windowDays + " days)",
                "0 opportunities regressed or stalled (no change of stage in " + windowDays + " days)",
                regressed + " regressed, " + stalled + " stalled of " + all + " opportunities",
                regressed + stalled > 0, behind, detail);
    }

    /** Activity Register: every required cadence activity on time; clients with an overdue one are behind. */
    public static Indicator engagementCompliance(BigDecimal compliancePercent, List<ClientFact> clients) {
        List<ClientFact> behind = new ArrayList<>(clients.stream().filter(c -> c.value() != null && c.value().signum() > 0).toList());
        behind.sort(Comparator.comparing(ClientFact::value).reversed());
        return new Indicator("ENGAGEMENT_COMPLIANCE", "Engagement compliance (segmentation activities)",
                "100 % of required activities on cadence, none overdue",
                compliancePercent == null ? "nothing required" : compliancePercent.toPlainString() + " %",
                !behind.isEmpty(), behind, Map.of());
    }

    /** One client's figure for an indicator (decline %, backlog tickets, response rate %, overdue activities). */
    public record ClientFact(String clientId, String name, String segment, String ownerCse, BigDecimal value) {
    }

    public record Indicator(String code, String name, String threshold, String currentValue, boolean triggered,
                            List<ClientFact> clients, Map<String, String> breakdown) {
    }
}
