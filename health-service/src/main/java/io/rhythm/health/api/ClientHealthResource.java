package io.rhythm.health.api;

import io.rhythm.health.service.ClientAccess;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/clients/{id}/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health scores", description = "Explainable, real-time health scores")
public class ClientHealthResource {

    @Inject
    ClientHealthReads reads;
    @Inject
    ClientAccess access;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's health score, explained", description = "Score, band, model version, each component's "
            + "value, weight, contribution in points and inputs, and the change since the previous score and since a month "
            + "ago with the components that drove it. 404 when the client has no score yet or is outside your portfolio.")
    public ClientHealthView current(@PathParam("id") UUID id) {
        return reads.explained(access.visible(id))
                .orElseThrow(() -> ApiException.notFound("Health score of client", id + " (no signals yet)"));
    }

    @GET
    @Path("/history")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's score history, newest first", description = "Every change of score or band in the "
            + "time range (ISO-8601 instants; default: the last 12 months). Cursor paging.")
    public Page<HealthHistoryItem> history(@PathParam("id") UUID id,
                                           @Parameter(description = "from (inclusive), e.g. 2026-01-01T00:00:00Z") @QueryParam("from") String from,
                                           @Parameter(description = "to (inclusive)") @QueryParam("to") String to,
                                           @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        access.visible(id);
        return reads.history(id, from, to, PageRequest.of(limit, cursor));
    }

}
