package io.rhythm.nps.api;

import io.rhythm.nps.service.letters.BusinessUnitTalkingPoints;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A cycle's BU talking points and the EVP approval of a business unit (talking points and its letters). */
@Path("/api/v1/nps/cycles/{cycleId}/talking-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Client letters and talking points", description = "Drafts from a cycle's results, EVP approval, sending")
public class TalkingPointsResource {

    @Inject
    BusinessUnitTalkingPoints talkingPoints;

    @POST
    @Path("/generate")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Draft the cycle's BU talking points", description = "Per business unit (from the client "
            + "directory): NPS, counts, average, range, response rate, top themes, the clients that moved most. "
            + "Repeating it redrafts DRAFT talking points; approved ones are kept.")
    public BusinessUnitTalkingPoints.Generation generateTalkingPoints(@PathParam("cycleId") UUID cycleId) {
        return talkingPoints.generate(cycleId);
    }

    @GET
        @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A cycle's BU talking points", description = "By business unit; cursor paging.")
    public Page<TalkingPointsView> talkingPoints(@PathParam("cycleId") UUID cycleId, @QueryParam("limit") Integer limit,
                                                 @QueryParam("cursor") String cursor) {
        var rows = talkingPoints.list(cycleId, PageRequest.of(limit, cursor));
        return new Page<>(rows.items().stream().map(p -> TalkingPointsView.of(p, talkingPoints.pointsOf(p))).toList(),
                rows.nextCursor());
    }

    @GET
    @Path("/{businessUnit}")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One business unit's talking points")
    public TalkingPointsView talkingPoint(@PathParam("cycleId") UUID cycleId, @PathParam("businessUnit") String businessUnit) {
        var stored = talkingPoints.require(cycleId, businessUnit);
        return TalkingPointsView.of(stored, talkingPoints.pointsOf(stored));
    }

    @GET
    @Path("/{businessUnit}/html")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One business unit's talking points as HTML")
    public String talkingPointHtml(@PathParam("cycleId") UUID cycleId, @PathParam("businessUnit") String businessUnit) {
        return talkingPoints.html(talkingPoints.require(cycleId, businessUnit));
    }

    @POST
    @Path("/{businessUnit}/approve")
    @Transactional
    @RolesAllowed(Roles.EVP)
    @Operation(summary = "EVP approval of a business unit (EVP only)", description = "Approves the unit's talking points "
            + "and every DRAFT letter of its clients in the cycle; 409 when already approved.")
    public BusinessUnitTalkingPoints.Approval approveBusinessUnit(@PathParam("cycleId") UUID cycleId,
                                                                 @PathParam("businessUnit") String businessUnit) {
        return talkingPoints.approve(cycleId, businessUnit);
    }
}
