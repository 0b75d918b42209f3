package io.rhythm.health.api;

import io.rhythm.health.domain.supportbilling.AgedReceivables.CurrencyTotal;
import io.rhythm.health.service.ClientAccess;
import io.rhythm.health.service.WorkingCapitalReads;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Working Capital of one client: its aged receivables (CSE/CAM: their clients only). */
@Path("/api/v1/clients/{id}/receivables")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health scores")
public class WorkingCapitalResource {

    @Inject
    WorkingCapitalReads receivables;
    @Inject
    ClientAccess access;
    @Inject
    Clock clock;

    /** One client's aged receivables. */
    public record ClientReceivablesView(String clientId, LocalDate asOf, List<CurrencyTotal> byCurrency) {
    }

    @GET
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
        LocalDate day = ReadParams.asOf(asOf, clock);
        access.visible(id);
        return new ClientReceivablesView(id.toString(), day, receivables.client(id, day));
    }
}
