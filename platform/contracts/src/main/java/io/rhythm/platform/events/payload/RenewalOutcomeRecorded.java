package io.rhythm.platform.events.payload;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A renewal's outcome was recorded (planning-service, once per renewal): {@code RENEWED}, {@code RENEWED_WITH_CHANGE}
 * (renewed on changed terms, e.g. downsized: {@code newAnnualRevenue} below {@code previousAnnualRevenue}) or
 * {@code CHURNED}. The outcome takes effect at {@code contractEndDate}; health-service keeps it as the client's
 * outcome on that date, the ground truth of its backtests. Money fields are null when unknown.
 */
public record RenewalOutcomeRecorded(String renewalId, String clientId, String outcome, LocalDate contractEndDate,
                                     Money previousAnnualRevenue, Money newAnnualRevenue, Instant recordedAt,
                                     String recordedBy) {
}
