package io.rhythm.planning.readiness.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(example = """
        {"scope": "REGION", "scopeValue": "APAC", "asOf": "2026-12-04"}""")
public record AssessmentRequest(
        @NotNull @Pattern(regexp = "PORTFOLIO|REGION|CSE", message = "must be PORTFOLIO, REGION or CSE")
        @Schema(description = "PORTFOLIO: every client you see; REGION: one region; CSE: one CSE's portfolio") String scope,
        @Size(max = 100) @Schema(description = "the region or the CSE's username; not for PORTFOLIO") String scopeValue,
        @Schema(description = "default today (UTC)") LocalDate asOf) {
}
