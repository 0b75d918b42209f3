package io.rhythm.segmentation.api;

import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.rhythm.segmentation.domain.Segment;
import io.rhythm.segmentation.domain.SegmentAssignment;
import io.rhythm.segmentation.service.Assignments;
import io.rhythm.segmentation.service.ConcentrationReport;
import io.rhythm.segmentation.service.MigrationAnalysis;
import io.rhythm.segmentation.service.ModelRegistry;
import io.rhythm.segmentation.service.SegmentEngine;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.rhythm.segmentation.api.ApiDocs.BAD_REQUEST;
import static io.rhythm.segmentation.api.ApiDocs.FORBIDDEN;
import static io.rhythm.segmentation.api.ApiDocs.NOT_FOUND;
import static io.rhythm.segmentation.api.ApiDocs.PROBLEM;
import static io.rhythm.segmentation.api.ApiDocs.UNAUTHORIZED;

@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Segments", description = "Segment assignments, overrides, migrations, Satisfaction Action Plans, concentration")
public class SegmentResource {

    @Inject
    ClientDirectory directory;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    SegmentEngine engine;
    @Inject
    Assignments assignments;
    @Inject
    MigrationAnalysis analysis;
    @Inject
    ConcentrationReport concentration;
    @Inject
    ModelRegistry models;

