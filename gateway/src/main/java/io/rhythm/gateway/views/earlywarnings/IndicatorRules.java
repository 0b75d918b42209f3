package io.rhythm.gateway.views.earlywarnings;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /** Decline in % of the earlier score (positive = the score fell), to 1 place; null when there is no earlier score. */
    public static BigDecimal declinePercent(Double previousScore, Double delta) {
        if (previousScore == null || delta == null || previousScore <= 0) {
            return null;
        }
        return BigDecimal.valueOf(-delta * 100 / previousScore).setScale(1, RoundingMode.HALF_UP);
    }

    public static Indicator healthDecline(List<ClientFact> clients) {
        List<ClientFact> behind = clients.stream()
                .filter(c -> c.value() != null && c.value().compareTo(HEALTH_DECLINE_PERCENT) > 0)
                .sorted(Comparator.comparing(ClientFact::value).reversed()).toList();
        return new Indicator("HEALTH_DECLINE", "Client health score changes (> 10 % decline in a month)",
                "> " + HEALTH_DECLINE_PERCENT + " % decline", behind.size() + " of " + clients.size() + " clients",
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
