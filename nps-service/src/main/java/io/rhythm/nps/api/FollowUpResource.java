package io.rhythm.nps.api;

import io.rhythm.nps.domain.closedloop.FollowUpKind;
import io.rhythm.nps.service.closedloop.ResponseFollowUps;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The lighter follow-ups of passives and promoters, and the promoters who are advocacy candidates. */
@Path("/api/v1/nps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Response follow-ups", description = "Passive → ask what would make it a 9–10; promoter → thank-you and advocacy")
public class FollowUpResource {

    @Inject
    ResponseFollowUps followUps;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @Path("/follow-ups")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Follow-ups of passives and promoters in your portfolio", description = "Earliest due first, "
            + "with overdue flagged. PASSIVE_IMPROVEMENT (ask what would make it a 9–10, due 7 days after the answer) and "
            + "PROMOTER_THANK_YOU (thank them, ask about advocacy). Cursor paging.")
    public Page<ResponseFollowUps.FollowUpView> list(
            @Parameter(description = "PASSIVE_IMPROVEMENT or PROMOTER_THANK_YOU") @QueryParam("kind") String kind,
            @Parameter(description = "OPEN or DONE") @QueryParam("status") String status,
            @Parameter(description = "one client") @QueryParam("clientId") String clientId,
            @Parameter(description = "the owning CSE's username") @QueryParam("owner") String owner,
            @Parameter(description = "1-200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        FollowUpKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = FollowUpKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "must be PASSIVE_IMPROVEMENT or PROMOTER_THANK_YOU"));
            }
        }
        String st = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (st != null && !st.equals("OPEN") && !st.equals("DONE")) {
            errors.add(new FieldError("status", "must be OPEN or DONE"));
        }
        UUID client = CaseResource.uuid("clientId", clientId, errors);
        PageRequest page = page(limit, cursor, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String ownerFilter = owner == null || owner.isBlank() ? null : owner.strip().toLowerCase(Locale.ROOT);
        return followUps.list(new ResponseFollowUps.FollowUpFilter(k, st, client, ownerFilter), caller, page, Instant.now(clock));
    }

    @POST
    @Path("/follow-ups/{id}/complete")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Mark a follow-up done", description = "Records who and when, with an optional outcome. 409 when "
            + "done already; 404 outside your portfolio.")
    public ResponseFollowUps.FollowUpView complete(@PathParam("id") UUID id, @Valid FollowUpCompletion request) {
        return followUps.complete(id, request == null ? null : request.outcome(), caller, Instant.now(clock));
    }

    @GET
    @Path("/advocacy-candidates")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Advocacy candidates", description = "Promoters (9–10) who may be asked for a reference, a case "
            + "study or a review, newest first, with their comment and the thank-you's status. Leaders and marketing see "
            + "all; CSEs and CAMs the clients they own. Cursor paging.")
    public Page<ResponseFollowUps.AdvocacyCandidate> advocacyCandidates(
            @Parameter(description = "one client") @QueryParam("clientId") String clientId,
            @Parameter(description = "one survey cycle") @QueryParam("cycleId") String cycleId,
            @Parameter(description = "1-200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        UUID client = CaseResource.uuid("clientId", clientId, errors);
        UUID cycle = CaseResource.uuid("cycleId", cycleId, errors);
        PageRequest page = page(limit, cursor, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return followUps.advocacyCandidates(client, cycle, caller, page);
    }

    private static PageRequest page(Integer limit, String cursor, List<FieldError> errors) {
        try {
            return PageRequest.of(limit, cursor);
        } catch (ApiException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
