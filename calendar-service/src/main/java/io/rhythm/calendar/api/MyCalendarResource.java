package io.rhythm.calendar.api;

import io.rhythm.calendar.service.MyCalendar;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

@Path("/api/v1/calendar/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operating rhythm")
public class MyCalendarResource {

    @Inject
    MyCalendar calendar;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "My next days", description = "The caller's operating-rhythm events and key milestones (by role), "
            + "open deliverables (named person, or one of their roles), planned client activities they attend, planned or "
            + "own the client of, and open action items they own, from asOf for the given number of days, ordered by date. "
            + "Open deliverables and action items already overdue come first (overdue: true). Row level: only clients the "
            + "caller may see.")
    @APIResponse(responseCode = "200", description = "The agenda",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MyCalendar.Agenda.class)))
    @APIResponse(responseCode = "400", description = "days outside 1–366, or a malformed asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MyCalendar.Agenda me(
            @Parameter(description = "how many days, 1–366 (default 30)", example = "30") @QueryParam("days") Integer days,
            @Parameter(description = "first day, YYYY-MM-DD (default today)", example = "2026-12-04") @QueryParam("asOf") String asOf) {
        return calendar.agenda(caller, AsOfParam.parse(asOf, clock), days == null ? 30 : days);
    }
}
