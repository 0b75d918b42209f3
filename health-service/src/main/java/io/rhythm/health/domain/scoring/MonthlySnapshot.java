package io.rhythm.health.domain.scoring;

import java.time.YearMonth;

/**
 * A client's health score and plan-limit usage for one month, the input of {@link ExpansionRule}.
 *
 * @param month                  the month
 * @param healthScore            the published health score for the month (end of month or latest)
 * @param planLimitUsagePercent  % of plan limits used in the month (may exceed 100)
 */
public record MonthlySnapshot(YearMonth month, double healthScore, double planLimitUsagePercent) {
}
