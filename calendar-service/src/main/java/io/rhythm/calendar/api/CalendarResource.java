package io.rhythm.calendar.api;

import io.rhythm.calendar.service.CalendarImporter;
import io.rhythm.calendar.service.IcsFeeds;
import io.rhythm.calendar.service.IcsImports;
import io.rhythm.calendar.service.CalendarQueries;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.util.UUID;

@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operating rhythm", description = "The annual operating-rhythm calendar (seed 000) as data")
public class CalendarResource {

    @Inject
    CalendarQueries queries;
    @Inject
    CalendarImporter importer;
    @Inject
    Caller caller;
    @Inject
    IcsImports icsImports;

    @GET
    @Path("/events")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Operating-rhythm events", description = "Events overlapping [from, to], ordered by start date, "
            + "cursor paged, each with its participants, objective, deliverables, preparation, tools and key milestones. "
            + "role is a Rhythm role in lower case (cse: the events CSEs take part in) or a participant role of the seed "
            + "in upper case (VP_COMMOPS, SVP_CS, ...).")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "A malformed date, type, role, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role (e.g. the integration client)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<CalendarEventView> events(
            @Parameter(description = "first day, YYYY-MM-DD", example = "2026-04-01") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD", example = "2026-06-30") @QueryParam("to") String to,
            @Parameter(description = "event type", example = "NPS_CYCLE") @QueryParam("type") String type,
            @Parameter(description = "participant: Rhythm role (cse) or seed role (VP_COMMOPS)", example = "cse") @QueryParam("role") String role,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        CalendarQueries.EventFilter filter = CalendarQueries.EventFilter.parse(from, to, type, role);
        return queries.events(filter, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/events/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One operating-rhythm event", description = "With its key milestones.")
    @APIResponse(responseCode = "200", description = "The event")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarEventView event(@PathParam("id") UUID id) {
        return queries.event(id);
    }

    @POST
    @Path("/imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.VP, Roles.ADMIN})
    @Operation(summary = "Import an operating-rhythm calendar", description = "The format of the bundled seed file "
            + "(calendars/apac-2026.v1.json). The same version again changes nothing (200 UNCHANGED); a higher version "
            + "updates events by code (SEQUENCE + 1 for each changed one), adds and removes events (200 UPDATED); a new "
            + "calendar is 201 CREATED; a lower or equal version with other content is a 409.")
    @APIResponse(responseCode = "200", description = "UNCHANGED or UPDATED")
    @APIResponse(responseCode = "201", description = "CREATED")
    @APIResponse(responseCode = "400", description = "Invalid calendar: field errors name the event (events[3].endsOn)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only VPs and admins import calendars",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The calendar is at this or a higher version already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importCalendar(@Valid @NotNull CalendarImport calendar) {
        ImportResult result = importer.importCalendar(calendar, caller.username());
        return Response.status("CREATED".equals(result.outcome()) ? 201 : 200).entity(result).build();
    }

    @POST
    @Path("/imports/ics")
    @Consumes(IcsFeeds.MEDIA_TYPE)
    @Transactional
    @RolesAllowed({Roles.VP, Roles.ADMIN})
    @Operation(summary = "Import an .ics file (external events)", description = "The body is an iCalendar file; its "
            + "events become the calendar calendarKey (EXTERNAL-…) of EXTERNAL events with the given participant roles. "
            + "Checked event by event: a VEVENT without UID, SUMMARY or DTSTART, with DTEND before DTSTART, or CANCELLED "
            + "is rejected with its errors and the others are imported. Importing the key again is a new version that "
            + "replaces the previous one. 400 when the file is not iCalendar or no event is valid.")
    @APIResponse(responseCode = "200", description = "Per-event results and the calendar import's result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IcsImports.Result.class)))
    @APIResponse(responseCode = "400", description = "Bad parameters, not an iCalendar file, or no valid event (field errors name the event)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only VPs and admins import calendars",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IcsImports.Result importIcs(
            @Parameter(description = "EXTERNAL-…", example = "EXTERNAL-MARKETING-2027") @QueryParam("calendarKey") String calendarKey,
            @Parameter(description = "seed participant roles, comma-separated", example = "CSE,CAM") @QueryParam("participants") String participants,
            @Parameter(description = "region (default APAC)") @QueryParam("region") String region,
            @Parameter(description = "IANA zone for date-times (default Australia/Sydney)") @QueryParam("timeZone") String timeZone,
            String body) {
        return icsImports.importFile(body, calendarKey, participants, region, timeZone, caller.username());
    }
}
