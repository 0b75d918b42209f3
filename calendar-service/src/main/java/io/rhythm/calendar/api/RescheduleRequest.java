package io.rhythm.calendar.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDateTime;

/** Moves a planned activity (If-Match with its ETag). */
@Schema(example = """
        {"startsAt": "2026-12-11T14:00:00", "timeZone": "Australia/Sydney", "durationMinutes": 90}""")
public record RescheduleRequest(
        @NotNull LocalDateTime startsAt,
        @NotBlank @Size(max = 60) String timeZone,
        @NotNull @Min(5) @Max(1440) Integer durationMinutes) {
}
