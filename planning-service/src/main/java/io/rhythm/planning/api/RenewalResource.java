package io.rhythm.planning.api;

import io.rhythm.planning.service.Renewals;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/renewals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Renewals")
public class RenewalResource {

    @Inject
    Renewals renewals;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Renewals due", description = "Clients whose contract ends between asOf and asOf + withinDays "
            + "(default today and 90), soonest first, with days remaining, annual revenue, whether the renewal is open "
            + "(kickoff = end − 90 days) and the risk protocol flag (health score < 70 or attrition on the client's risk "
            + "register). clientId: only that client's (empty when it has none in the window or is not yours). "
            + "CSE/CAM see their clients. Cursor paging.")
    @APIResponse(responseCode = "200", description = "A page of renewals")
    @APIResponse(responseCode = "400", description = "Bad asOf, withinDays, clientId, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read renewals (marketing, integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RenewalView> due(@Parameter(description = "YYYY-MM-DD, default today") @QueryParam("asOf") String asOf,
                                 @Parameter(description = "1-730, default 90") @QueryParam("withinDays") Integer withinDays,
                                 @Parameter(description = "one client (UUID)") @QueryParam("clientId") UUID clientId,
                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int within = withinDays == null ? 90 : withinDays;
        if (within < 1 || within > 730) {
            throw ApiException.invalid("withinDays", "must be between 1 and 730");
        }
        var page = renewals.due(date(asOf), within, clientId, PageRequest.of(limit, cursor));
        return page.map(RenewalView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Read an opened renewal", description = "The ETag guards recording its outcome.")
    @APIResponse(responseCode = "200", description = "The renewal", content = @Content(schema = @Schema(implementation = RenewalView.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read renewals", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        var renewal = renewals.visible(id);
        return Response.ok(RenewalView.of(renewal)).tag(Versions.etag(renewal.version)).build();
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Record a renewal's outcome", description = "RENEWED, RENEWED_WITH_CHANGE or CHURNED, once (409 "
            + "after), with the new annual revenue and the documented risk assessment. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = RenewalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not record outcomes", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Outcome already recorded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response outcome(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull RenewalOutcomeRequest request) {
        var renewal = renewals.recordOutcome(id, ifMatch, request);
        return Response.ok(RenewalView.of(renewal)).tag(Versions.etag(renewal.version)).build();
    }

    @POST
    @Path("/open-due")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open the renewal windows due by a date", description = "What the hourly job does for today: "
            + "opens, once per client and contract end, every renewal whose kickoff (end − 90 days) is on or before asOf "
            + "and whose contract has not ended, publishing RenewalWindowOpened. Admin only (back-fills, tests).")
    @APIResponse(responseCode = "200", description = "The renewals opened now (empty when none were due)")
    @APIResponse(responseCode = "400", description = "Bad asOf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RenewalView> openDue(@Parameter(description = "YYYY-MM-DD, default today") @QueryParam("asOf") String asOf) {
        return renewals.openDue(date(asOf)).stream().map(RenewalView::of).toList();
    }

    private LocalDate date(String asOf) {
        return AsOf.parse(asOf, clock);
    }
}
