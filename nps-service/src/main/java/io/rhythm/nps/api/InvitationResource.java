package io.rhythm.nps.api;

import io.rhythm.nps.service.delivery.SurveyInvitations;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/nps/cycles/{cycleId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey delivery", description = "Invitations and reminders by e-mail, with single-use expiring links")
public class InvitationResource {

    @Inject
    SurveyInvitations invitations;
    @Inject
    Caller caller;

    @POST
    @Path("/send")
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "E-mail the survey to the frozen recipient lists", description = "Every included recipient "
            + "not invited yet gets an e-mail with a personal, single-use link that expires at the end (UTC) of the "
            + "cycle's close date. Idempotent: nobody is invited twice; contacts unsubscribed or inactive by now are "
            + "skipped. 409 before the lists are frozen or after the cycle closed; 503 if the SMTP server cannot be "
            + "reached (those invited before the failure stay invited; sending again resumes).")
    public SurveyInvitations.InvitationRun send(@PathParam("cycleId") UUID cycleId) {
        return invitations.invite(cycleId, caller.username());
    }

    @POST
    @Path("/remind")
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Remind those who have not answered", description = "An e-mail with a new link to every "
            + "invited recipient who has not answered, is still subscribed, whose link has not expired and who was "
            + "not reminded within rhythm.nps.reminder.min-interval (24 h). Never to someone who answered.")
    public SurveyInvitations.ReminderRun remind(@PathParam("cycleId") UUID cycleId) {
        return invitations.remind(cycleId);
    }
}
