package io.rhythm.calendar.api;

import io.rhythm.calendar.service.Checklists;
import io.rhythm.calendar.service.DeliverableQueries;
import io.rhythm.calendar.service.RhythmScan;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliverables", description = "Checklists (seed 000 Appendix A and B) and event deliverables: what is due, what was done")
public class ChecklistResource {

    private static final Set<String> OWNER_ROLES = Set.of(Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN);

    @Inject
    Checklists checklists;
    @Inject
    DeliverableQueries deliverables;
    @Inject
    RhythmScan scan;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @POST
    @Path("/checklists")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Create a checklist from a template", description = "NPS_CYCLE (Appendix A: due dates from the "
            + "survey's open date, pre-survey at T-2 weeks, day 5/6/12/14, post-survey weeks 1-4 after the close) or "
            + "ACCOUNT_PLAN (Appendix B for one client, ANNUAL or QUARTERLY components due on the planning event). "
            + "CSEs and CAMs create account-plan checklists for their own clients; Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Created, with its items and due dates")
    @APIResponse(responseCode = "400", description = "Invalid request (field errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed, or a CSE/CAM without a client",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The client is not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A concurrent request with the same Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull ChecklistRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/calendar/checklists", request, () -> {
            ChecklistView view = checklists.create(request, caller);
            return Response.created(URI.create("/api/v1/calendar/checklists/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/checklists/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A checklist with its items and progress as of a day")
    @APIResponse(responseCode = "200", description = "The checklist")
    @APIResponse(responseCode = "400", description = "A malformed asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such checklist, or its client is not in your portfolio",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChecklistView checklist(@PathParam("id") UUID id,
                                   @Parameter(description = "YYYY-MM-DD, default today") @QueryParam("asOf") String asOf) {
        return checklists.checklist(id, asOf(asOf), caller);
    }

    @GET
    @Path("/nps-cycles/{cycleId}/checklist")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The Appendix A checklist of an NPS cycle", description = "Created when nps-service publishes CycleCreated.")
    @APIResponse(responseCode = "200", description = "The checklist")
    @APIResponse(responseCode = "400", description = "A malformed asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No checklist for this cycle (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChecklistView ofCycle(@PathParam("cycleId") UUID cycleId, @QueryParam("asOf") String asOf) {
        return checklists.ofCycle(cycleId, asOf(asOf), caller);
    }

    @GET
    @Path("/events/{id}/checklists")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "An event's deliverables and checklists, with progress", description = "\"3 of 5 deliverables done\".")
    @APIResponse(responseCode = "200", description = "The event's checklists")
    @APIResponse(responseCode = "400", description = "A malformed asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ChecklistView> ofEvent(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return checklists.ofEvent(id, asOf(asOf), caller);
    }

    @GET
    @Path("/deliverables")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Deliverables: what is due, what is overdue", description = "status DUE (open, due within "
            + "withinDays from asOf), OVERDUE (open, due before asOf), OPEN or DONE; ownerRole; mine=true for the items "
            + "owned by you or your roles; eventId. Ordered by due date, cursor paged.")
    @APIResponse(responseCode = "200", description = "A page of deliverables")
    @APIResponse(responseCode = "400", description = "A malformed parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DeliverableView> list(@QueryParam("asOf") String asOf, @QueryParam("status") String status,
                                      @Parameter(description = "1-366, default 14") @QueryParam("withinDays") Integer withinDays,
                                      @QueryParam("ownerRole") String ownerRole, @QueryParam("mine") Boolean mine,
                                      @QueryParam("eventId") String eventId, @QueryParam("checklistId") String checklistId,
                                      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int within = withinDays == null ? 14 : withinDays;
        if (within < 1 || within > 366) {
            throw ApiException.invalid("withinDays", "must be between 1 and 366");
        }
        if (ownerRole != null && !OWNER_ROLES.contains(ownerRole)) {
            throw ApiException.invalid("ownerRole", "must be one of " + OWNER_ROLES.stream().sorted().toList());
        }
        DeliverableQueries.Filter filter = new DeliverableQueries.Filter(asOf(asOf), DeliverableQueries.Filter.status(status),
                within, ownerRole, Boolean.TRUE.equals(mine), uuid("eventId", eventId), uuid("checklistId", checklistId));
        return deliverables.list(filter, PageRequest.of(limit, cursor), caller);
    }

    @POST
    @Path("/deliverables/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Tick off a deliverable", description = "By a holder of one of its owner roles, its owner person, "
            + "or AVP and above; records who and when.")
    @APIResponse(responseCode = "200", description = "Done")
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an owner of the deliverable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such deliverable, or not visible to you",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Completed already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliverableView complete(@PathParam("id") UUID id, @Valid CompletionRequest request) {
        return checklists.complete(id, request == null ? null : request.note(), caller);
    }

    @POST
    @Path("/scans")
    @RolesAllowed({Roles.VP, Roles.ADMIN})
    @Operation(summary = "Run the rhythm scan now", description = "Publishes CalendarMilestoneDue for milestones starting "
            + "within the lead time and DeliverableOverdue for newly overdue items, each once (it also runs every 10 minutes).")
    @APIResponse(responseCode = "200", description = "What was published")
    @APIResponse(responseCode = "400", description = "A malformed asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only VPs and admins",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RhythmScan.Result runScan(@QueryParam("asOf") String asOf) {
        return scan.scan(asOf(asOf));
    }

    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be a UUID");
        }
    }

    private LocalDate asOf(String value) {
        return AsOfParam.parse(value, clock);
    }
}
