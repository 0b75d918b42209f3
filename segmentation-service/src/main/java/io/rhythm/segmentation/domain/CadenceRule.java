package io.rhythm.segmentation.domain;

import java.time.LocalDate;

/**
 * Activity Register arithmetic. An activity with cadence of {@code m} months is next due {@code m} calendar months
 * after its anchor: the later of the last held activity of that type and the date the client entered its current
 * segment (a segment change applies the new cadence from the migration's effective date, with one full period to
 * meet it). Months are added as calendar months, clamped to the month's end: held 31 January → due 28 February (29
 * in a leap year); held 29 February 2028 quarterly → due 29 May 2028.
 * <p>
 * On {@code asOf}: after the due date → OVERDUE; on the due date or up to {@code dueSoonDays} before it → DUE_SOON;
 * earlier → COMPLIANT; cadence "As needed" → NOT_REQUIRED. So "Monthly" means: a held activity within the trailing
 * calendar month (held 4 November is compliant up to and including 4 December). Pure.
 */
public final class CadenceRule {

    private CadenceRule() {
    }

    public record Evaluation(ComplianceStatus status, LocalDate nextDue) {
    }

    public static Evaluation evaluate(Cadence cadence, LocalDate lastHeld, LocalDate segmentSince, LocalDate asOf,
                                      int dueSoonDays) {
        if (!cadence.required()) {
            return new Evaluation(ComplianceStatus.NOT_REQUIRED, null);
        }
        LocalDate anchor = lastHeld == null ? segmentSince
                : segmentSince == null || lastHeld.isAfter(segmentSince) ? lastHeld : segmentSince;
        LocalDate due = anchor.plusMonths(cadence.months());
        return new Evaluation(statusOn(due, asOf, dueSoonDays), due);
    }

    /** The status on {@code asOf} of an item next due on {@code due} ({@code null}: not required). */
    public static ComplianceStatus statusOn(LocalDate due, LocalDate asOf, int dueSoonDays) {
        if (due == null) {
            return ComplianceStatus.NOT_REQUIRED;
        }
        if (asOf.isAfter(due)) {
            return ComplianceStatus.OVERDUE;
        }
        if (!asOf.isBefore(due.minusDays(dueSoonDays))) {
            return ComplianceStatus.DUE_SOON;
        }
        return ComplianceStatus.COMPLIANT;
    }
}
