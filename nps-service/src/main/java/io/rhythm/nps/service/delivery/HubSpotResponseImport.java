package io.rhythm.nps.service.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.nps.domain.NpsCategory;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.clients.ContactEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Imports a HubSpot {@code feedback_submissions} export into a cycle: NPS submissions only
 * ({@code hs_survey_type}), score {@code hs_value} 0–10 (checked against {@code hs_response_group} when
 * given), comment {@code hs_content}, time {@code hs_submission_timestamp} (ISO-8601 or epoch
 * milliseconds), respondent by {@code email} matched to exactly one contact. Each row in its own
 * transaction; a contact that already answered the cycle is a duplicate; an unmatched respondent is kept
 * in the unmatched queue.
 */
@ApplicationScoped
public class HubSpotResponseImport {

    public static final String CHANNEL = "IMPORT";

    @Inject
    EntityManager em;
    @Inject
    ContactDirectory contacts;
    @Inject
    ResponseRecorder recorder;
    @Inject
    Clock clock;

    public record RowProblem(String field, String message) {
    }

    public record RowResult(int row, String status, String responseId, String email, List<RowProblem> errors) {
    }

    public List<RowResult> importRows(UUID cycleId, List<JsonNode> rows) {
        List<RowResult> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            int index = i;
            JsonNode row = rows.get(i);
            results.add(QuarkusTransaction.requiringNew().call(() -> importRow(cycleId, index, row)));
        }
        return results;
    }

    private RowResult importRow(UUID cycleId, int index, JsonNode row) {
        // locked shared: the cycle cannot close while this row is recorded (CycleClosing locks it exclusively)
        Object status = em.createNativeQuery("select status from survey_cycle where id = ?1 for share")
                .setParameter(1, cycleId).getSingleResult();
        if (io.rhythm.nps.domain.SurveyCycle.CLOSED.equals(status)) {
            return rejected(index, row != null && row.isObject() ? text(row, "email") : null,
                    List.of(new RowProblem("cycle", "the cycle closed during the import: its results are frozen")));
        }
        if (row == null || !row.isObject()) {
            return rejected(index, null, List.of(new RowProblem("row", "must be a JSON object")));
        }
        List<RowProblem> problems = new ArrayList<>();
        String type = text(row, "hs_survey_type");
        if (type != null && !type.equalsIgnoreCase("NPS")) {
            problems.add(new RowProblem("hs_survey_type", "'" + type + "' is not an NPS survey"));
        }
        Integer score = null;
        JsonNode value = row.get("hs_value");
        String raw = value == null || value.isNull() ? null : value.asText().strip();
        if (raw == null || !raw.matches("\\d{1,2}") || Integer.parseInt(raw) > 10) {
            problems.add(new RowProblem("hs_value", "must be a whole number from 0 to 10"));
        } else {
            score = Integer.parseInt(raw);
        }
        String group = text(row, "hs_response_group");
        if (group != null && score != null && !NpsCategory.of(score).name().equalsIgnoreCase(group)) {
            problems.add(new RowProblem("hs_response_group", "'" + group + "' does not match hs_value " + score
                    + " (" + NpsCategory.of(score).name().toLowerCase(Locale.ROOT) + ")"));
        }
        Instant at = timestamp(text(row, "hs_submission_timestamp"), problems);
        String email = text(row, "email");
        if (email == null) {
            problems.add(new RowProblem("email", "is required to match the respondent"));
        }
        String comment = text(row, "hs_content");
        if (comment != null && comment.length() > SurveyResponses.COMMENT_MAX_LENGTH) {
            problems.add(new RowProblem("hs_content", "longer than " + SurveyResponses.COMMENT_MAX_LENGTH + " characters"));
        }
        if (!problems.isEmpty()) {
            return rejected(index, email, problems);
        }
        List<ContactEntry> matches = contacts.byEmail(email);
        if (matches.size() != 1) {
            String reason = matches.isEmpty() ? "no contact has email " + email
                    : matches.size() + " contacts (of different clients) have email " + email;
            em.createNativeQuery("""
                            insert into unmatched_response (id, cycle_id, source, email, reason, payload, received_at)
                            values (?1, ?2, 'hubspot', ?3, ?4, cast(?5 as jsonb), ?6)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, cycleId).setParameter(3, email).setParameter(4, reason)
                    .setParameter(5, row.toString()).setParameter(6, Timestamp.from(Instant.now(clock))).executeUpdate();
            return new RowResult(index, "UNMATCHED", null, email, List.of(new RowProblem("email", reason + "; kept in the unmatched queue")));
        }
        ContactEntry contact = matches.get(0);
        boolean answered = !em.createNativeQuery("select 1 from survey_response where cycle_id = ?1 and contact_id = ?2")
                .setParameter(1, cycleId).setParameter(2, contact.contactId()).getResultList().isEmpty();
        if (answered) {
            return new RowResult(index, "DUPLICATE", null, email,
                    List.of(new RowProblem("email", "this contact has already answered the cycle")));
        }
        UUID id = recorder.record(cycleId, contact.clientId(), contact.contactId(), score, comment, CHANNEL, at);
        return new RowResult(index, "IMPORTED", id.toString(), email, List.of());
    }

    private Instant timestamp(String value, List<RowProblem> problems) {
        if (value == null) {
            problems.add(new RowProblem("hs_submission_timestamp", "is required"));
            return null;
        }
        try {
            Instant at = value.matches("\\d{10,13}") ? Instant.ofEpochMilli(Long.parseLong(value)) : Instant.parse(value);
            if (at.isAfter(Instant.now(clock).plusSeconds(300))) {
                problems.add(new RowProblem("hs_submission_timestamp", "is in the future"));
            }
            return at;
        } catch (DateTimeParseException | NumberFormatException e) {
            problems.add(new RowProblem("hs_submission_timestamp", "must be ISO-8601 or epoch milliseconds"));
            return null;
        }
    }

    private static RowResult rejected(int index, String email, List<RowProblem> problems) {
        return new RowResult(index, "REJECTED", null, email, problems);
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
