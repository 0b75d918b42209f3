package io.rhythm.planning.api;

import io.rhythm.planning.domain.CriterionAssessment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** One action of a Satisfaction Action Plan, with seed 000's template fields. */
@Schema(example = """
        {"description": "Fix the pathology interface backlog", "businessFunction": "Product Support",
         "accountable": ["cse", "Head of Support"], "timeframe": "Q2 2026", "dueDate": "2026-06-30",
         "successCriteria": "No open P1/P2 interface tickets for 60 days", "measurementMethod": "Support ticket report",
         "reviewDates": ["2026-04-30", "2026-05-31"]}""")
public record SapActionRequest(
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Size(max = 200) String businessFunction,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> accountable,
        @NotBlank @Size(max = 200) String timeframe,
        LocalDate dueDate,
        @NotBlank @Size(max = 2000) String successCriteria,
        @NotBlank @Size(max = 2000) String measurementMethod,
        @Size(max = 24) List<@NotNull LocalDate> reviewDates,
        @Schema(description = "how the success criterion turned out; every action needs one before the plan closes")
        CriterionAssessment assessment,
        @Size(max = 2000) String assessmentNote) {
}