    @POST
    @Path("/assignments")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Override a client's segment", description = "AVP CS and above. The override is in force from "
            + "effectiveFrom (default today, may be in the past) until expiresOn (exclusive; none = until replaced); the "
            + "computed segment returns as a migration when it expires. An effectiveFrom after today schedules the override "
            + "(202): it is shown on the client's segment with that date and applied on it by the daily override job. Records the migration and publishes SegmentMigrated "
            + "(and SatisfactionActionPlanRequired/NoLongerRequired on entering/leaving Maintain, Nurture, Sleeping Giants). "
            + "Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "The migration (Location: the client's segment)",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "202", description = "Scheduled (effectiveFrom after today): the client's segment, showing the "
            + "override to come", content = @Content(schema = @Schema(implementation = ClientSegmentView.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with another body, or a scheduled override "
            + "would replace one in force", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response assign(@HeaderParam(IdempotentRequests.HEADER) @Size(max = 200) String idempotencyKey,
                           @Valid @NotNull AssignmentRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Segment segment = Segment.parse(request.segment()).orElse(null);
        if (segment == null) {
            errors.add(new FieldError("segment", "must be one of " + Arrays.toString(Segment.values())));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = request.effectiveFrom() == null ? today : request.effectiveFrom();
        if (request.expiresOn() != null && (!request.expiresOn().isAfter(from) || !request.expiresOn().isAfter(today))) {
            errors.add(new FieldError("expiresOn", "must be after effectiveFrom and after today"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return idempotent.execute(idempotencyKey, "POST /api/v1/segments/assignments", request, () -> {
            DirectoryEntry client = directory.requireVisible(request.clientId(), caller);
            SegmentAssignment migration = engine.override(client.clientId(), segment, request.reason().strip(), from,
                    request.expiresOn(), caller.username());
            Object body = migration == null ? assignments.client(client) : AssignmentView.of(migration);
            return Response.status(from.isAfter(today) ? Response.Status.ACCEPTED : Response.Status.CREATED)
                    .location(URI.create("/api/v1/segments/clients/" + client.clientId())).entity(body).build();
        });
    }

    @GET
    @Path("/clients/{clientId}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's segment, assessment, override, strategies and migration history",
            description = "UNASSIGNED (with the model's reason) until the model can place it. 404 outside your portfolio.")
    @APIResponse(responseCode = "200", description = "The client's segment", content = @Content(schema = @Schema(implementation = ClientSegmentView.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ClientSegmentView client(@PathParam("clientId") UUID clientId) {
        return assignments.client(directory.requireVisible(clientId, caller));
    }

    @GET
    @Path("/assignments")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Your clients with their segments", description = "By client name, cursor-paged (?limit=1–200&cursor=). "
            + "Filters: segment (a segment in any spelling, or UNASSIGNED), owner (CSE or CAM username), sapRequired, overridden.")
    @APIResponse(responseCode = "200", description = "A page of clients")
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<AssignmentListItem> list(@QueryParam("segment") @Size(max = 40) String segment,
                                         @QueryParam("owner") @Size(max = 100) String owner,
                                         @QueryParam("sapRequired") Boolean sapRequired,
                                         @QueryParam("overridden") Boolean overridden,
                                         @QueryParam("limit") @Min(1) @Max(200) Integer limit,
                                         @QueryParam("cursor") @Size(max = 500) String cursor) {
        return assignments.list(caller, segment, owner, sapRequired, overridden, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/migrations")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Migration analysis", description = "The transition matrix of your clients between two dates "
            + "(?from=&to=, segments at the end of each day, revenue at `to`) or between two model versions on today's inputs "
            + "(?fromVersion=&toVersion=), optionally of one owner's clients (owner): client counts and revenue per (from, to) cell, and the clients behind each.")
    @APIResponse(responseCode = "200", description = "The matrix", content = @Content(schema = @Schema(implementation = MigrationMatrix.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A model version does not exist", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public MigrationMatrix migrations(@QueryParam("from") @Size(max = 10) @Schema(format = "date") String fromDate,
                                      @QueryParam("to") @Size(max = 10) @Schema(format = "date") String toDate,
                                      @QueryParam("fromVersion") @Min(1) @Max(100000) Integer fromVersion,
                                      @QueryParam("toVersion") @Min(1) @Max(100000) Integer toVersion,
                                      @QueryParam("owner") @Size(max = 100) String owner) {
        LocalDate from = DateParam.parse("from", fromDate);
        LocalDate to = DateParam.parse("to", toDate);
        boolean byDate = from != null || to != null;
        boolean byVersion = fromVersion != null || toVersion != null;
        if (byDate == byVersion) {
            throw ApiException.invalid("from", "give either from and to (dates) or fromVersion and toVersion");
        }
        if (byVersion) {
            if (fromVersion == null || toVersion == null) {
                throw ApiException.invalid(fromVersion == null ? "fromVersion" : "toVersion", "is required with the other");
            }
            models.require(fromVersion);
            models.require(toVersion);
            return analysis.betweenVersions(fromVersion, toVersion, owner, caller);
        }
        if (from == null || to == null) {
            throw ApiException.invalid(from == null ? "from" : "to", "is required with the other");
        }
        if (from.isAfter(to)) {
            throw ApiException.invalid("from", "must not be after to");
        }
        return analysis.betweenDates(from, to, owner, caller);
    }

    @GET
    @Path("/satisfaction-action-plans/required")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Clients that need a Satisfaction Action Plan", description = "Your clients in Maintain, Nurture or "
            + "Sleeping Giants, by name and cursor-paged, with the count and revenue of all of them. Filter: owner.")
    @APIResponse(responseCode = "200", description = "The clients", content = @Content(schema = @Schema(implementation = SapRequiredView.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SapRequiredView sapRequired(@QueryParam("owner") @Size(max = 100) String owner,
                                       @QueryParam("limit") @Min(1) @Max(200) Integer limit,
                                       @QueryParam("cursor") @Size(max = 500) String cursor) {
        return assignments.sapRequired(caller, owner, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/concentration")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Revenue concentration", description = "Of your portfolio at the end of asOf (default today): total "
            + "maintenance revenue, clients ranked by revenue with their share, the top-N (default 4) and their combined share, "
            + "the largest share, the Herfindahl–Hirschman index (fraction and 0–10,000) and revenue and clients per segment. Filter: owner (CSE or CAM username).")
    @APIResponse(responseCode = "200", description = "The concentration", content = @Content(schema = @Schema(implementation = ConcentrationView.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ConcentrationView concentration(@QueryParam("top") @Min(1) @Max(1000) Integer top, @QueryParam("asOf") @Size(max = 10) @Schema(format = "date") String asOf,
                                           @QueryParam("owner") @Size(max = 100) String owner) {
        return concentration.of(DateParam.asOf(asOf, clock), top == null ? 4 : top, owner, caller);
    }
}
