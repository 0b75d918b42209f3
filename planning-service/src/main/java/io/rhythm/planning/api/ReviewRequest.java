package io.rhythm.planning.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Appendix B's quarterly review components. */
@Schema(example = """
        {"label": "Q1 2026", "reviewDate": "2026-04-14", "progress": "2 of 3 objectives on track",
         "pipelineStatus": "Pathology module moved to negotiation", "winLoss": "Lost the imaging tender on price",
         "riskRefresh": "Sunrise FY2028 loss confirmed", "sapProgress": "Monthly updates on time",
         "nextQuarterPriorities": "Executive sponsor meeting; close pathology"}""")
public record ReviewRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9 ./-]+", message = "letters, digits, spaces, . / - only")
        @Schema(description = "unique per plan, e.g. Q1 2026, 2H 2026, Q4 2026") String label,
        @NotNull LocalDate reviewDate,
        @NotBlank @Size(max = 8000) @Schema(description = "progress vs annual plan") String progress,
        @NotBlank @Size(max = 8000) String pipelineStatus,
        @NotBlank @Size(max = 8000) String winLoss,
        @NotBlank @Size(max = 8000) String riskRefresh,
        @Size(max = 8000) String sapProgress,
        @NotBlank @Size(max = 8000) String nextQuarterPriorities) {
}
