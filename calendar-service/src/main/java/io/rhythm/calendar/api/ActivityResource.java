package io.rhythm.calendar.api;

import io.rhythm.calendar.domain.EngagementActivity;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.EngagementActivityLogged;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/calendar/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Engagement activities", description = "The register of engagements with clients")
public class ActivityResource {

    @Inject
    ClientDirectory directory;
    @Inject
    OutboxWriter outbox;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @POST
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Log an engagement", description = "CSEs and CAMs log engagements with their own clients. "
            + "Publishes EngagementActivityLogged on calendar.activities.v1.")
    public Response log(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull ActivityRequest request) {
        if (request.occurredOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("occurredOn", "an engagement is logged once it happened");
        }
        return idempotent.execute(idempotencyKey, "POST /api/v1/calendar/activities", request, () -> {
            DirectoryEntry client = directory.requireVisible(request.clientId(), caller);
            EngagementActivity activity = new EngagementActivity();
            activity.id = UUID.randomUUID();
            activity.clientId = client.clientId();
            activity.activityType = request.activityType();
            activity.occurredOn = request.occurredOn();
            activity.summary = request.summary();
            activity.loggedBy = caller.username();
            activity.loggedAt = Instant.now(clock);
            activity.persist();
            outbox.publish(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED, client.clientId().toString(),
                    new EngagementActivityLogged(activity.id.toString(), client.clientId().toString(),
                            activity.activityType.name(), activity.occurredOn, activity.loggedBy, activity.summary));
            return Response.created(URI.create("/api/v1/calendar/activities?clientId=" + client.clientId()))
                    .entity(ActivityView.of(activity)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's engagements, newest first", description = "Cursor paging; 404 outside your portfolio.")
    public Page<ActivityView> list(@QueryParam("clientId") UUID clientId, @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor) {
        if (clientId == null) {
            throw ApiException.invalid("clientId", "is required");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        directory.requireVisible(clientId, caller);
        StringBuilder query = new StringBuilder("clientId = :client");
        Parameters params = Parameters.with("client", clientId);
        if (page.after() != null) {
            query.append(" and (occurredOn < :on or (occurredOn = :on and id > :id))");
            params.and("on", page.after().sortDate()).and("id", page.after().uuid());
        }
        var rows = EngagementActivity.<EngagementActivity>find(query + " order by occurredOn desc, id", params)
                .page(0, page.fetchSize()).list();
        return Page.of(rows, page, a -> new Cursor(a.occurredOn.toString(), a.id.toString()), ActivityView::of);
    }
}
