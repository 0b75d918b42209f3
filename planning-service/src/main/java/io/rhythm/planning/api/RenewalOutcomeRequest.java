package io.rhythm.planning.api;

import io.rhythm.planning.domain.RenewalStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"outcome": "RENEWED_WITH_CHANGE", "newAnnualRevenue": {"amount": "520000.00", "currency": "AUD"},
         "riskAssessment": "Budget cut in the Health BU; reduced seat count, kept the pathology module"}""")
public record RenewalOutcomeRequest(
        @NotNull @Schema(description = "RENEWED, RENEWED_WITH_CHANGE or CHURNED") RenewalStatus outcome,
        @Valid MoneyInput newAnnualRevenue,
        @Size(max = 4000) @Schema(description = "the documented risk assessment (seed 002)") String riskAssessment) {
}
