package io.rhythm.health.api;

import io.rhythm.health.service.HealthDeclines;
import io.rhythm.platform.web.paging.PageRequest;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The health-decline early warning over the caller's portfolio in one read (CSE/CAM: their clients). */
@Path("/api/v1/health/declines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health scores")
public class HealthDeclinesResource {

    @Inject
    HealthDeclines declines;
    @Inject
    Clock clock;

    /** Declining clients, one page, with how many clients had a score at both ends of the window. */
    public record DeclinesView(LocalDate asOf, int days, BigDecimal thresholdPercent, long compared,
                               List<HealthDeclines.Decline> items, String nextCursor) {
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Clients whose health score fell (early warning)", description = "Seed 000's early warning "
            + "\"client health score changes (> 10 % decline)\" in one read: the clients whose score at the end of asOf "
            + "(UTC; default today) is more than threshold % (default 10) below their score at the start of the window of "
            + "`days` days (default 30), by name, cursor-paged; compared = how many clients had a score at both ends. "
            + "Filters: owner (CSE or CAM username) and segment. CSEs and CAMs see their clients only.")
    @APIResponse(responseCode = "200", description = "Declining clients")
    public DeclinesView declines(
            @Parameter(description = "YYYY-MM-DD, default today (UTC)") @QueryParam("asOf") String asOf,
            @Parameter(description = "window length in days, 1-366, default 30") @QueryParam("days") String days,
            @Parameter(description = "decline in % of the earlier score, 0-100, default 10") @QueryParam("threshold") String threshold,
            @Parameter(description = "a CSE or CAM username") @QueryParam("owner") String owner,
            @Parameter(description = "MAINTAIN, LEVERAGE, NURTURE, COLLABORATE, SLEEPING_GIANTS, GIANTS") @QueryParam("segment") String segment,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        LocalDate day = ReadParams.asOf(asOf, clock);
        int window = days == null ? 30 : ReadParams.days(days);
        BigDecimal percent = threshold == null ? BigDecimal.TEN : ReadParams.threshold(threshold);
        PageRequest page = PageRequest.of(limit, cursor);
        var result = declines.declines(day, window, percent, owner, segment == null ? null : PortfolioResource.segment(segment), page);
        return new DeclinesView(day, window, percent, result.compared(), result.page().items(), result.page().nextCursor());
    }
}
