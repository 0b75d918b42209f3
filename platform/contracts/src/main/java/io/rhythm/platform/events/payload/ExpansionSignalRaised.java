package io.rhythm.platform.events.payload;

import java.time.Instant;

/**
 * A client qualifies for expansion (health-service, seed 001): health above 85 and usage at or above
 * 80 % of plan limits for {@code usageStreakMonths} (2 or more) consecutive months, from
 * {@code streakStartMonth} to {@code qualifyingMonth} (both {@code YYYY-MM}). Raised once per
 * qualifying streak.
 */
public record ExpansionSignalRaised(String signalId, String clientId, String owner, String qualifyingMonth,
                                    double healthScore, double planLimitUsagePct, int usageStreakMonths,
                                    String streakStartMonth, String reason, Instant raisedAt) {
}
