package io.rhythm.segmentation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** An override: the segment a leader puts a client in, why, from when (today or earlier) and until when (optional). */
@Schema(example = """
        {"clientId": "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11", "segment": "Sleeping Giant",
         "reason": "Executive sponsor left; satisfaction at risk although NPS is still 8",
         "effectiveFrom": "2026-06-12", "expiresOn": "2026-12-31"}""")
public record AssignmentRequest(
        @NotNull UUID clientId,
        @NotBlank @Size(max = 40) @Schema(description = "MAINTAIN, LEVERAGE, NURTURE, COLLABORATE, SLEEPING_GIANTS or GIANTS "
                + "(display and singular spellings accepted)") String segment,
        @NotBlank @Size(max = 500) String reason,
        @Schema(description = "First day of the override (default today; may be in the past; a later day schedules it)") LocalDate effectiveFrom,
        @Schema(description = "Day the override ends (exclusive) and the computed segment returns; after today and after effectiveFrom")
        LocalDate expiresOn) {
}
