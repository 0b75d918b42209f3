package io.rhythm.planning.api;

import io.rhythm.planning.domain.RiskStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"description": "Sunrise consolidates onto the state platform", "amount": {"amount": "1120000.00", "currency": "AUD"},
         "fiscalYear": "FY2028", "status": "CONFIRMED", "probability": 100,
         "mitigationPlan": "Retain the pathology module through the transition", "owner": "cam"}""")
public record RiskRequest(
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Valid MoneyInput amount,
        @NotNull @Pattern(regexp = "FY\\d{2}(\\d{2})?", message = "must be a fiscal-year label such as FY2028")
        @Schema(description = "Fiscal-year label the loss falls in, taken as given") String fiscalYear,
        @NotNull RiskStatus status,
        @NotNull @Min(0) @Max(100) @Schema(description = "integer percent; at-risk amounts are weighted by it") Integer probability,
        @Size(max = 4000) String mitigationPlan,
        @Size(max = 100) @Schema(description = "default: the caller") String owner) {
}
