package io.rhythm.health.api;

import io.rhythm.health.service.ClientAccess;
import io.rhythm.platform.web.paging.Page;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** One client's alerts (its own resource class so that ClientResource's /{id} does not shadow it). */
@Path("/api/v1/clients/{id}/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@SecurityRequirement(name = "bearer")
public class ClientAlertResource {

    @Inject
    AlertListing alerts;
    @Inject
    ClientAccess access;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "A client's alerts, newest first", description = "Open and resolved. Cursor paging. 404 when the "
            + "client does not exist or is outside your portfolio.")
    public Page<AlertView> listClientAlerts(@PathParam("id") UUID id,
                                @Parameter(description = "1-200, default 50") @QueryParam("limit") Integer limit,
                                @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        access.visible(id);
        return alerts.page(null, null, null, null, id, false, limit, cursor);
    }
}
