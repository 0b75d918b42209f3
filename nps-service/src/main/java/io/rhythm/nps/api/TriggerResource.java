package io.rhythm.nps.api;

import io.rhythm.nps.domain.triggers.SurveyKind;
import io.rhythm.nps.service.triggers.SurveySendQueries;
import io.rhythm.nps.service.triggers.SurveySends;
import io.rhythm.nps.service.triggers.TriggerEvaluation;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.clients.ContactEntry;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.rhythm.platform.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/nps/triggers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Triggered surveys", description = "Surveys outside the cycles: quarterly relationship, onboarding day 30, "
        + "post-ticket, pre-renewal, detractor follow-up; never more often than the minimum interval per contact")
public class TriggerResource {

    @Inject
    TriggerEvaluation evaluation;
    @Inject
    SurveySends sends;
    @Inject
    SurveySendQueries queries;
    @Inject
    ClientDirectory clients;
    @Inject
    ContactDirectory contacts;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @POST
    @Path("/evaluate")
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Evaluate the survey triggers now", description = "What the hourly scheduler does: from the client "
            + "and contact projections, schedule the due quarterly relationship (tenure > 90 days), onboarding day-30 and "
            + "pre-renewal (60 days before the renewal date) surveys, then send everything due, respecting the minimum "
            + "interval per contact. Idempotent. ?clientId= limits it to one client (404 if unknown).")
    @APIResponse(responseCode = "200", description = "What was scheduled and sent")
    @APIResponse(responseCode = "400", description = "Bad clientId",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not signed in",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not AVP, VP, EVP or admin",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown client",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The mail server did not accept the surveys",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public TriggerEvaluation.EvaluationRun evaluate(@QueryParam("clientId") UUID clientId) {
        if (clientId != null && clients.find(clientId).isEmpty()) {
            throw ApiException.notFound("Client", clientId);
        }
        return evaluation.evaluate(clientId, caller.username());
    }

    @POST
    @Path("/ticket-closed")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "A support ticket closed: survey its contact", description = "Schedules and sends a POST_TICKET "
            + "survey to the contact (contactId, or contactEmail of one of the client's contacts) at once, unless the contact "
            + "was surveyed within the minimum interval, is unsubscribed or has no valid email (then the send is recorded "
            + "SKIPPED with the reason). 201 with the send; idempotent on ticketId: the same ticket again → 200 with the "
            + "same send (409 if it names another client or contact). 404 for an unknown client or contact; 503 if the "
            + "SMTP server cannot be reached (the send stays SCHEDULED and the scheduler retries).")
    public Response ticketClosed(@Valid @NotNull TicketClosedRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if ((request.contactId() == null) == (request.contactEmail() == null || request.contactEmail().isBlank())) {
            errors.add(new FieldError("contactId", "give exactly one of contactId and contactEmail"));
        }
        if (request.closedAt().isAfter(Instant.now(clock).plus(Duration.ofMinutes(5)))) {
            errors.add(new FieldError("closedAt", "is in the future"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (clients.find(request.clientId()).isEmpty()) {
            throw ApiException.notFound("Client", request.clientId());
        }
        ContactEntry contact = contact(request);
        String reference = "ticket:" + request.ticketId().strip();
        var existing = sends.find(SurveyKind.POST_TICKET, reference);
        if (existing.isPresent()) {
            SurveySendQueries.SendView view = queries.find(existing.get()).orElseThrow();
            if (!view.clientId().equals(request.clientId().toString()) || !view.contactId().equals(contact.contactId().toString())) {
                throw ApiException.conflict("Ticket " + request.ticketId() + " was already reported for another client or "
                        + "contact (survey send " + view.id() + ")");
            }
            return Response.ok(view).build();
        }
        Instant now = Instant.now(clock);
        SurveySends.Scheduled scheduled = sends.schedule(SurveyKind.POST_TICKET, request.clientId(), contact.contactId(), now,
                reference, now, caller.username());
        sends.sendOne(scheduled.sendId());
        SurveySendQueries.SendView view = queries.find(scheduled.sendId()).orElseThrow();
        return Response.status(scheduled.created() ? 201 : 200).location(URI.create("/api/v1/nps/survey-sends/" + view.id()))
                .entity(view).build();
    }

    private ContactEntry contact(TicketClosedRequest request) {
        List<ContactEntry> ofClient = request.contactId() != null
                ? contacts.ofClient(request.clientId(), true).stream().filter(c -> c.contactId().equals(request.contactId())).toList()
                : contacts.byEmail(request.contactEmail()).stream().filter(c -> c.clientId().equals(request.clientId())).toList();
        if (ofClient.isEmpty()) {
            throw ApiException.notFound("Contact of client " + request.clientId(),
                    request.contactId() != null ? request.contactId() : request.contactEmail());
        }
        return ofClient.get(0);
    }
}
