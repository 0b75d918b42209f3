package io.rhythm.planning.readiness.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(example = """
        {"scope": "REGION", "scopeValue": "APAC", "asOf": "2026-12-04"}""")
public record AssessmentRequest(
        @NotNull @Pattern(regexp = "PORTFOLIO|REGION|CSE|SEGMENT", message = "must be PORTFOLIO, REGION, CSE or SEGMENT")
        @Schema(description = "PORTFOLIO: every client you see; REGION: one region; CSE: one CSE's portfolio; SEGMENT: the "
                + "clients segmentation currently places in one segment") String scope,
        @Size(max = 100) @Schema(description = "the region, the CSE's username or the segment (MAINTAIN, LEVERAGE, NURTURE, "
                + "COLLABORATE, SLEEPING_GIANTS, GIANTS); not for PORTFOLIO") String scopeValue,
        @Schema(description = "default today (UTC)") LocalDate asOf) {
}
