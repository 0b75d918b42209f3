package io.rhythm.calendar.api;

import io.rhythm.calendar.domain.ActivityStatus;
import io.rhythm.calendar.domain.EngagementActivity;
import io.rhythm.calendar.briefing.Briefs;
import io.rhythm.calendar.briefing.MeetingBrief;
import io.rhythm.calendar.service.Activities;
import io.rhythm.calendar.service.ActivityImports;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/calendar/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Engagement activities", description = "The register of engagements with clients: planned, then held or cancelled")
public class ActivityResource {

    private static final String WRITERS_NOTE = "CSEs and CAMs for their own clients, AVP and above for any.";

    @Inject
    ClientDirectory directory;
    @Inject
    Activities activities;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    Briefs briefs;
    @Inject
    ActivityImports imports;

    @POST
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Log an engagement that happened", description = WRITERS_NOTE
            + " Publishes EngagementActivityLogged on calendar.activities.v1. Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Logged (status HELD)")
    @APIResponse(responseCode = "400", description = "Invalid body, or a day in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The client is not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A concurrent request with the same Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response log(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull ActivityRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/calendar/activities", request, () -> {
            EngagementActivity activity = activities.log(request, caller);
            return Response.created(URI.create("/api/v1/calendar/activities/" + activity.id))
                    .entity(ActivityView.of(activity)).tag(Versions.etag(activity.version)).build();
        });
    }

    @POST
    @Path("/imports")
    @Transactional
    @RolesAllowed({Roles.INTEGRATION, Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Bulk import of past meetings (a CRM meetings export)", description = "Up to 5,000 rows; each row "
            + "is CREATED (a HELD activity; publishes EngagementActivityLogged), DUPLICATE (its externalId was imported "
            + "from the same source before: the same export can be sent again) or REJECTED with field errors; a bad row "
            + "never rejects the others. The integration client and AVP and above import for any client; CSEs and CAMs "
            + "only for their own (other rows are rejected like unknown clients).")
    @APIResponse(responseCode = "200", description = "Per-row results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityImport.Result.class)))
    @APIResponse(responseCode = "400", description = "No rows, more than 5,000, or a bad source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActivityImport.Result importActivities(@Valid @NotNull ActivityImport request) {
        return imports.importRows(request, caller);
    }

    @POST
    @Path("/planned")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Schedule a client activity", description = WRITERS_NOTE
            + " Status PLANNED; publishes nothing until it is held. Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Planned")
    @APIResponse(responseCode = "400", description = "Invalid body (field errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The client is not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A concurrent request with the same Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response plan(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull PlanActivityRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/calendar/activities/planned", request, () -> {
            ActivityView view = activities.plan(request, caller);
            return Response.created(URI.create("/api/v1/calendar/activities/" + view.id())).entity(view)
                    .tag(Versions.etag(view.version())).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One activity, with its action items", description = "ETag = its version.")
    @APIResponse(responseCode = "200", description = "The activity")
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such activity, or its client is not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        ActivityView view = activities.get(id, caller);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @Path("/{id}/brief")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Meeting brief (Briefing Room)", description = "For a client meeting: current health and its "
            + "drivers, segment and cadence status, latest NPS answer and themes, open alerts and detractor cases, "
            + "opportunities and risks, and the last three held activities with their open action items. Assembled from "
            + "the projections calendar-service keeps of health, segmentation and nps events; each section is AVAILABLE "
            + "or MISSING with the reason (never estimated). Only for callers who may see the client.")
    @APIResponse(responseCode = "200", description = "The brief",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingBrief.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such activity, or its client is not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MeetingBrief brief(@PathParam("id") UUID id) {
        return briefs.brief(id, caller);
    }

    @POST
    @Path("/{id}/reschedule")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Move a planned activity", description = WRITERS_NOTE + " If-Match with the activity's ETag is required.")
    @APIResponse(responseCode = "200", description = "Moved")
    @APIResponse(responseCode = "400", description = "Invalid body (field errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such activity, or not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Held or cancelled: cannot be moved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reschedule(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull RescheduleRequest request) {
        ActivityView view = activities.reschedule(id, ifMatch, request, caller);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("/{id}/hold")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Mark a planned activity held", description = WRITERS_NOTE + " With the held day (back-filling "
            + "past meetings is normal), outcomes and action items; publishes EngagementActivityLogged. If-Match optional.")
    @APIResponse(responseCode = "200", description = "Held")
    @APIResponse(responseCode = "400", description = "Invalid body, or a day in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such activity, or not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Held or cancelled already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response hold(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull HoldRequest request) {
        ActivityView view = activities.hold(id, ifMatch, request, caller);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Cancel a planned activity", description = WRITERS_NOTE + " If-Match optional.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such activity, or not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Held or cancelled already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CancelRequest request) {
        ActivityView view = activities.cancel(id, ifMatch, request.reason(), caller);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's activities, newest first", description = "Cursor paging; status PLANNED, HELD or "
            + "CANCELLED filters; 404 outside your portfolio.")
    @APIResponse(responseCode = "200", description = "A page of activities")
    @APIResponse(responseCode = "400", description = "Missing clientId, bad status, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The client is not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ActivityView> list(@QueryParam("clientId") UUID clientId, @QueryParam("status") String status,
                                   @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (clientId == null) {
            throw ApiException.invalid("clientId", "is required");
        }
        ActivityStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ActivityStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("status", "must be PLANNED, HELD or CANCELLED");
            }
        }
        PageRequest page = PageRequest.of(limit, cursor);
        directory.requireVisible(clientId, caller);
        StringBuilder query = new StringBuilder("clientId = :client");
        Parameters params = Parameters.with("client", clientId);
        if (wanted != null) {
            query.append(" and status = :status");
            params.and("status", wanted);
        }
        if (page.after() != null) {
            query.append(" and (occurredOn < :on or (occurredOn = :on and id > :id))");
            params.and("on", page.after().sortDate()).and("id", page.after().uuid());
        }
        var rows = EngagementActivity.<EngagementActivity>find(query + " order by occurredOn desc, id", params)
                .page(0, page.fetchSize()).list();
        return Page.of(rows, page, a -> new Cursor(a.occurredOn.toString(), a.id.toString()), ActivityView::of);
    }
}
