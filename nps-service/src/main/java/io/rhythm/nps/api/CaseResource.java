package io.rhythm.nps.api;

import io.rhythm.nps.domain.closedloop.CaseStatus;
import io.rhythm.nps.service.closedloop.CaseViews.CaseSummary;
import io.rhythm.nps.service.closedloop.CaseViews.CaseView;
import io.rhythm.nps.service.closedloop.CaseViews.NoteView;
import io.rhythm.nps.service.closedloop.DetractorCases;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Detractor cases: the closed loop of seed 001's detractor protocol (24 h outreach, 48 h root cause, 72 h action plan). */
@Path("/api/v1/nps/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Detractor cases", description = "One case per detractor answer, with SLA stages, escalation, notes and the "
        + "30-day follow-up survey")
public class CaseResource {

    @Inject
    DetractorCases cases;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    IdempotentRequests idempotent;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Detractor cases of your portfolio", description = "Newest first. CSEs and CAMs see the cases of "
            + "the clients they own (and cases they own); AVP and above all, unassigned ones included. breached=true: a "
            + "stage missed (or met late); escalated=true: a breach was escalated; followUpDue=true: the 30-day follow-up "
            + "survey is due (resolved, not closed). Cursor paging: pass nextCursor back as cursor.")
    public Page<CaseSummary> list(
            @Parameter(description = "OPEN, CONTACTED, ROOT_CAUSE_IDENTIFIED, ACTION_PLANNED, RESOLVED or CLOSED") @QueryParam("status") String status,
            @Parameter(description = "one client") @QueryParam("clientId") String clientId,
            @Parameter(description = "the owning CSE's username") @QueryParam("owner") String owner,
            @Parameter(description = "one survey cycle") @QueryParam("cycleId") String cycleId,
            @Parameter(description = "true: only cases with a breached stage; false: none breached") @QueryParam("breached") Boolean breached,
            @Parameter(description = "true: only escalated cases; false: none escalated") @QueryParam("escalated") Boolean escalated,
            @Parameter(description = "true: only cases whose follow-up survey is due") @QueryParam("followUpDue") Boolean followUpDue,
            @Parameter(description = "1-200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        CaseStatus s = null;
        if (status != null && !status.isBlank()) {
            s = CaseStatus.parse(status).orElse(null);
            if (s == null) {
                errors.add(new FieldError("status", "is not a case status: " + status));
            }
        }
        UUID client = uuid("clientId", clientId, errors);
        UUID cycle = uuid("cycleId", cycleId, errors);
        PageRequest page = null;
        try {
            page = PageRequest.of(limit, cursor);
        } catch (ApiException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String ownerFilter = owner == null || owner.isBlank() ? null : owner.strip().toLowerCase(Locale.ROOT);
        return cases.list(new DetractorCases.CaseFilter(s, client, ownerFilter, cycle, breached, escalated, followUpDue),
                caller, page, Instant.now(clock));
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "One detractor case", description = "With the answer's comment, each stage's deadline and whether "
            + "it is PENDING, MET, MET_LATE or BREACHED, its escalation, the root cause and action plan, the follow-up "
            + "survey's due date, every transition (who, when, text) and the notes. 404 outside your portfolio.")
    public CaseView get(@PathParam("id") UUID id) {
        return cases.view(id, caller, Instant.now(clock));
    }

    @POST
    @Path("/{id}/transitions")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Move a case to its next status", description = "OPEN → CONTACTED (outreach, due 24 h after "
            + "opening) → ROOT_CAUSE_IDENTIFIED (text = the root cause, required; due 48 h) → ACTION_PLANNED (text = the "
            + "action plan, required; due 72 h) → RESOLVED (the follow-up survey becomes due 30 days later) → CLOSED "
            + "(publishes DetractorCaseClosed). One step at a time: any other move is a 409; a missing text is a 400. "
            + "Accepts Idempotency-Key.")
    public Response transition(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                               @Valid @NotNull CaseTransitionRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/nps/cases/" + id + "/transitions", request,
                () -> Response.ok(cases.transition(id, request.to(), request.text(), caller, Instant.now(clock))).build());
    }

    @POST
    @Path("/{id}/notes")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Add a note to a case", description = "Append-only; author and time are recorded. 201 with the "
            + "note. Accepts Idempotency-Key.")
    public Response addNote(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                            @Valid @NotNull CaseNoteRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/nps/cases/" + id + "/notes", request, () -> {
            NoteView note = cases.addNote(id, request.text(), caller, Instant.now(clock));
            return Response.status(Response.Status.CREATED).entity(note).build();
        });
    }

    static UUID uuid(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not a UUID: " + value));
            return null;
        }
    }
}
