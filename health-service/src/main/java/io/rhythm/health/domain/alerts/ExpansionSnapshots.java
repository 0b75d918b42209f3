package io.rhythm.health.domain.alerts;

import io.rhythm.health.domain.scoring.ExpansionRule;
import io.rhythm.health.domain.scoring.MonthlySnapshot;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Builds the monthly snapshots {@link ExpansionRule} judges from what health-service stores: a
 * month has a snapshot when a {@code usage.plan_limit_usage_pct} value was observed in it (event
 * time; the last one of the month counts). Its health is the score published at the end of the
 * month, the current score for the current month. {@link ExpansionRule} judges health on the
 * latest month only; for an earlier month without a stored score (e.g. usage backfilled before
 * the client was first scored) the current score stands in.
 */
public final class ExpansionSnapshots {

    private ExpansionSnapshots() {
    }

    public static List<MonthlySnapshot> of(Map<YearMonth, Double> usageByMonth, Map<YearMonth, Double> healthAtMonthEnd,
                                           double currentHealth, YearMonth currentMonth) {
        return usageByMonth.entrySet().stream()
                .filter(e -> !e.getKey().isAfter(currentMonth))
                .map(e -> new MonthlySnapshot(e.getKey(),
                        e.getKey().equals(currentMonth) ? currentHealth : healthAtMonthEnd.getOrDefault(e.getKey(), currentHealth),
                        e.getValue()))
                .sorted(java.util.Comparator.comparing(MonthlySnapshot::month))
                .toList();
    }

    /** The first month of the usage streak the assessment ends with. */
    public static YearMonth streakStart(YearMonth latestMonth, int streakMonths) {
        return latestMonth.minusMonths(Math.max(1, streakMonths) - 1L);
    }
}
