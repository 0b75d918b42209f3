package io.rhythm.health.domain.scoring;

import java.time.YearMonth;

/**
 * The outcome of {@link ExpansionRule#assess}: whether an expansion signal is raised and why.
 *
 * @param raised             true when the rule holds
 * @param latestMonth        the month assessed (the latest snapshot), {@code null} without snapshots
 * @param latestHealthScore  the health score of that month, {@code null} without snapshots
 * @param usageStreakMonths  consecutive months up to and including {@code latestMonth} with usage
 *                           at or above the threshold
 * @param reason             one sentence for people
 */
public record ExpansionAssessment(boolean raised, YearMonth latestMonth, Double latestHealthScore,
                                  int usageStreakMonths, String reason) {
}
