package io.rhythm.health.api;

import io.rhythm.health.service.ClientAccess;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.EngagementSignal;
import io.rhythm.health.service.ClientRegistry;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The client registry. CRM integrations and leaders write; people read their portfolio. */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "The client registry: the platform's source of truth for clients")
@SecurityRequirement(name = "bearer")
public class ClientResource {

    @Inject
    ClientRegistry registry;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    ClientAccess access;

    @POST
    @Transactional
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.AVP, Roles.VP})
    @Operation(summary = "Register a client", description = "Publishes ClientUpserted on clients.v1. Send an "
            + "Idempotency-Key to make retries safe. An external id already used by another client is a 409.")
    @APIResponse(responseCode = "201", description = "Registered (Location, ETag)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "409", description = "An external id is already used by another client, or the Idempotency-Key was used for another request")
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @NotNull ClientRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/clients", request, () -> {
            Client client = registry.create(request);
            return Response.created(URI.create("/api/v1/clients/" + client.id))
                    .tag(Versions.etag(client.version)).entity(ClientView.of(client)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Read a client", description = "404 when the client does not exist or is outside your portfolio.")
    public Response get(@PathParam("id") UUID id) {
        Client client = access.visible(id);
        return Response.ok(ClientView.of(client)).tag(Versions.etag(client.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.AVP, Roles.VP})
    @Operation(summary = "Replace a client", description = "Requires If-Match with the ETag you read (412 when stale, "
            + "428 when missing). Publishes ClientUpserted.")
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ClientRequest request) {
        Client client = registry.replace(id, ifMatch, request);
        return Response.ok(ClientView.of(client)).tag(Versions.etag(client.version)).build();
    }

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "List your portfolio", description = "Clients you may see, ordered by name; CSEs and CAMs see "
            + "the clients assigned to them. Cursor paging: pass nextCursor back as cursor.")
    public Page<ClientView> list(
            @Parameter(description = "1-200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder query = new StringBuilder("true = true");
        Parameters params = new Parameters();
        caller.portfolioOwner().ifPresent(owner -> {
            query.append(" and (ownerCse = :owner or ownerCam = :owner)");
            params.and("owner", owner);
        });
        if (page.after() != null) {
            query.append(" and (name > :name or (name = :name and id > :id))");
            params.and("name", page.after().sortValue()).and("id", page.after().uuid());
        }
        PanacheQuery<Client> rows = Client.find(query + " order by name, id", params);
        List<Client> fetched = rows.page(0, page.fetchSize()).list();
        return Page.of(fetched, page, c -> new Cursor(c.name, c.id.toString()), ClientView::of);
    }

    @GET
    @Path("/{id}/engagements")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Recent engagements with a client", description = "Engagement activities logged in the "
            + "calendar, as received on calendar.activities.v1 (newest first, at most 100).")
    public List<EngagementView> engagements(@PathParam("id") UUID id) {
        access.visible(id);
        return EngagementSignal.recentFor(id, 100).stream().map(EngagementView::of).toList();
    }

}
