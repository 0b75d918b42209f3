package io.rhythm.health.domain.crm;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * What a CRM row says about a client's renewal. CRMs keep the <em>next</em> renewal date and move it
 * forward when a contract renews; so when a row brings a renewal date at least {@link #MIN_RENEWAL_TERM}
 * after the stored one, and the stored one had come (or was within {@link #RENEWAL_WINDOW}, renewals
 * being signed ahead), the client renewed on the stored date. A smaller move is a correction; a move
 * of a date far in the future says nothing about a renewal. Churn is read by the adapters from a
 * former-customer stage or type with its churn date.
 */
public final class CrmOutcomes {

    /** A renewal date that moves forward by less than this is a correction, not a new term. */
    public static final Period MIN_RENEWAL_TERM = Period.ofMonths(6);
    /** Renewals are often signed ahead of the date: a renewal date this close counts as due. */
    public static final Period RENEWAL_WINDOW = Period.ofDays(90);

    private CrmOutcomes() {
    }

    public static Optional<LocalDate> renewedOn(LocalDate stored, LocalDate incoming, LocalDate today) {
        if (stored == null || incoming == null || stored.isAfter(today.plus(RENEWAL_WINDOW))
                || incoming.isBefore(stored.plus(MIN_RENEWAL_TERM))) {
            return Optional.empty();
        }
        return Optional.of(stored);
    }
}
