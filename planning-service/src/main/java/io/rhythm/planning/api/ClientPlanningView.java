package io.rhythm.planning.api;

import io.rhythm.planning.workflow.api.WorkflowSummaryView;
import io.rhythm.platform.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * One client's planning in one read: each part is what the part's own endpoint answers this caller (same rows, same
 * shape), so a composed view (the gateway's Client 360) needs one call instead of a chain of six.
 */
@Schema(name = "ClientPlanning")
public record ClientPlanningView(
        String clientId,
        @Schema(description = "the day renewals, SAP dates and workflow due dates are read against (YYYY-MM-DD)") LocalDate asOf,
        @Schema(description = "as GET /api/v1/plans?clientId= (newest fiscal year first)") List<PlanView> plans,
        @Schema(description = "the plan of the latest fiscal year (then the latest created); null without a plan", nullable = true) String latestPlanId,
        @Schema(description = "the latest plan's opportunities, as GET /api/v1/plans/{planId}/opportunities?limit=200; null without a plan or when withheld", nullable = true) Page<OpportunityView> opportunities,
        @Schema(description = "the latest plan's risks, as GET /api/v1/plans/{planId}/risks?limit=200; null without a plan or when withheld", nullable = true) Page<RiskView> risks,
        @Schema(description = "open Satisfaction Action Plans, as GET /api/v1/plans/saps?clientId=&asOf=&limit=200; null when withheld", nullable = true) Page<SapView> satisfactionActionPlans,
        @Schema(description = "renewals in the 730 days from asOf, as GET /api/v1/renewals?clientId=&asOf=&withinDays=730&limit=200; null when withheld", nullable = true) Page<RenewalView> renewals,
        @Schema(description = "RUNNING workflows, as GET /api/v1/workflows?clientId=&status=RUNNING&asOf=&limit=200") Page<WorkflowSummaryView> workflows,
        @Schema(description = "parts left out because the caller's role may not read them (marketing: opportunities, risks, satisfactionActionPlans, renewals)") List<String> withheld) {
}
