package io.rhythm.gateway.views;

import io.rhythm.gateway.views.client360.Client360Service;
import io.rhythm.gateway.views.client360.Client360View;
import io.rhythm.gateway.views.commandcentre.CommandCentreService;
import io.rhythm.gateway.views.commandcentre.CommandCentreView;
import io.rhythm.gateway.views.agenda.AgendaService;
import io.rhythm.gateway.views.agenda.AgendaView;
import io.rhythm.gateway.views.earlywarnings.EarlyWarningService;
import io.rhythm.gateway.views.earlywarnings.EarlyWarningsView;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/**
 * The screens' views: one call per screen, composed from the services' APIs (see the README, "How each view is
 * composed"). Thin: parameters in, one service call, the view out.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Views", description = "Composed screens: Client 360, Command Centre, early warnings, my agenda")
public class ViewResource {

    @Inject
    Client360Service client360;
    @Inject
    CommandCentreService commandCentre;
    @Inject
    EarlyWarningService earlyWarnings;
    @Inject
    AgendaService agenda;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Context
    HttpHeaders headers;

    @GET
    @Path("/clients/{id}/360")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Client 360", description = "Profile and contacts, health with drivers and trend, segment with "
            + "override and cadence status, NPS history and latest themes, open alerts and detractor cases, account plan, "
            + "opportunities and risks, SAPs, renewal, running workflows, upcoming meetings and milestones, Working Capital "
            + "(aged receivables with amounts from health's billing events). Each section comes from its service called with your token, so it shows what that "
            + "service shows you; a section whose service is down or slow is UNAVAILABLE with a reason and listed in "
            + "degraded, and the answer still comes within the configured deadline (< 1 s).")
    @APIResponse(responseCode = "200", description = "The view (possibly degraded)", content = @Content(schema = @Schema(implementation = Client360View.class)))
    @APIResponse(responseCode = "400", description = "Bad id or asOf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role (integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such client in your portfolio", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Client360View client360(@PathParam("id") String id,
                                   @Parameter(description = "YYYY-MM-DD, default today") @QueryParam("asOf") String asOf) {
        var clientId = ViewParams.id("id", id);
        return client360.view(clientId, ViewParams.date("asOf", asOf, clock), authorization(), correlationId());
    }

    @GET
    @Path("/command-centre")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Command Centre", description = "Portfolio KPIs of your portfolio (CSE/CAM: your clients; AVP "
            + "and above: all): clients by band and segment, revenue by segment, concentration (top-4 share, largest client), "
            + "at-risk revenue, confirmed attrition by fiscal year, weighted pipeline vs attrition at 35 % conversion, "
            + "renewals in 90 days, the current NPS cycle's NPS and response rate vs 40 %, Activity Register compliance, "
            + "the aged receivables total (Working Capital, per currency and bucket), seed 000's Known Risk Areas computed, and with since= what changed. Degrades per section like Client 360.")
    @APIResponse(responseCode = "200", description = "The view (possibly degraded)", content = @Content(schema = @Schema(implementation = CommandCentreView.class)))
    @APIResponse(responseCode = "400", description = "Bad asOf or since", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role (integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommandCentreView commandCentre(
            @Parameter(description = "YYYY-MM-DD, default today") @QueryParam("asOf") String asOf,
            @Parameter(description = "YYYY-MM-DD: show what changed since this day") @QueryParam("since") String since) {
        var day = ViewParams.date("asOf", asOf, clock);
        var from = ViewParams.optionalDate("since", since);
        if (from != null && from.isAfter(day)) {
            throw io.rhythm.platform.web.problem.ApiException.invalid("since", "must not be after asOf");
        }
        return commandCentre.view(day, from, authorization(), correlationId());
    }

    @GET
    @Path("/early-warnings")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Early warnings", description = "Seed 000's five indicators over your portfolio (filter by owner "
            + "and segment): health decline > 10 % in a month, support backlog by segment, the current NPS cycle's response "
            + "rate vs > 40 %, pipeline stage movement, engagement compliance — each with its threshold, current value, "
            + "whether it is triggered and the clients behind it. asOf ends the 30-day window of the health decline and of "
            + "the stage movement (regressed or stalled opportunities), and picks the NPS cycle and the Activity Register "
            + "day. Degrades per indicator like Client 360.")
    @APIResponse(responseCode = "200", description = "The indicators (possibly degraded)", content = @Content(schema = @Schema(implementation = EarlyWarningsView.class)))
    @APIResponse(responseCode = "400", description = "Bad asOf, owner or segment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role (integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EarlyWarningsView earlyWarnings(
            @Parameter(description = "YYYY-MM-DD, default today") @QueryParam("asOf") String asOf,
            @Parameter(description = "a CSE's username: their clients only") @QueryParam("owner") String owner,
            @Parameter(description = "MAINTAIN, LEVERAGE, NURTURE, COLLABORATE, SLEEPING_GIANTS, GIANTS") @QueryParam("segment") String segment) {
        var day = ViewParams.date("asOf", asOf, clock);
        return earlyWarnings.view(day, ViewParams.username("owner", owner), ViewParams.segment("segment", segment),
                authorization(), correlationId());
    }

    @GET
    @Path("/me/agenda")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "My agenda", description = "Your due alerts, detractor cases, Satisfaction Action Plan updates and "
            + "reviews, workflow steps waiting for your role, calendar deliverables, cadence gaps of your clients and — for "
            + "the EVP — client letters and talking points to approve, ordered by due time (undated last). A source whose "
            + "service is down is UNAVAILABLE in sources and listed in degraded.")
    @APIResponse(responseCode = "200", description = "The agenda (possibly degraded)", content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "400", description = "Bad asOf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role (integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AgendaView myAgenda(@Parameter(description = "YYYY-MM-DD, default today") @QueryParam("asOf") String asOf) {
        var day = ViewParams.date("asOf", asOf, clock);
        return agenda.view(caller.username(), caller.roles(), day, authorization(), correlationId());
    }

    private String authorization() {
        return headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    }

    private static String correlationId() {
        return io.rhythm.platform.web.correlation.CorrelationId.current();
    }
}
