package io.rhythm.nps.api;

import io.rhythm.nps.service.RecipientLists;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/nps/cycles/{cycleId}/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recipient lists", description = "Who a cycle surveys, validated, signed off per client, then frozen")
public class RecipientResource {

    @Inject
    RecipientLists lists;
    @Inject
    Caller caller;
    @Inject
    io.rhythm.nps.service.delivery.NonResponders nonResponders;

    @POST
    @Path("/build")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Build recipient lists from the contacts", description = "For ?clientId=, or every client in your "
            + "portfolio. Each active contact is included only with a valid email and a subscription; missing/invalid emails, "
            + "unsubscribed contacts (manual outreach) and contacts without a role are flagged. Rebuilding clears a sign-off; "
            + "409 once frozen.")
    public List<RecipientLists.ClientList> build(@PathParam("cycleId") UUID cycleId, @QueryParam("clientId") UUID clientId) {
        return lists.build(cycleId, clientId, caller);
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Recipient lists and their validation report", description = "Your clients' lists (or ?clientId=), "
            + "by client name, with counts of included, excluded and flagged contacts and the sign-off.")
    public List<RecipientLists.ClientList> report(@PathParam("cycleId") UUID cycleId, @QueryParam("clientId") UUID clientId) {
        return lists.report(cycleId, clientId, caller);
    }

    @POST
    @Path("/{clientId}/sign-off")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Sign off a client's list", description = "By the client's CSE or CAM (or AVP and above), before the "
            + "recipient-list deadline (409 after it, or before the list is built, or once frozen).")
    public RecipientLists.ClientList signOff(@PathParam("cycleId") UUID cycleId, @PathParam("clientId") UUID clientId) {
        return lists.signOff(cycleId, clientId, caller);
    }

    @GET
    @Path("/non-responders")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Who has not answered yet", description = "Invited recipients of your clients (or ?clientId=) without "
            + "an answer, now, with reminders sent; contacts who have since unsubscribed are marked subscribed=false (follow up "
            + "personally, never by email).")
    public List<io.rhythm.nps.service.delivery.NonResponders.NonResponder> nonResponders(@PathParam("cycleId") UUID cycleId,
                                                                                       @QueryParam("clientId") UUID clientId) {
        return nonResponders.of(cycleId, clientId);
    }

    @POST
    @Path("/freeze")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Freeze the recipient lists", description = "No list changes afterwards; the answer names the clients "
            + "whose list was not signed off.")
    public RecipientLists.Freeze freeze(@PathParam("cycleId") UUID cycleId) {
        return lists.freeze(cycleId, caller);
    }
}
