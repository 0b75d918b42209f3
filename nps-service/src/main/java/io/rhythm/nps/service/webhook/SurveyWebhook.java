package io.rhythm.nps.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.recipients.RecipientCheck;
import io.rhythm.nps.domain.recipients.RecipientIssue;
import io.rhythm.nps.service.delivery.SurveyResponses;
import io.rhythm.nps.service.delivery.ResponseRecorder;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.clients.ContactEntry;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Records an answer delivered by an external survey tool through the signed webhook (the signature is checked
 * before this is called).
 *
 * <ul>
 *   <li>Body: {@code eventId} (required, the sender's id of this delivery), {@code email} (required),
 *       {@code clientId} (optional: narrows the match to that client), {@code clientExternalId} (optional, kept with the
 *       event: the client projection carries no external ids, so it does not take part in matching), {@code score}
 *       0–10, {@code comment} (≤ 2,000), {@code submittedAt} (ISO-8601, not in the future), {@code surveyType} (optional:
 *       NPS, RELATIONSHIP or TRANSACTIONAL), {@code cycleId} (optional: the answer counts for that cycle).</li>
 *   <li>The event id is recorded in the same transaction as the answer: a repeated delivery is DUPLICATE and records
 *       nothing (a concurrent repeat waits on the first and then sees it). A contact who already answered the given
 *       cycle is DUPLICATE as well.</li>
 *   <li>The email matches exactly one contact (of the client, when given) → RECORDED through {@link ResponseRecorder}
 *       (channel WEBHOOK), otherwise UNMATCHED into the unmatched queue (source {@code webhook}) for a person.</li>
 * </ul>
 */
@ApplicationScoped
public class SurveyWebhook {

    public static final String CHANNEL = "WEBHOOK";
    public static final String SOURCE = "webhook";
    private static final Set<String> SURVEY_TYPES = Set.of("NPS", "RELATIONSHIP", "TRANSACTIONAL");

    @Inject
    EntityManager em;
    @Inject
    ContactDirectory contacts;
    @Inject
    ResponseRecorder recorder;
    @Inject
    Clock clock;

    /** What happened to a delivery. */
    public record Result(String eventId, String result, String responseId, String unmatchedId, String detail) {
    }

    private record Submission(String eventId, String email, UUID clientId, int score, String comment, Instant submittedAt,
                              UUID cycleId) {
    }

    @Transactional
    public Result receive(JsonNode body) {
        Submission s = validate(body);
        if (s.cycleId() != null && SurveyCycle.findById(s.cycleId()) == null) {
            throw ApiException.notFound("Survey cycle", s.cycleId());
        }
        Instant now = Instant.now(clock);
        int fresh = em.createNativeQuery("""
                        insert into webhook_event (event_id, received_at, outcome) values (?1, ?2, 'RECORDED')
                        on conflict (event_id) do nothing""")
                .setParameter(1, s.eventId()).setParameter(2, Timestamp.from(now)).executeUpdate();
        if (fresh == 0) {
            Object[] first = (Object[]) em.createNativeQuery(
                            "select outcome, response_id, unmatched_id, received_at from webhook_event where event_id = ?1")
                    .setParameter(1, s.eventId()).getSingleResult();
            return new Result(s.eventId(), "DUPLICATE", first[1] == null ? null : first[1].toString(),
                    first[2] == null ? null : first[2].toString(), "event " + s.eventId() + " was already received ("
                    + first[0] + "); nothing was recorded again");
        }
        List<ContactEntry> matches = contacts.byEmail(s.email()).stream()
                .filter(c -> s.clientId() == null || c.clientId().equals(s.clientId())).toList();
        if (matches.size() != 1) {
            String reason = matches.isEmpty()
                    ? "no contact" + (s.clientId() == null ? "" : " of client " + s.clientId()) + " has email " + s.email()
                    : matches.size() + " contacts (of different clients) have email " + s.email();
            UUID unmatchedId = UUID.randomUUID();
            em.createNativeQuery("""
                            insert into unmatched_response (id, cycle_id, source, email, reason, payload, received_at)
                            values (?1, cast(?2 as uuid), ?3, ?4, ?5, cast(?6 as jsonb), ?7)""")
                    .setParameter(1, unmatchedId).setParameter(2, s.cycleId()).setParameter(3, SOURCE).setParameter(4, s.email())
                    .setParameter(5, reason).setParameter(6, body.toString()).setParameter(7, Timestamp.from(now)).executeUpdate();
            outcome(s.eventId(), "UNMATCHED", null, unmatchedId);
            return new Result(s.eventId(), "UNMATCHED", null, unmatchedId.toString(), reason + "; kept in the unmatched queue");
        }
        ContactEntry contact = matches.get(0);
        if (s.cycleId() != null && !em.createNativeQuery("select 1 from survey_response where cycle_id = ?1 and contact_id = ?2")
                .setParameter(1, s.cycleId()).setParameter(2, contact.contactId()).getResultList().isEmpty()) {
            outcome(s.eventId(), "DUPLICATE", null, null);
            return new Result(s.eventId(), "DUPLICATE", null, null, "this contact has already answered the cycle");
        }
        UUID responseId = recorder.record(s.cycleId(), null, contact.clientId(), contact.contactId(), s.score(), s.comment(),
                CHANNEL, s.submittedAt());
        outcome(s.eventId(), "RECORDED", responseId, null);
        return new Result(s.eventId(), "RECORDED", responseId.toString(), null, null);
    }

    private void outcome(String eventId, String outcome, UUID responseId, UUID unmatchedId) {
        em.createNativeQuery("update webhook_event set outcome = ?1, response_id = cast(?2 as uuid), unmatched_id = cast(?3 as uuid) "
                        + "where event_id = ?4")
                .setParameter(1, outcome).setParameter(2, responseId).setParameter(3, unmatchedId).setParameter(4, eventId)
                .executeUpdate();
    }

    /** 400 with every field error at once. */
    Submission validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String eventId = text(body, "eventId");
        if (eventId == null) {
            errors.add(new FieldError("eventId", "is required: the sender's id of this delivery, for de-duplication"));
        } else if (eventId.length() > 200) {
            errors.add(new FieldError("eventId", "must be at most 200 characters"));
        }
        String email = text(body, "email");
        if (email == null) {
            errors.add(new FieldError("email", "is required to match the respondent"));
        } else if (email.length() > 320 || RecipientCheck.check(email, true, "x", null).issues().contains(RecipientIssue.INVALID_EMAIL)) {
            errors.add(new FieldError("email", "is not a valid email address"));
        }
        UUID clientId = uuid(body, "clientId", errors);
        UUID cycleId = uuid(body, "cycleId", errors);
        String external = text(body, "clientExternalId");
        if (external != null && external.length() > 100) {
            errors.add(new FieldError("clientExternalId", "must be at most 100 characters"));
        }
        JsonNode scoreNode = body.get("score");
        int score = -1;
        if (scoreNode == null || scoreNode.isNull()) {
            errors.add(new FieldError("score", "is required"));
        } else if (!scoreNode.canConvertToInt() || !scoreNode.isIntegralNumber() || scoreNode.asInt() < 0 || scoreNode.asInt() > 10) {
            errors.add(new FieldError("score", "must be a whole number from 0 to 10"));
        } else {
            score = scoreNode.asInt();
        }
        JsonNode commentNode = body.get("comment");
        String comment = null;
        if (commentNode != null && !commentNode.isNull()) {
            if (!commentNode.isTextual()) {
                errors.add(new FieldError("comment", "must be text"));
            } else if (commentNode.asText().length() > SurveyResponses.COMMENT_MAX_LENGTH) {
                errors.add(new FieldError("comment", "must be at most " + SurveyResponses.COMMENT_MAX_LENGTH + " characters"));
            } else {
                comment = commentNode.asText();
            }
        }
        Instant submittedAt = null;
        String at = text(body, "submittedAt");
        if (at == null) {
            errors.add(new FieldError("submittedAt", "is required (ISO-8601, e.g. 2026-11-20T04:00:00Z)"));
        } else {
            try {
                submittedAt = Instant.parse(at);
                if (submittedAt.isAfter(Instant.now(clock).plus(Duration.ofMinutes(5)))) {
                    errors.add(new FieldError("submittedAt", "is in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("submittedAt", "must be ISO-8601, e.g. 2026-11-20T04:00:00Z"));
            }
        }
        String type = text(body, "surveyType");
        if (type != null && !SURVEY_TYPES.contains(type.toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("surveyType", "must be one of " + SURVEY_TYPES + ": only NPS answers are taken"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Submission(eventId, email, clientId, score, comment, submittedAt, cycleId);
    }

    private static UUID uuid(JsonNode body, String field, List<FieldError> errors) {
        String value = text(body, field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be a UUID"));
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
