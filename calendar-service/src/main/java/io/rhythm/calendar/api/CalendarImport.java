package io.rhythm.calendar.api;

import io.rhythm.calendar.domain.CalendarEventType;
import io.rhythm.calendar.domain.ParticipantRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * An operating-rhythm calendar as data: the format of the bundled seed file
 * ({@code calendars/apac-2026.v1.json}) and of {@code POST /api/v1/calendar/imports}. An event's
 * {@code startsOn}/{@code endsOn} are the dates of the seed's Annual Calendar Overview; the other dates
 * of its detail table are its milestones.
 */
@Schema(example = """
        {"calendarKey": "APAC-2026", "version": 2, "region": "APAC", "year": 2026, "timeZone": "Australia/Sydney",
         "source": "APAC Client Success Operating Rhythm 2026 v1.1",
         "events": [{"code": "sales-target-workshop", "quarter": "Q1", "type": "WORKSHOP", "title": "Sales Target Workshop",
           "startsOn": "2026-01-12", "endsOn": "2026-01-12", "participants": ["EVP", "VP_COMMOPS", "AVP_CS"],
           "objective": "Develop and agree annual sales targets", "deliverables": ["Territory assignments confirmed"],
           "preparation": ["Analyse CSE weighted pipeline ($8.36M)"],
           "tools": [{"name": "APAC Intelligence Dashboard - Pipeline view", "url": "https://apac-cs-dashboards.com"}],
           "milestones": []}]}""")
public record CalendarImport(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and dashes only") String calendarKey,
        @NotNull @Min(1) @Max(1_000_000) Integer version,
        @NotBlank @Size(max = 40) String region,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotBlank @Size(max = 60) String timeZone,
        @NotBlank @Size(max = 500) String source,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Event> events) {

    public record Event(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and dashes only") String code,
            @NotBlank @Pattern(regexp = "Q[1-4]|ALL", message = "must be Q1, Q2, Q3, Q4 or ALL") String quarter,
            @NotNull CalendarEventType type,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotEmpty @Size(max = 30) List<@NotNull ParticipantRole> participants,
            @NotBlank @Size(max = 2000) String objective,
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 500) String> deliverables,
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 500) String> preparation,
            @NotNull @Size(max = 30) List<@Valid @NotNull Tool> tools,
            @Size(max = 50) List<@Valid @NotNull Milestone> milestones) {
    }

    public record Tool(@NotBlank @Size(max = 200) String name, @Size(max = 500) String url) {
    }

    public record Milestone(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and dashes only") String code,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {
    }
}
