package io.rhythm.nps.api;

import io.rhythm.nps.service.operations.NonResponderPulls;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/nps/cycles/{cycleId}/non-responder-pulls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Non-responder pulls", description = "Snapshots of who had not answered, kept for the record (day 5, day 12, by hand)")
public class NonResponderPullResource {

    @Inject
    NonResponderPulls pulls;
    @Inject
    Caller caller;
    @Inject
    IdempotentRequests idempotent;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A cycle's non-responder pulls, newest first", description = "The day-5 and day-12 pulls the "
            + "milestone scan takes when those milestones fall due (kind SCHEDULED, by 'system', once each) and any taken by "
            + "hand (MANUAL). nonResponders and clients count the rows you may see (a CSE/CAM: their own clients); invited "
            + "and responded (cycle-wide, at the time) are shown to portfolio-wide roles only. Cursor paging.")
    public Page<NonResponderPulls.PullView> list(@PathParam("cycleId") UUID cycleId, @QueryParam("limit") Integer limit,
                                                 @QueryParam("cursor") String cursor) {
        return pulls.list(cycleId, PageRequest.of(limit, cursor), caller);
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Take a pull by hand", description = "A snapshot of the cycle's non-responders now, kept for the "
            + "record (kind MANUAL). 409 before the recipient lists are frozen. 201 with the pull. Idempotency-Key: the same "
            + "key gives the same pull, taken once.")
    public Response take(@PathParam("cycleId") UUID cycleId, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String path = "/api/v1/nps/cycles/" + cycleId + "/non-responder-pulls";
        return idempotent.execute(idempotencyKey, "POST " + path, cycleId.toString(), () -> {
            NonResponderPulls.PullView pull = pulls.takeByHand(cycleId, caller);
            return Response.created(URI.create(path + "/" + pull.id())).entity(pull).build();
        });
    }

    @GET
    @Path("/{pullId}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One pull", description = "With the counts you may see; 404 for an unknown pull.")
    public NonResponderPulls.PullView get(@PathParam("cycleId") UUID cycleId, @PathParam("pullId") UUID pullId) {
        return pulls.get(cycleId, pullId, caller);
    }

    @GET
    @Path("/{pullId}/rows")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The non-responders of a pull", description = "As they were at the time of the pull: client (name "
            + "and owners then), contact, email, invited and last reminded at, reminders, and whether they could be e-mailed "
            + "(subscribed=false: follow up personally). By client name, then contact name; ?clientId= for one client (404 "
            + "if it is not yours). A CSE/CAM sees their own clients' rows. Cursor paging.")
    public Page<NonResponderPulls.PullRow> rows(@PathParam("cycleId") UUID cycleId, @PathParam("pullId") UUID pullId,
                                                @QueryParam("clientId") UUID clientId, @QueryParam("limit") Integer limit,
                                                @QueryParam("cursor") String cursor) {
        return pulls.rows(cycleId, pullId, clientId, PageRequest.of(limit, cursor), caller);
    }
}
