package io.rhythm.segmentation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(example = """
        {"clientId": "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11", "segment": "MAINTAIN",
         "reason": "Satisfaction fell below 7 in NPS Q2 2026"}""")
public record AssignmentRequest(
        @NotNull UUID clientId,
        @NotBlank @Schema(description = "MAINTAIN, LEVERAGE, NURTURE, COLLABORATE, SLEEPING_GIANTS or GIANTS "
                + "(display and singular spellings accepted)") String segment,
        @NotBlank @Size(max = 500) String reason) {
}
