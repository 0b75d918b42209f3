package io.rhythm.planning.api;

import io.rhythm.planning.service.Plans;
import io.rhythm.planning.service.Registers;
import io.rhythm.planning.service.Renewals;
import io.rhythm.planning.service.SatisfactionPlans;
import io.rhythm.planning.workflow.service.WorkflowQueries;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A client's account plans, the latest plan's opportunities and risks, its Satisfaction Action Plans, renewals and
 * running workflows in one read (one token check, one transaction): what the gateway's Client 360 shows from
 * planning-service. Row-level access is the parts' own (404 outside the caller's portfolio); the parts a role may not
 * read (marketing: the money registers, SAPs, renewals) are withheld and named.
 */
@Path("/api/v1/plans/clients/{clientId}/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account plans")
public class ClientPlanningResource {

    /** Who may read the opportunities, risks, SAPs and renewals: those endpoints' roles. */
    static final List<String> REGISTER_ROLES = List.of(Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN);
    static final int LIST_LIMIT = 200;
    static final int RENEWAL_WINDOW_DAYS = 730;

    @Inject
    Plans plans;
    @Inject
    Registers registers;
    @Inject
    SatisfactionPlans saps;
    @Inject
    Renewals renewals;
    @Inject
    WorkflowQueries workflows;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's planning in one read", description = "The client's account plans (as GET "
            + "/plans?clientId=), the latest plan's opportunities and risks (latest fiscal year, then latest created; first "
            + "200 each), its open Satisfaction Action Plans, its renewals in the 730 days from asOf and its RUNNING "
            + "workflows (first 200 each), dates as of asOf (default today UTC): each part as its own endpoint answers it. "
            + "Parts the caller's role may not read are null and named in withheld (marketing: opportunities, risks, "
            + "satisfactionActionPlans, renewals). 404 when the client is unknown or outside your portfolio.")
    @APIResponse(responseCode = "200", description = "The client's planning",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientPlanningView.class)))
    public ClientPlanningView overview(@PathParam("clientId") UUID clientId,
                                       @Parameter(description = "YYYY-MM-DD, default today (UTC)") @QueryParam("asOf") String asOf) {
        LocalDate day = AsOf.parse(asOf, clock);
        List<PlanView> clientPlans = plans.ofClient(clientId);
        UUID latest = clientPlans.stream()
                .max(Comparator.comparing(PlanView::fiscalYear, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                        .thenComparing(PlanView::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())))
                .map(p -> UUID.fromString(p.id())).orElse(null);
        boolean registers = REGISTER_ROLES.stream().anyMatch(caller::hasRole);
        PageRequest first = PageRequest.of(LIST_LIMIT, null);
        return new ClientPlanningView(clientId.toString(), day, clientPlans, latest == null ? null : latest.toString(),
                registers && latest != null ? this.registers.opportunities(latest, first).map(OpportunityView::of) : null,
                registers && latest != null ? this.registers.risks(latest, first).map(RiskView::of) : null,
                registers ? saps.list(clientId, false, first).map(s -> SapView.of(s, day, null, null)) : null,
                registers ? renewals.due(day, RENEWAL_WINDOW_DAYS, clientId, first).map(RenewalView::of) : null,
                workflows.list(new WorkflowQueries.Filter(clientId, "RUNNING", null, false, day), first, caller),
                registers ? List.of() : List.of("opportunities", "risks", "satisfactionActionPlans", "renewals"));
    }
}
