package io.rhythm.gateway.views.client360;

import io.rhythm.gateway.views.Section;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Everything about one client on one screen; each part is a {@link Section} from the service that owns it. */
@Schema(name = "Client360")
public record Client360View(
        String clientId, LocalDate asOf,
        @Schema(description = "names of the sections that are UNAVAILABLE") List<String> degraded,
        @Schema(description = "health-service client: name, owners, revenue, lifecycle, renewal date") Section profile,
        @Schema(description = "health-service contacts (array)") Section contacts,
        @Schema(description = "health-service score: band, components with weights, contributions and inputs, change since the previous score and a month ago (drivers)") Section health,
        @Schema(description = "health-service score history (trend)") Section healthTrend,
        @Schema(description = "segmentation-service segment with assessment, override, strategies, cadences, migrations") Section segment,
        @Schema(description = "segmentation-service Activity Register row of this client: cadence items with last held, next due, status") Section cadence,
        @Schema(description = "nps-service NPS per cycle for this client") Section npsHistory,
        @Schema(description = "nps-service themes of this client's comments in the latest cycle") Section latestThemes,
        @Schema(description = "health-service alerts not RESOLVED (array)") Section openAlerts,
        @Schema(description = "nps-service detractor cases not CLOSED (array)") Section detractorCases,
        @Schema(description = "planning-service account plans of this client (array: fiscal year, revenue forecast, SAP required, health assessment)") Section accountPlans,
        @Schema(description = "planning-service opportunities of the latest plan (array)") Section opportunities,
        @Schema(description = "planning-service risks of the latest plan (array)") Section risks,
        @Schema(description = "planning-service satisfaction action plans (array)") Section satisfactionActionPlans,
        @Schema(description = "planning-service renewals of this client in the next 730 days (array)") Section renewal,
        @Schema(description = "planning-service workflows RUNNING (array)") Section workflows,
        @Schema(description = "calendar-service planned engagement activities (array)") Section upcomingMeetings,
        @Schema(description = "calendar-service operating-rhythm events in the next 30 days (array)") Section upcomingMilestones,
        @Schema(description = "health-service Working Capital: aged receivables as of asOf per currency (outstanding, overdue, buckets CURRENT, 1-30, 31-60, 61-90, 90+ with amounts and counts), payment failures in 90 days and open billing disputes") Section workingCapital) {

}
