package io.rhythm.nps.domain.triggers;

import java.time.Duration;
import java.time.Instant;

/**
 * Why a survey outside the NPS cycles is sent (seed 001, "Survey Cadence"), and whether it measures the
 * relationship as a whole or one experience (a transaction).
 *
 * <ul>
 *   <li>RELATIONSHIP_QUARTERLY — clients with tenure over 90 days, once per calendar quarter.</li>
 *   <li>ONBOARDING_DAY_30 — 30 days after the client started.</li>
 *   <li>POST_TICKET — after a support ticket closed.</li>
 *   <li>PRE_RENEWAL_60_DAYS — 60 days before the renewal date: the relationship as it stands before renewal.</li>
 *   <li>DETRACTOR_FOLLOW_UP — 30 days after a detractor case was resolved.</li>
 * </ul>
 * {@link #grace()} is how long a send blocked by the minimum interval may wait for it to pass (zero: it is
 * skipped at once; a post-ticket survey a month late means nothing). The quarterly and pre-renewal sends
 * wait until their occasion ends instead (end of quarter, renewal date), which the rules give explicitly.
 */
public enum SurveyKind {
    RELATIONSHIP_QUARTERLY(SurveyType.RELATIONSHIP, "Quarterly relationship survey", Duration.ZERO),
    ONBOARDING_DAY_30(SurveyType.TRANSACTIONAL, "30-day onboarding survey", Duration.ofDays(7)),
    POST_TICKET(SurveyType.TRANSACTIONAL, "Support follow-up survey", Duration.ZERO),
    PRE_RENEWAL_60_DAYS(SurveyType.RELATIONSHIP, "Pre-renewal survey", Duration.ZERO),
    DETRACTOR_FOLLOW_UP(SurveyType.TRANSACTIONAL, "Follow-up survey", Duration.ofDays(14));

    /**
     * Which of several sends due at the same time to one contact goes first (the others then wait for the minimum
     * interval): the ones bound to an occasion before the quarterly relationship survey, which has the whole quarter.
     */
    public static final String BY_PRIORITY = "{POST_TICKET,DETRACTOR_FOLLOW_UP,ONBOARDING_DAY_30,PRE_RENEWAL_60_DAYS,"
            + "RELATIONSHIP_QUARTERLY}";

    private final SurveyType type;
    private final String title;
    private final Duration grace;

    SurveyKind(SurveyType type, String title, Duration grace) {
        this.type = type;
        this.title = title;
        this.grace = grace;
    }

    public SurveyType type() {
        return type;
    }

    /** The survey's name in the e-mail and on the survey page. */
    public String title() {
        return title;
    }

    public Duration grace() {
        return grace;
    }

    /** The end of the occasion of a send due at {@code dueAt} when the rules do not give one. */
    public Instant defaultWindowEnd(Instant dueAt) {
        return dueAt.plus(grace);
    }

    /** Relationship (the whole relationship, periodic) or transactional (one experience). */
    public enum SurveyType {
        RELATIONSHIP, TRANSACTIONAL
    }
}
