package io.rhythm.health.api;

import io.rhythm.health.domain.supportbilling.AgedReceivables.CurrencyTotal;
import io.rhythm.health.service.ClientAccess;
import io.rhythm.health.service.HealthDeclines;
import io.rhythm.health.service.WorkingCapitalReads;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Portfolio reads for the Command Centre and the early warnings: aged receivables (Working Capital) per client and
 * in total, and the clients whose health score fell. Each is scoped to the caller (CSE/CAM: their clients).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health scores")
public class WorkingCapitalResource {

    @Inject
    WorkingCapitalReads receivables;
    @Inject
    HealthDeclines declines;
    @Inject
    ClientAccess access;
    @Inject
    Clock clock;

    /** One client's aged receivables. */
    public record ClientReceivablesView(String clientId, LocalDate asOf, List<CurrencyTotal> byCurrency) {
    }

    /** Declining clients, one page, with how many clients had a score at both ends of the window. */
    public record DeclinesView(LocalDate asOf, int days, BigDecimal thresholdPercent, long compared,
                               List<HealthDeclines.Decline> items, String nextCursor) {
    }

    @GET
    @Path("/clients/{id}/receivables")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "A client's aged receivables (Working Capital)", description = "The client's invoices outstanding "
            + "at the end of asOf (UTC; default today): issued by then (INVOICE_ISSUED of the billing events, amount and "
            + "currency as sent) and not paid by then, per currency, in the buckets CURRENT (not yet due), 1-30, 31-60, "
            + "61-90 and 90+ days past the due date, each with its amount and invoice count; with the total outstanding, "
            + "the overdue part and the days the oldest overdue invoice is past due. Amounts of different currencies are "
            + "never added; each total is rounded once. 404 for a client outside your portfolio.")
    @APIResponse(responseCode = "200", description = "The client's receivables (byCurrency empty: nothing outstanding)")
    public ClientReceivablesView client(@PathParam("id") UUID id,
                                        @Parameter(description = "YYYY-MM-DD, default today (UTC)") @QueryParam("asOf") String asOf) {
        LocalDate day = asOf(asOf);
        access.visible(id);
        return new ClientReceivablesView(id.toString(), day, receivables.client(id, day));
    }

    @GET
    @Path("/health/receivables")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Aged receivables of your portfolio (Working Capital)", description = "The total of the clients' "
            + "receivables at the end of asOf (UTC; default today) as for one client, per currency and bucket, and how many "
            + "clients owe something. CSEs and CAMs: their clients'; AVP and above: all, or one owner's (owner).")
    @APIResponse(responseCode = "200", description = "The portfolio's receivables")
    public WorkingCapitalReads.PortfolioReceivables portfolio(
            @Parameter(description = "YYYY-MM-DD, default today (UTC)") @QueryParam("asOf") String asOf,
            @Parameter(description = "a CSE or CAM username: only their clients") @QueryParam("owner") String owner) {
        return receivables.portfolio(asOf(asOf), owner);
    }

    @GET
    @Path("/health/declines")
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
        LocalDate day = asOf(asOf);
        int window = days == null ? 30 : days(days);
        BigDecimal percent = threshold == null ? BigDecimal.TEN : threshold(threshold);
        PageRequest page = PageRequest.of(limit, cursor);
        var result = declines.declines(day, window, percent, owner, segment == null ? null : PortfolioResource.segment(segment), page);
        return new DeclinesView(day, window, percent, result.compared(), result.page().items(), result.page().nextCursor());
    }

    private LocalDate asOf(String asOf) {
        if (asOf == null) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            LocalDate day = LocalDate.parse(asOf.strip());
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                throw ApiException.invalid("asOf", "must be a date between 2000 and 2100");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("asOf", "must be a date YYYY-MM-DD");
        }
    }

    private static int days(String days) {
        try {
            int value = Integer.parseInt(days.strip());
            if (value >= 1 && value <= 366) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("days", "must be a whole number of days from 1 to 366");
    }

    private static BigDecimal threshold(String threshold) {
        try {
            BigDecimal value = new BigDecimal(threshold.strip());
            if (value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0 && value.scale() <= 2) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("threshold", "must be a percentage from 0 to 100 with at most 2 decimals");
    }
}
