package io.rhythm.gateway.views.earlywarnings;

import io.rhythm.gateway.views.Section;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Seed 000's five Early Warning Indicators. Each AVAILABLE section's data is an indicator:
 * {code, name, threshold, currentValue, triggered, clients: [{clientId, name, segment, ownerCse, value}], breakdown}.
 */
@Schema(name = "EarlyWarnings")
public record EarlyWarningsView(
        LocalDate asOf, String owner, String segment,
        @Schema(description = "names of the indicators that are UNAVAILABLE") List<String> degraded,
        @Schema(description = "health-service (GET /api/v1/health/declines): score at the end of asOf vs 30 days before, decline in % of the earlier score; value = decline %") Section healthDecline,
        @Schema(description = "health-service: tickets open > 30 days per segment (breakdown); value = tickets") Section supportBacklog,
        @Schema(description = "nps-service: the current cycle's response rate vs > 40 %; value = the client's rate %") Section npsResponseRate,
        @Schema(description = "planning-service (GET /api/v1/plans/opportunities/stage-movements): opportunities REGRESSED or STALLED over the 30 days to asOf (breakdown: counts per movement); value = the client's such opportunities") Section pipelineStageMovement,
        @Schema(description = "segmentation-service: Activity Register; value = overdue cadence activities") Section engagementCompliance) {
}
