package io.rhythm.calendar.api;

import io.rhythm.calendar.domain.ActivityType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(example = """
        {"clientId": "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11", "activityType": "QBR", "occurredOn": "2026-11-12",
         "summary": "Quarterly business review with the CIO"}""")
public record ActivityRequest(
        @NotNull UUID clientId,
        @NotNull ActivityType activityType,
        @NotNull LocalDate occurredOn,
        @Size(max = 2000) String summary) {
}
