package io.rhythm.calendar.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.rhythm.platform.web.problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Past meetings from a CRM's meetings export (one row per meeting, as Dynamics/HubSpot export them): the CRM's
 * meeting id, the client, the meeting type as the CRM labels it ("Quarterly Business Review") or Rhythm's code
 * (QBR), subject, local start time with its time zone, duration, organiser, attendees, notes and outcome. Rows are
 * checked one by one; strings are checked per row too (a bad row never rejects the batch).
 */
@Schema(example = """
        {"source": "dynamics", "rows": [{"externalId": "MTG-000123", "clientId": "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11",
         "meetingType": "Quarterly Business Review", "subject": "Q3 QBR with the CIO", "startTime": "2026-09-14T10:00:00",
         "timeZone": "Australia/Sydney", "durationMinutes": 60, "organizer": "cse", "attendees": "cse; Jo Citizen <jo@example.org>",
         "notes": "Roadmap reviewed", "outcome": "Renewal on track"}]}""")
public record ActivityImport(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and dashes only") String source,
        @NotEmpty @Size(max = 5000) List<@NotNull @Valid Row> rows) {

    /** One exported meeting; every field is checked by the import, row by row. */
    public record Row(String externalId, String clientId, String meetingType, String subject, String startTime,
                      String timeZone, Integer durationMinutes, String organizer, String attendees, String notes,
                      String outcome) {
    }

    /** What happened to one row: CREATED, DUPLICATE (the external id was imported before) or REJECTED with errors. */
    public record RowResult(int index, String externalId, String status, String activityId, List<FieldError> errors) {
    }


    public record Result(int created, int duplicates, int rejected, List<RowResult> rows) {
    }
}
