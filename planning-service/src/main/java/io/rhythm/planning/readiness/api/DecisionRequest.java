package io.rhythm.planning.readiness.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"score": 2, "reason": "Plans exist but most are a title only"}""")
public record DecisionRequest(
        @NotNull @Min(1) @Max(5) Integer score,
        @Size(max = 2000) @Schema(description = "required when the score differs from Rhythm's proposal or the criterion was unassessed")
        String reason) {
}
