package io.rhythm.nps.api;

import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The clients NPS surveys: the caller's portfolio as nps-service knows it from clients.v1. */
@Path("/api/v1/nps/clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surveyed clients")
public class NpsClientResource {

    @Inject
    ClientDirectory directory;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Your portfolio as surveyed by NPS", description = "Ordered by name; cursor paging.")
    public Page<DirectoryEntry> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return directory.portfolio(caller, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{clientId}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One surveyed client", description = "404 outside your portfolio.")
    public DirectoryEntry get(@PathParam("clientId") UUID clientId) {
        return directory.requireVisible(clientId, caller);
    }
}
