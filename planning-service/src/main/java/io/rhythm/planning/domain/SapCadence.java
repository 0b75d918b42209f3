package io.rhythm.planning.domain;

import java.time.LocalDate;

/**
 * Seed 000's Satisfaction Action Plan review cadence: a progress update every month and a formal review
 * every quarter, counted from the last one (or from activation). Overdue means the due date has passed.
 */
public record SapCadence(LocalDate nextUpdateDue, LocalDate nextReviewDue) {

    public static final int UPDATE_MONTHS = 1;
    public static final int REVIEW_MONTHS = 3;

    /** Null dates for a plan that has not been activated. */
    public static SapCadence of(LocalDate activatedOn, LocalDate lastUpdateOn, LocalDate lastReviewOn) {
        if (activatedOn == null) {
            return new SapCadence(null, null);
        }
        LocalDate updateBase = latest(activatedOn, latest(lastUpdateOn, lastReviewOn));
        LocalDate reviewBase = latest(activatedOn, lastReviewOn);
        return new SapCadence(updateBase.plusMonths(UPDATE_MONTHS), reviewBase.plusMonths(REVIEW_MONTHS));
    }

    public boolean updateOverdue(LocalDate asOf) {
        return nextUpdateDue != null && asOf.isAfter(nextUpdateDue);
    }

    public boolean reviewOverdue(LocalDate asOf) {
        return nextReviewDue != null && asOf.isAfter(nextReviewDue);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
