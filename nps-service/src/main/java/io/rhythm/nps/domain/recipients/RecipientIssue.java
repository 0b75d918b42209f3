package io.rhythm.nps.domain.recipients;

/** What the recipient-list validation report flags on a contact (seed 000, Appendix A: validate the list). */
public enum RecipientIssue {
    /** No email: cannot be surveyed until one is added. */
    MISSING_EMAIL,
    /** The email is not a deliverable address. */
    INVALID_EMAIL,
    /** Unsubscribed: never emailed; flagged for manual outreach by the CSE/CAM. */
    UNSUBSCRIBED,
    /** Neither a title nor a stakeholder role: the list owner should say who this is. */
    NO_ROLE,
    /** The client has 90 days of tenure or fewer at the cycle's open date: not surveyed this cycle ({@link TenureRule}). */
    TENURE_90_DAYS_OR_LESS
}
