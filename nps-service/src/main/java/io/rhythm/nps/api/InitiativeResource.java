package io.rhythm.nps.api;

import io.rhythm.nps.domain.initiatives.Initiative;
import io.rhythm.nps.domain.initiatives.InitiativeProgress;
import io.rhythm.nps.domain.initiatives.InitiativeStatus;
import io.rhythm.nps.domain.initiatives.ProgressEntry;
import io.rhythm.nps.domain.initiatives.Quarter;
import io.rhythm.nps.service.initiatives.Initiatives;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Versions;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** NPS improvement initiatives (seed 000 "NPS Initiatives Update"), linked to comment themes and clients. */
@Path("/api/v1/nps/initiatives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "NPS initiatives", description = "Improvement initiatives, progress, the quarterly update")
public class InitiativeResource {

    @Inject
    Initiatives initiatives;
    @Inject
    Clock clock;
    @Inject
    IdempotentRequests idempotent;

    public record ProgressView(String id, LocalDate reportedOn, String author, String text, int percentComplete) {
        static ProgressView of(ProgressEntry e) {
            return e == null ? null : new ProgressView(e.id(), e.reportedOn(), e.author(), e.text(), e.percentComplete());
        }
    }

    public record UpdateLine(InitiativeView initiative, ProgressView latestProgress, boolean updatedInQuarter,
                             List<ProgressView> updatesInQuarter) {
    }

    public record QuarterlyUpdate(String quarter, LocalDate from, LocalDate to, Map<InitiativeStatus, Integer> byStatus,
                                  int withoutUpdateInQuarter, List<UpdateLine> initiatives) {
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Create an initiative", description = "Idempotency-Key supported. Leaders (AVP, VP, EVP, admin) for any clients; a CSE/CAM "
            + "only for clients of their own (at least one).")
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @NotNull InitiativeRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/nps/initiatives", request, () -> {
            Initiative initiative = initiatives.create(details(request));
            return Response.created(URI.create("/api/v1/nps/initiatives/" + initiative.id))
                    .tag(Versions.etag(initiative.version)).entity(InitiativeView.of(initiative)).build();
        });
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Initiatives, newest first", description = "Filters theme (code), clientId, status; cursor paging. "
            + "A CSE/CAM sees initiatives of their clients and those linked to no client.")
    public Page<InitiativeView> list(@QueryParam("theme") String theme, @QueryParam("clientId") String clientId,
                                     @QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Page<Initiative> rows = initiatives.list(filter(theme, clientId, status), page);
        return new Page<>(rows.items().stream().map(InitiativeView::of).toList(), rows.nextCursor());
    }

    @GET
    @Path("/quarterly-update")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The quarterly NPS Initiatives Update", description = "quarter like 2026-Q2 (default: the current "
            + "one). Every initiative open in the quarter with its latest progress and the quarter's updates; same filters.")
    public QuarterlyUpdate quarterlyUpdate(@QueryParam("quarter") String quarter, @QueryParam("theme") String theme,
                                           @QueryParam("clientId") String clientId, @QueryParam("status") String status) {
        Quarter q;
        try {
            q = quarter == null || quarter.isBlank() ? Quarter.containing(LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                    : Quarter.parse(quarter);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("quarter", e.getMessage());
        }
        List<Initiatives.Line> lines = initiatives.quarterlyUpdate(q, filter(theme, clientId, status));
        Map<InitiativeStatus, Integer> byStatus = new EnumMap<>(InitiativeStatus.class);
        for (InitiativeStatus s : InitiativeStatus.values()) {
            byStatus.put(s, 0);
        }
        int without = 0;
        List<UpdateLine> out = new java.util.ArrayList<>();
        for (Initiatives.Line line : lines) {
            byStatus.merge(line.initiative().status, 1, Integer::sum);
            if (!line.progress().updatedInQuarter()) {
                without++;
            }
            out.add(new UpdateLine(InitiativeView.of(line.initiative()), ProgressView.of(line.progress().latest()),
                    line.progress().updatedInQuarter(), line.progress().inQuarter().stream().map(ProgressView::of).toList()));
        }
        return new QuarterlyUpdate(q.toString(), q.start(), q.end(), byStatus, without, out);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One initiative", description = "With its ETag (send it in If-Match to update).")
    public Response get(@PathParam("id") UUID id) {
        Initiative initiative = initiatives.require(id);
        return Response.ok(InitiativeView.of(initiative)).tag(Versions.etag(initiative.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Update an initiative", description = "Full replacement; If-Match (428 missing, 412 stale). "
            + "Status: PLANNED → IN_PROGRESS → DONE, CANCELLED from PLANNED/IN_PROGRESS; DONE and CANCELLED are final (409).")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull InitiativeRequest request) {
        Initiative initiative = initiatives.update(id, ifMatch, details(request));
        return Response.ok(InitiativeView.of(initiative)).tag(Versions.etag(initiative.version)).build();
    }

    @POST
    @Path("/{id}/progress")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Report progress", description = "Idempotency-Key supported. Append-only (date, author = you, text, percent complete); "
            + "409 when the initiative is DONE or CANCELLED.")
    public Response report(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @NotNull ProgressRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/nps/initiatives/" + id + "/progress", request, () -> {
            InitiativeProgress progress = initiatives.report(id, request.reportedOn(), request.text(), request.percentComplete());
            return Response.status(Response.Status.CREATED).entity(ProgressView.of(progress.entry())).build();
        });
    }

    @GET
    @Path("/{id}/progress")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "An initiative's progress reports, oldest first")
    public List<ProgressView> progress(@PathParam("id") UUID id) {
        return initiatives.progress(id).stream().map(ProgressView::of).toList();
    }

    private static Initiatives.Details details(InitiativeRequest r) {
        return new Initiatives.Details(r.title(), r.description(), r.owner(), r.themes(), r.clientIds(), r.status(), r.targetDate());
    }

    private static Initiatives.Filter filter(String theme, String clientId, String status) {
        InitiativeStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = InitiativeStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("status", "must be one of PLANNED, IN_PROGRESS, DONE, CANCELLED");
            }
        }
        return new Initiatives.Filter(theme == null || theme.isBlank() ? null : theme.strip().toUpperCase(Locale.ROOT),
                QueryParams.uuid("clientId", clientId), s);
    }
}
