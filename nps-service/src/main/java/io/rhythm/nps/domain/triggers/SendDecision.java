package io.rhythm.nps.domain.triggers;

import io.rhythm.nps.domain.recipients.RecipientCheck;
import io.rhythm.nps.domain.recipients.RecipientIssue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a due send goes out now, waits, or is skipped — the contact rules and the minimum interval.
 *
 * <ul>
 *   <li>A contact unknown to the directory, inactive, unsubscribed, or without a valid email is never
 *       surveyed: the send is skipped with that reason (and stays visible).</li>
 *   <li>Contacts <b>without a role</b> (no title, no stakeholder role) <b>are</b> surveyed, as in the cycles'
 *       recipient lists, where a missing role is reported for the list owner but excludes nobody: the
 *       survey asks the person, and the role is a reporting attribute.</li>
 *   <li><b>Minimum interval</b>: no contact is surveyed again before {@code lastSurveyedAt + minInterval}
 *       (cycle invitations and every send count; reminders of the same invitation do not). Reaching it
 *       exactly is allowed. A blocked send waits until then if that is before its window ends, otherwise it
 *       is skipped with reason MIN_INTERVAL — recorded, never silently dropped.</li>
 * </ul>
 */
public final class SendDecision {

    private SendDecision() {
    }

    public enum Action { SEND, WAIT, SKIP }

    public enum SkipReason { MIN_INTERVAL, UNSUBSCRIBED, INVALID_EMAIL, INACTIVE, UNKNOWN_CONTACT }

    /** The decision; {@code waitUntil} for WAIT, {@code reason}/{@code detail} for SKIP and WAIT. */
    public record Outcome(Action action, SkipReason reason, String detail, Instant waitUntil) {
        static Outcome send() {
            return new Outcome(Action.SEND, null, null, null);
        }

        static Outcome skip(SkipReason reason, String detail) {
            return new Outcome(Action.SKIP, reason, detail, null);
        }
    }

    /** What the contact directory says of the contact now; null fields when the contact is unknown. */
    public record Contact(boolean known, boolean active, boolean subscribed, String email) {
    }

    public static Outcome decide(Contact contact, Instant lastSurveyedAt, Duration minInterval, Instant now,
                                 Instant windowEndsAt) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(windowEndsAt, "windowEndsAt");
        if (!contact.known()) {
            return Outcome.skip(SkipReason.UNKNOWN_CONTACT, "the contact is not in the contact directory");
        }
        if (!contact.active()) {
            return Outcome.skip(SkipReason.INACTIVE, "the contact is inactive");
        }
        if (!contact.subscribed()) {
            return Outcome.skip(SkipReason.UNSUBSCRIBED, "the contact has unsubscribed from surveys");
        }
        var verdict = RecipientCheck.check(contact.email(), true, null, null);
        if (verdict.issues().contains(RecipientIssue.MISSING_EMAIL) || verdict.issues().contains(RecipientIssue.INVALID_EMAIL)) {
            return Outcome.skip(SkipReason.INVALID_EMAIL, contact.email() == null || contact.email().isBlank()
                    ? "the contact has no email" : "'" + contact.email() + "' is not a valid email");
        }
        Instant allowedFrom = nextAllowed(lastSurveyedAt, minInterval);
        if (allowedFrom == null || !now.isBefore(allowedFrom)) {
            return Outcome.send();
        }
        String detail = "last surveyed at " + lastSurveyedAt + "; the minimum interval of " + minInterval
                + " allows the next survey from " + allowedFrom;
        if (allowedFrom.isBefore(windowEndsAt)) {
            return new Outcome(Action.WAIT, SkipReason.MIN_INTERVAL, detail, allowedFrom);
        }
        return Outcome.skip(SkipReason.MIN_INTERVAL, detail + ", after the occasion ends (" + windowEndsAt + ")");
    }

    /** The first instant a contact last surveyed at {@code lastSurveyedAt} may be surveyed again; null = any time. */
    public static Instant nextAllowed(Instant lastSurveyedAt, Duration minInterval) {
        return lastSurveyedAt == null ? null : lastSurveyedAt.plus(minInterval);
    }
}
