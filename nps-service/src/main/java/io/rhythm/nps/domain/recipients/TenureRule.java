package io.rhythm.nps.domain.recipients;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Seed 001, "Survey Cadence": the quarterly NPS survey goes to "all active customers (&gt; 90 days tenure)".
 * Tenure is counted in whole days from the day the client became a customer ({@code customerSince} in the client
 * registry: the CRM's "became a customer" date or set in Rhythm) to the cycle's open date.
 *
 * <ul>
 *   <li><b>OVER_90_DAYS</b> (91 days or more): surveyed.</li>
 *   <li><b>UP_TO_90_DAYS</b> (90 days or fewer, or a customer-since date after the open date): not surveyed in
 *       this cycle — its contacts stay on the list, excluded, with the reason.</li>
 *   <li><b>UNKNOWN</b> (no customer-since date): surveyed, with a warning. Our choice: most clients were customers
 *       long before Rhythm knew them, and leaving every client without the date out would silently shrink the
 *       survey; the warning asks the list owner to set the date.</li>
 * </ul>
 */
public final class TenureRule {

    /** Tenure must be more than this many days at the cycle's open date. */
    public static final int MIN_TENURE_DAYS = 90;

    public enum Status { OVER_90_DAYS, UP_TO_90_DAYS, UNKNOWN }

    /**
     * @param days tenure in whole days at {@code asOf}; null when unknown
     * @param note what the list owner reads in the validation report
     */
    public record Verdict(LocalDate customerSince, LocalDate asOf, Long days, Status status, String note) {

        /** Whether the client's contacts may be surveyed in the cycle. */
        public boolean surveyed() {
            return status != Status.UP_TO_90_DAYS;
        }
    }

    private TenureRule() {
    }

    /** The verdict for a client that became a customer on {@code customerSince} (null: unknown), at {@code asOf}. */
    public static Verdict at(LocalDate customerSince, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (customerSince == null) {
            return verdict(null, asOf, null, Status.UNKNOWN);
        }
        long days = ChronoUnit.DAYS.between(customerSince, asOf);
        return verdict(customerSince, asOf, days, days > MIN_TENURE_DAYS ? Status.OVER_90_DAYS : Status.UP_TO_90_DAYS);
    }

    /** A verdict as it was decided (e.g. stored with a recipient list), with its note. */
    public static Verdict verdict(LocalDate customerSince, LocalDate asOf, Long days, Status status) {
        String note = switch (status) {
            case OVER_90_DAYS -> null;
            case UNKNOWN -> "Tenure unknown: included. Set customerSince in the client registry (or the CRM's "
                    + "\"became a customer\" date) to apply the > " + MIN_TENURE_DAYS + "-day rule.";
            case UP_TO_90_DAYS -> "Customer since " + customerSince + ": "
                    + (days != null && days < 0 ? "not yet a customer" : days + " days") + " at the cycle's open date " + asOf
                    + "; the quarterly survey is for customers of more than " + MIN_TENURE_DAYS
                    + " days (seed 001), so its contacts are excluded from this cycle.";
        };
        return new Verdict(customerSince, asOf, days, status, note);
    }
}
