package io.rhythm.planning.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plan's own Appendix B components; replaces them all (send the ones you keep). */
@Schema(example = """
        {"title": "Sunrise Health FY2026", "maintenanceRevenue": {"amount": "1120000.00", "currency": "AUD"},
         "growthRevenue": {"amount": "250000.00", "currency": "AUD"},
         "engagementPlan": "Monthly check-ins, QBR each quarter, annual executive review (Sleeping Giants cadence)",
         "uncomfortableTruths": "The CIO is leaving in March; our champion has no budget authority."}""")
public record PlanUpdateRequest(
        @NotBlank @Size(max = 200) String title,
        @Valid @Schema(description = "Revenue forecast: maintenance (existing contracts)") MoneyInput maintenanceRevenue,
        @Valid @Schema(description = "Revenue forecast: growth (new business)") MoneyInput growthRevenue,
        @Size(max = 4000) @Schema(description = "Engagement plan aligned to the client's segment (Activity Register cadence)")
        String engagementPlan,
        @Size(max = 8000) String uncomfortableTruths) {
}
