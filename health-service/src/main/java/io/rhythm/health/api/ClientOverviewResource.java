package io.rhythm.health.api;

import io.rhythm.health.domain.Client;
import io.rhythm.health.service.ClientAccess;
import io.rhythm.health.service.WorkingCapitalReads;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.security.Caller;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A client's profile, contacts, score explained, score history, aged receivables and open alerts in one read (one
 * token check, one transaction): what the gateway's Client 360 shows from health-service. Row-level access is the
 * parts' own: 404 outside the caller's portfolio; the receivables are withheld from roles that may not read them.
 */
@Path("/api/v1/clients/{id}/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health scores")
public class ClientOverviewResource {

    /** Who may read the receivables part: {@link WorkingCapitalResource}'s roles. */
    static final List<String> RECEIVABLES_ROLES = List.of(Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN);
    static final int LIST_LIMIT = 200;

    @Inject
    ClientAccess access;
    @Inject
    ClientHealthReads health;
    @Inject
    AlertListing alerts;
    @Inject
    WorkingCapitalReads receivables;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's overview in one read", description = "The client (as GET /clients/{id}), its active "
            + "contacts (first 200 by name), its health score explained (null while it has none), its score history of "
            + "the last 12 months (first page, newest first), its aged receivables at the end of asOf (UTC; default "
            + "today; null and listed in withheld for roles that may not read Working Capital: marketing) and its alerts "
            + "not RESOLVED (at most 200, newest first): each part as its own endpoint answers it. 404 when the client "
            + "does not exist or is outside your portfolio.")
    @APIResponse(responseCode = "200", description = "The overview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientOverviewView.class)))
    public ClientOverviewView overview(@PathParam("id") UUID id,
                                       @Parameter(description = "YYYY-MM-DD, default today (UTC)") @QueryParam("asOf") String asOf) {
        LocalDate day = ReadParams.asOf(asOf, clock);
        Client client = access.visible(id);
        boolean mayReadReceivables = RECEIVABLES_ROLES.stream().anyMatch(caller::hasRole);
        return new ClientOverviewView(id.toString(), day, ClientView.of(client),
                ContactResource.page(id, null, PageRequest.of(LIST_LIMIT, null)),
                health.explained(client).orElse(null),
                health.history(id, null, null, PageRequest.of(null, null)),
                mayReadReceivables ? new WorkingCapitalResource.ClientReceivablesView(id.toString(), day, receivables.client(id, day)) : null,
                alerts.open(id, PageRequest.of(LIST_LIMIT, null)),
                mayReadReceivables ? List.of() : List.of("receivables"));
    }
}
