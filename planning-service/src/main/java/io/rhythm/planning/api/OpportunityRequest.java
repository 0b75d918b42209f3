package io.rhythm.planning.api;

import io.rhythm.planning.domain.OpportunityStage;
import io.rhythm.planning.domain.OpportunityType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(example = """
        {"name": "Pathology module", "type": "NEW_MODULE", "value": {"amount": "1200000.00", "currency": "AUD"},
         "stage": "PROPOSAL", "probability": 60, "expectedClose": "2026-05-30", "owner": "cse"}""")
public record OpportunityRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull OpportunityType type,
        @NotNull @Valid MoneyInput value,
        @NotNull OpportunityStage stage,
        @NotNull @Min(0) @Max(100) @Schema(description = "integer percent") Integer probability,
        LocalDate expectedClose,
        @Size(max = 100) @Schema(description = "default: the caller") String owner,
        @Size(max = 2000) @Schema(description = "required for CLOSED_WON and CLOSED_LOST (win/loss analysis)") String closeReason) {
}
