package io.rhythm.planning.api;

import io.rhythm.planning.domain.Sentiment;
import io.rhythm.planning.domain.StakeholderRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(example = """
        {"contactId": null, "name": "Dr Jane Doe", "title": "CIO", "role": "ECONOMIC_BUYER", "influence": 5,
         "sentiment": "NEUTRAL", "engagementFrequency": "monthly", "relationshipStrength": 3, "lastContactDate": "2026-02-10"}""")
public record StakeholderRequest(
        @Schema(description = "A contact of this client from the contact directory (optional)") UUID contactId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String title,
        @NotNull StakeholderRole role,
        @NotNull @Min(1) @Max(5) Integer influence,
        @NotNull Sentiment sentiment,
        @Size(max = 100) String engagementFrequency,
        @NotNull @Min(1) @Max(5) Integer relationshipStrength,
        LocalDate lastContactDate) {
}
