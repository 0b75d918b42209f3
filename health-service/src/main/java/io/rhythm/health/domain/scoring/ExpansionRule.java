package io.rhythm.health.domain.scoring;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Expansion signal (seed 001, "Expansion Opportunity Identification"; issue 4): health
 * <em>strictly</em> above 85 and usage at or above 80 % of plan limits for 2 or more consecutive
 * months.
 *
 * <p>Precisely, on the snapshots ordered by month: the latest month's published health score is
 * &gt; {@code healthAbove} (85.0 does not qualify, 85.1 does), and the usage of the latest month
 * and of each month just before it is ≥ {@code usageAtLeastPercent} (80.0 qualifies, 79.9 does
 * not) for at least {@code consecutiveMonths} calendar months in a row. A month without a
 * snapshot breaks the streak, as does a month below the threshold; a streak that ended before
 * the latest month does not count. Health is judged on the latest month only (seed 001:
 * "Prioritize accounts with high health scores (&gt;85)" — today's health, not the history).
 * The other qualification criteria of seed 001 (feature requests, seat growth, no recent billing
 * issues) are not part of this rule.
 *
 * @param healthAbove          health must be strictly above this (default 85)
 * @param usageAtLeastPercent  usage must be at least this % of plan limits (default 80)
 * @param consecutiveMonths    for at least this many consecutive months (default 2)
 */
public record ExpansionRule(double healthAbove, double usageAtLeastPercent, int consecutiveMonths) {

    /** The seeds' rule: health &gt; 85 and usage ≥ 80 % of plan limits for 2+ consecutive months. */
    public static final ExpansionRule DEFAULT = new ExpansionRule(85.0, 80.0, 2);

    public ExpansionRule {
        if (consecutiveMonths < 1) {
            throw new IllegalArgumentException("consecutiveMonths must be 1 or more, was " + consecutiveMonths);
        }
    }

    /**
     * Assesses a client's monthly snapshots (any order; at most one per month).
     *
     * @throws IllegalArgumentException when two snapshots are for the same month
     */
    public ExpansionAssessment assess(List<MonthlySnapshot> snapshots) {
        Objects.requireNonNull(snapshots, "snapshots");
        if (snapshots.isEmpty()) {
            return new ExpansionAssessment(false, null, null, 0, "no monthly snapshots");
        }
        List<MonthlySnapshot> byMonth = new ArrayList<>(snapshots);
        byMonth.sort(Comparator.comparing(MonthlySnapshot::month));
        for (int i = 1; i < byMonth.size(); i++) {
            if (byMonth.get(i).month().equals(byMonth.get(i - 1).month())) {
                throw new IllegalArgumentException("two snapshots for " + byMonth.get(i).month());
            }
        }

        MonthlySnapshot latest = byMonth.get(byMonth.size() - 1);
        int streak = 0;
        YearMonth expected = latest.month();
        for (int i = byMonth.size() - 1; i >= 0; i--) {
            MonthlySnapshot snapshot = byMonth.get(i);
            if (!snapshot.month().equals(expected) || snapshot.planLimitUsagePercent() < usageAtLeastPercent) {
                break;
            }
            streak++;
            expected = expected.minusMonths(1);
        }

        boolean healthy = Tenths.of(latest.healthScore()) > Tenths.of(healthAbove);
        boolean usageSustained = streak >= consecutiveMonths;
        String usage = "usage ≥ " + number(usageAtLeastPercent) + " % of plan limits for " + streak
                + (streak == 1 ? " month" : " consecutive months") + " up to " + latest.month();
        String health = "health " + number(latest.healthScore()) + (healthy ? " > " : " ≤ ") + number(healthAbove);
        String reason;
        if (healthy && usageSustained) {
            reason = health + " and " + usage;
        } else if (!healthy) {
            reason = health + " (needs > " + number(healthAbove) + "); " + usage;
        } else {
            reason = usage + " (needs " + consecutiveMonths + "); " + health;
        }
        return new ExpansionAssessment(healthy && usageSustained, latest.month(), latest.healthScore(), streak, reason);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
