package io.rhythm.planning.api;

import io.rhythm.planning.domain.SatisfactionActionPlan;
import io.rhythm.planning.service.SatisfactionPlans;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/plans/saps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Satisfaction Action Plans")
public class SapResource {

    @Inject
    SatisfactionPlans saps;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Satisfaction Action Plans: the work list", description = "Open plans of the caller's clients "
            + "(or of one client; ?includeClosed=true adds closed ones), with next monthly update and quarterly review "
            + "dates and whether they are overdue as of asOf (default today); ?overdueOnly=true keeps the overdue ones "
            + "of the page. Drafts appear automatically when segmentation puts a client in Maintain, Nurture or "
            + "Sleeping Giants. Cursor paging.")
    @APIResponse(responseCode = "200", description = "A page of plans")
    @APIResponse(responseCode = "400", description = "Bad asOf, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read plans (marketing, integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<SapView> list(@QueryParam("clientId") UUID clientId, @QueryParam("includeClosed") boolean includeClosed,
                              @QueryParam("overdueOnly") boolean overdueOnly,
                              @Parameter(description = "YYYY-MM-DD, default today") @QueryParam("asOf") String asOf,
                              @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        LocalDate on = date(asOf);
        Page<SatisfactionActionPlan> page = saps.list(clientId, includeClosed, PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(s -> SapView.of(s, on, null, null))
                .filter(v -> !overdueOnly || v.updateOverdue() || v.reviewOverdue()).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Read a Satisfaction Action Plan", description = "With its actions, progress updates and reviews, "
            + "and its cadence as of asOf. The ETag guards activate and close.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = SapView.class)))
    @APIResponse(responseCode = "400", description = "Bad asOf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        SatisfactionActionPlan sap = saps.visible(id);
        return Response.ok(SapView.of(sap, date(asOf), saps.actions(id), saps.progress(id)))
                .tag(Versions.etag(sap.version)).build();
    }

    @POST
    @Path("/{id}/actions")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Add an action", description = "Seed 000's template: description, business function responsible, "
            + "people accountable, timeframe, success criteria, measurement method, review dates. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = SapView.Action.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addAction(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                              @Valid @NotNull SapActionRequest request) {
        return idempotent.execute(key, "POST /api/v1/plans/saps/" + id + "/actions", request, () -> {
            var action = saps.addAction(id, request);
            return Response.created(URI.create("/api/v1/plans/saps/" + id + "/actions/" + action.id))
                    .tag(Versions.etag(action.version)).entity(SapView.Action.of(action)).build();
        });
    }

    @PUT
    @Path("/{id}/actions/{actionId}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Replace an action", description = "Also how a success criterion is assessed (MET, PARTIALLY_MET, "
            + "NOT_MET). Requires If-Match with the action's ETag.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = SapView.Action.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceAction(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId,
                                  @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SapActionRequest request) {
        var action = saps.replaceAction(id, actionId, ifMatch, request);
        return Response.ok(SapView.Action.of(action)).tag(Versions.etag(action.version)).build();
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Activate a draft plan", description = "Starts the cadence on asOf (default today): monthly "
            + "progress updates, quarterly formal reviews. Needs at least one action. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Active", content = @Content(schema = @Schema(implementation = SapView.class)))
    @APIResponse(responseCode = "400", description = "Bad asOf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft, or no actions", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response activate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @QueryParam("asOf") String asOf) {
        LocalDate on = date(asOf);
        var sap = saps.activate(id, ifMatch, on);
        return Response.ok(SapView.of(sap, on, null, null)).tag(Versions.etag(sap.version)).build();
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Record a progress update or a formal review", description = "UPDATE (monthly) or REVIEW "
            + "(quarterly, also counts as an update); moves the next due dates. Active plans only.")
    @APIResponse(responseCode = "200", description = "Recorded; the plan with its new cadence", content = @Content(schema = @Schema(implementation = SapView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan is not active", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response progress(@PathParam("id") UUID id, @Valid @NotNull SapProgressRequest request) {
        var sap = saps.addProgress(id, request);
        return Response.ok(SapView.of(sap, request.onDate(), null, null)).tag(Versions.etag(sap.version)).build();
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Close a plan", description = "Only when every action's success criterion has been assessed "
            + "(409 names the ones that are not). Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = SapView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Criteria not assessed, or already closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @Valid @NotNull SapCloseRequest request) {
        var sap = saps.close(id, ifMatch, request.summary());
        return Response.ok(SapView.of(sap, LocalDate.now(clock), null, null)).tag(Versions.etag(sap.version)).build();
    }

    private LocalDate date(String asOf) {
        return AsOf.parse(asOf, clock);
    }
}
