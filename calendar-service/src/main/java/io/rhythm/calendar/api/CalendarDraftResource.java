package io.rhythm.calendar.api;

import io.rhythm.calendar.rollforward.CalendarDrafts;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/calendar/drafts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operating rhythm")
public class CalendarDraftResource {

    /** The body of an event change. */
    public record EventDates(@NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
    }

    record GenerateRequest(Integer year, String region) {
    }

    @Inject
    CalendarDrafts drafts;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @Transactional
    @RolesAllowed({Roles.VP, Roles.ADMIN})
    @Operation(summary = "Roll the rhythm forward into a year's DRAFT calendar", description = "Generates the year's "
            + "events from the rhythm template's recurrence rules (RRULE through ical4j: quarterly CS & MarCom audits, NPS "
            + "cycles in April and October with Appendix A's offsets, initiatives updates, the annual planning events) over "
            + "the 2026 calendar's content. A start on a weekend or a public holiday of the region (holidays/regions.v1.json) "
            + "moves to the next working day; deadlines move back to the previous one; an end on a non-working day moves "
            + "back; every move is listed in adjustments. Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "The draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDrafts.DraftView.class)))
    @APIResponse(responseCode = "400", description = "year outside the base year + 1 … + 5, or an unknown region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only a VP or an admin rolls the calendar forward",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An open draft of that calendar exists, or a concurrent request "
            + "with the same Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with other parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response generate(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                             @Parameter(description = "the year to generate", example = "2027") @QueryParam("year") Integer year,
                             @Parameter(description = "holiday region (default the template's, AU-NSW)", example = "AU-NSW")
                             @QueryParam("region") String region) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/calendar/drafts", new GenerateRequest(year, region), () -> {
            CalendarDrafts.DraftView view = drafts.generate(year, region, caller.username());
            return Response.created(URI.create("/api/v1/calendar/drafts/" + view.id())).entity(view)
                    .tag(Versions.etag(view.version())).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "A roll-forward draft", description = "With its events, milestones and the moves made. ETag = its version.")
    @APIResponse(responseCode = "200", description = "The draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDrafts.DraftView.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Leaders only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        CalendarDrafts.DraftView view = drafts.get(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}/events/{code}")
    @Transactional
    @RolesAllowed({Roles.VP, Roles.ADMIN})
    @Operation(summary = "Move one event of a draft", description = "New start and end (the quarter follows the start). "
            + "If-Match with the draft's ETag is required.")
    @APIResponse(responseCode = "200", description = "The changed draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDrafts.DraftView.class)))
    @APIResponse(responseCode = "400", description = "Invalid dates (field errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only a VP or an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such draft or event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The draft is already published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeEvent(@PathParam("id") UUID id, @PathParam("code") String code,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull EventDates body) {
        CalendarDrafts.DraftView view = drafts.changeEvent(id, code, ifMatch,
                new CalendarDrafts.EventChange(body.startsOn(), body.endsOn()));
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}/events/{code}/milestones/{milestone}")
    @Transactional
    @RolesAllowed({Roles.VP, Roles.ADMIN})
    @Operation(summary = "Move one milestone of a draft's event", description = "New start and end of a key milestone "
            + "(e.g. an NPS cycle's reminder day), between the year before the draft's and the year after it; the event's "
            + "own dates do not change. If-Match with the draft's ETag is required.")
    @APIResponse(responseCode = "200", description = "The changed draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDrafts.DraftView.class)))
    @APIResponse(responseCode = "400", description = "Invalid dates (field errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only a VP or an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such draft, event or milestone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The draft is published or discarded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeMilestone(@PathParam("id") UUID id, @PathParam("code") String code,
                                    @PathParam("milestone") String milestone,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull EventDates body) {
        CalendarDrafts.DraftView view = drafts.changeMilestone(id, code, milestone, ifMatch,
                new CalendarDrafts.EventChange(body.startsOn(), body.endsOn()));
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("/{id}/discard")
    @Transactional
    @RolesAllowed({Roles.VP, Roles.ADMIN})
    @Operation(summary = "Discard a draft", description = "The draft stays readable with status DISCARDED and can no "
            + "longer change or be published; a new draft of the same year may then be generated. If-Match with the "
            + "draft's ETag is required.")
    @APIResponse(responseCode = "200", description = "The discarded draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDrafts.DraftView.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only a VP or an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The draft is already published or discarded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response discard(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CalendarDrafts.DraftView view = drafts.discard(id, ifMatch);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("/{id}/publish")
    @Transactional
    @RolesAllowed({Roles.VP, Roles.ADMIN})
    @Operation(summary = "Publish a draft", description = "Imports it as a calendar version (its events then appear in "
            + "/events, feeds and checklists). If-Match optional.")
    @APIResponse(responseCode = "200", description = "Published: the draft and the import's result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarDrafts.Published.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only a VP or an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already published, or the calendar changed in a conflicting way",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarDrafts.Published publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return drafts.publish(id, ifMatch, caller.username());
    }
}
