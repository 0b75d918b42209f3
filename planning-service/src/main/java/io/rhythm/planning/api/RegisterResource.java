package io.rhythm.planning.api;

import io.rhythm.planning.domain.StakeholderMap;
import io.rhythm.planning.service.Registers;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A plan's registers: stakeholder map, opportunity register and risk register. Creates accept
 * Idempotency-Key; replacements need If-Match. Marketing reads the stakeholder map but no money.
 */
@Path("/api/v1/plans/{planId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Account plans")
public class RegisterResource {

    @Inject
    Registers registers;
    @Inject
    IdempotentRequests idempotent;

    // --- stakeholders ---

    @POST
    @Path("/stakeholders")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Add a stakeholder to the plan's map", description = "Role, influence 1-5, sentiment, engagement "
            + "frequency, relationship strength 1-5, last contact date; contactId, if given, must be a contact of the client.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = StakeholderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Plan unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addStakeholder(@PathParam("planId") UUID planId, @HeaderParam(IdempotentRequests.HEADER) String key,
                                   @Valid @NotNull StakeholderRequest request) {
        return idempotent.execute(key, "POST /api/v1/plans/" + planId + "/stakeholders", request, () -> {
            var s = registers.addStakeholder(planId, request);
            return Response.created(URI.create("/api/v1/plans/" + planId + "/stakeholders/" + s.id))
                    .tag(Versions.etag(s.version)).entity(StakeholderView.of(s)).build();
        });
    }

    @PUT
    @Path("/stakeholders/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Replace a stakeholder", description = "Requires If-Match (428 missing, 412 stale).")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = StakeholderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceStakeholder(@PathParam("planId") UUID planId, @PathParam("id") UUID id,
                                       @HeaderParam("If-Match") String ifMatch, @Valid @NotNull StakeholderRequest request) {
        var s = registers.replaceStakeholder(planId, id, ifMatch, request);
        return Response.ok(StakeholderView.of(s)).tag(Versions.etag(s.version)).build();
    }

    @GET
    @Path("/stakeholders")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The plan's stakeholders", description = "Cursor paging (?limit=1-200&cursor=), in id order.")
    @APIResponse(responseCode = "200", description = "A page of stakeholders")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Plan unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<StakeholderView> stakeholders(@PathParam("planId") UUID planId, @QueryParam("limit") Integer limit,
                                              @QueryParam("cursor") String cursor) {
        var page = registers.stakeholders(planId, PageRequest.of(limit, cursor));
        return page.map(StakeholderView::of);
    }

    @GET
    @Path("/stakeholder-map")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The stakeholder map's flags", description = "Single-threaded (fewer than two stakeholders with "
            + "influence and relationship strength of at least 3) and missing executive sponsor (no economic buyer who is not negative).")
    @APIResponse(responseCode = "200", description = "Flags", content = @Content(schema = @Schema(implementation = StakeholderMap.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Plan unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StakeholderMap stakeholderMap(@PathParam("planId") UUID planId) {
        return registers.stakeholderMap(planId);
    }

    // --- opportunities ---

    @POST
    @Path("/opportunities")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Add an opportunity", description = "Value as money (2 decimals at most), probability 0-100; "
            + "weighted value = value × probability / 100. A closed stage needs closeReason. Starts the stage history.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Plan unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addOpportunity(@PathParam("planId") UUID planId, @HeaderParam(IdempotentRequests.HEADER) String key,
                                   @Valid @NotNull OpportunityRequest request) {
        return idempotent.execute(key, "POST /api/v1/plans/" + planId + "/opportunities", request, () -> {
            var o = registers.addOpportunity(planId, request);
            return Response.created(URI.create("/api/v1/plans/" + planId + "/opportunities/" + o.id))
                    .tag(Versions.etag(o.version)).entity(OpportunityView.of(o)).build();
        });
    }

    @PUT
    @Path("/opportunities/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Replace an opportunity", description = "Requires If-Match. A new stage or probability is added "
            + "to the stage history; closing (won/lost) needs closeReason; a closed opportunity cannot be reopened (409).")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Reopening a closed opportunity", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceOpportunity(@PathParam("planId") UUID planId, @PathParam("id") UUID id,
                                       @HeaderParam("If-Match") String ifMatch, @Valid @NotNull OpportunityRequest request) {
        var o = registers.replaceOpportunity(planId, id, ifMatch, request);
        return Response.ok(OpportunityView.of(o)).tag(Versions.etag(o.version)).build();
    }

    @GET
    @Path("/opportunities")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "The plan's opportunity register", description = "Cursor paging (?limit=1-200&cursor=), in id order.")
    @APIResponse(responseCode = "200", description = "A page of opportunities")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read financial registers", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Plan unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<OpportunityView> opportunities(@PathParam("planId") UUID planId, @QueryParam("limit") Integer limit,
                                               @QueryParam("cursor") String cursor) {
        var page = registers.opportunities(planId, PageRequest.of(limit, cursor));
        return page.map(OpportunityView::of);
    }

    @GET
    @Path("/opportunities/{id}/stage-history")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "An opportunity's stage movement", description = "Every stage/probability it has had, oldest first.")
    @APIResponse(responseCode = "200", description = "Stage history")
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read financial registers", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<StageChangeView> stageHistory(@PathParam("planId") UUID planId, @PathParam("id") UUID id) {
        return registers.stageHistory(planId, id).stream().map(StageChangeView::of).toList();
    }

    // --- risks ---

    @POST
    @Path("/risks")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Add an attrition risk", description = "Amount as money, the fiscal-year label it falls in "
            + "(e.g. FY2028, taken as given), status CONFIRMED / AT_RISK / MITIGATED / REALISED, probability 0-100, mitigation.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Plan unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addRisk(@PathParam("planId") UUID planId, @HeaderParam(IdempotentRequests.HEADER) String key,
                            @Valid @NotNull RiskRequest request) {
        return idempotent.execute(key, "POST /api/v1/plans/" + planId + "/risks", request, () -> {
            var r = registers.addRisk(planId, request);
            return Response.created(URI.create("/api/v1/plans/" + planId + "/risks/" + r.id))
                    .tag(Versions.etag(r.version)).entity(RiskView.of(r)).build();
        });
    }

    @PUT
    @Path("/risks/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Replace an attrition risk", description = "Requires If-Match (428 missing, 412 stale).")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = RiskView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not edit plans", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceRisk(@PathParam("planId") UUID planId, @PathParam("id") UUID id,
                                @HeaderParam("If-Match") String ifMatch, @Valid @NotNull RiskRequest request) {
        var r = registers.replaceRisk(planId, id, ifMatch, request);
        return Response.ok(RiskView.of(r)).tag(Versions.etag(r.version)).build();
    }

    @GET
    @Path("/risks")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "The plan's risk register", description = "Cursor paging (?limit=1-200&cursor=), in id order.")
    @APIResponse(responseCode = "200", description = "A page of risks")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read financial registers", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Plan unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RiskView> risks(@PathParam("planId") UUID planId, @QueryParam("limit") Integer limit,
                                @QueryParam("cursor") String cursor) {
        var page = registers.risks(planId, PageRequest.of(limit, cursor));
        return page.map(RiskView::of);
    }
}
