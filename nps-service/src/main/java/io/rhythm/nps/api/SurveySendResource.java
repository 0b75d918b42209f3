package io.rhythm.nps.api;

import io.rhythm.nps.domain.triggers.SurveyKind;
import io.rhythm.nps.service.triggers.SurveySendQueries;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/nps/survey-sends")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Triggered surveys")
public class SurveySendResource {

    static final List<String> STATUSES = List.of("SCHEDULED", "SENT", "ANSWERED", "SKIPPED");

    @Inject
    SurveySendQueries queries;
    @Inject
    ClientDirectory clients;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Surveys sent outside the cycles, newest first", description = "Within your portfolio. Each send "
            + "shows its kind and whether it is a RELATIONSHIP or TRANSACTIONAL survey, its status (SCHEDULED, SENT, "
            + "ANSWERED, SKIPPED) and, when skipped or waiting, why (e.g. MIN_INTERVAL, UNSUBSCRIBED). Filters: kind, "
            + "status, clientId (404 if not yours). Cursor paging.")
    @APIResponse(responseCode = "200", description = "One page of survey sends")
    @APIResponse(responseCode = "404", description = "clientId unknown or not in your portfolio")
    public Page<SurveySendQueries.SendView> list(@QueryParam("kind") String kind, @QueryParam("status") String status,
                                                 @QueryParam("clientId") UUID clientId, @QueryParam("limit") Integer limit,
                                                 @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        SurveyKind k = null;
        if (kind != null && !kind.isBlank()) {
            k = Arrays.stream(SurveyKind.values()).filter(v -> v.name().equalsIgnoreCase(kind.strip())).findFirst()
                    .orElseThrow(() -> ApiException.invalid("kind", "must be one of " + Arrays.toString(SurveyKind.values())));
        }
        String s = null;
        if (status != null && !status.isBlank()) {
            s = status.strip().toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(s)) {
                throw ApiException.invalid("status", "must be one of " + STATUSES);
            }
        }
        if (clientId != null) {
            clients.requireVisible(clientId, caller);
        }
        return queries.list(k, s, clientId, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One survey send", description = "404 if unknown or not in your portfolio.")
    public SurveySendQueries.SendView get(@PathParam("id") UUID id) {
        SurveySendQueries.SendView view = queries.find(id).orElseThrow(() -> ApiException.notFound("Survey send", id));
        DirectoryEntry client = clients.find(UUID.fromString(view.clientId()))
                .orElseThrow(() -> ApiException.notFound("Survey send", id));
        caller.requireVisible(client.ownership(), "Survey send", id);
        return view;
    }
}
