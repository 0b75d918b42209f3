package io.rhythm.calendar.api;

import io.rhythm.calendar.domain.ActivityType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** A client activity to schedule: local start time in its time zone, attendees, agenda notes. */
@Schema(example = """
        {"clientId": "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11", "activityType": "QBR", "title": "Q4 business review",
         "startsAt": "2026-12-10T10:00:00", "timeZone": "Australia/Sydney", "durationMinutes": 60,
         "attendees": [{"kind": "INTERNAL", "username": "cse"}, {"kind": "CLIENT", "name": "Jo Citizen", "email": "jo@example.org"}],
         "notes": "Agenda: roadmap, support backlog"}""")
public record PlanActivityRequest(
        @NotNull UUID clientId,
        @NotNull ActivityType activityType,
        @NotBlank @Size(max = 200) String title,
        @NotNull LocalDateTime startsAt,
        @NotBlank @Size(max = 60) String timeZone,
        @NotNull @Min(5) @Max(1440) Integer durationMinutes,
        @Size(max = 50) List<@Valid @NotNull AttendeeRequest> attendees,
        @Size(max = 4000) String notes) {

    public record AttendeeRequest(
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "INTERNAL|CLIENT", message = "must be INTERNAL or CLIENT") String kind,
            @Size(max = 100) String username,
            @Size(max = 200) String name,
            @Size(max = 320) @jakarta.validation.constraints.Email String email) {
    }
}
