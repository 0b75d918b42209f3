package io.rhythm.health.api;

import io.rhythm.health.service.WorkingCapitalReads;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/** Working Capital of the caller's portfolio: the aged receivables total (CSE/CAM: their clients). */
@Path("/api/v1/health/receivables")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health scores")
public class PortfolioReceivablesResource {

    @Inject
    WorkingCapitalReads receivables;
    @Inject
    Clock clock;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Aged receivables of your portfolio (Working Capital)", description = "The total of the clients' "
            + "receivables at the end of asOf (UTC; default today) as for one client, per currency and bucket, and how many "
            + "clients owe something. CSEs and CAMs: their clients'; AVP and above: all, or one owner's (owner).")
    @APIResponse(responseCode = "200", description = "The portfolio's receivables")
    public WorkingCapitalReads.PortfolioReceivables portfolio(
            @Parameter(description = "YYYY-MM-DD, default today (UTC)") @QueryParam("asOf") String asOf,
            @Parameter(description = "a CSE or CAM username: only their clients") @QueryParam("owner") String owner) {
        return receivables.portfolio(ReadParams.asOf(asOf, clock), owner);
    }
}
