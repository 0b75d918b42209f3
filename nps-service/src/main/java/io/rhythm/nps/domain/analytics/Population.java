package io.rhythm.nps.domain.analytics;

/**
 * Who a cycle surveys, counted from its <b>frozen recipient list</b>, whatever channel the answers came in by
 * (Rhythm's own link, a HubSpot import, a survey-tool webhook) — issue 17: the seed runs its survey in HubSpot, so
 * Rhythm's own invitations cannot be the base of the response rate.
 *
 * <ul>
 *   <li><b>eligible</b>: on the list and included by the recipient check (subscribed, with a valid e-mail
 *       address; {@link io.rhythm.nps.domain.recipients.RecipientCheck}). Flagged-out contacts (unsubscribed,
 *       missing or invalid address) are not eligible.</li>
 *   <li><b>responded</b>: distinct eligible contacts with an answer in the cycle, by any channel. An answer from
 *       someone not eligible (not on the list, or excluded from it) counts in the NPS but not in the rate, so the
 *       rate never exceeds 100 %.</li>
 *   <li><b>invited</b>: invitations Rhythm itself sent (0 for a cycle delivered by HubSpot) — shown for
 *       information, never the base of the rate.</li>
 * </ul>
 *
 * The response rate is {@code responded ÷ eligible} against the &gt; 40 % target ({@link ResponseRate}); without
 * eligible contacts there is no rate.
 */
public record Population(int eligible, int responded, int invited) {

    public static final Population NONE = new Population(0, 0, 0);

    public Population {
        if (eligible < 0 || responded < 0 || invited < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (responded > eligible) {
            throw new IllegalArgumentException("responded (" + responded + ") cannot exceed eligible (" + eligible + ")");
        }
    }

    /** Eligible contacts, as many of them answered; nobody invited by Rhythm. */
    public static Population of(int eligible, int responded) {
        return new Population(eligible, responded, 0);
    }

    public Population plus(Population other) {
        return new Population(eligible + other.eligible, responded + other.responded, invited + other.invited);
    }

    /** The response rate against the seed's &gt; 40 % target, or null when nobody is eligible. */
    public ResponseRate responseRate() {
        return eligible == 0 ? null : ResponseRate.of(responded, eligible);
    }
}
