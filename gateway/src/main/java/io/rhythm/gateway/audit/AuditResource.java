package io.rhythm.gateway.audit;

import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The gateway's audit log, for admins. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Every write through the gateway: who, what, the outcome (admins only)")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    AuditEntries entries;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Search the audit log", description = "Writes (POST, PUT, PATCH, DELETE) through the gateway, "
            + "newest first: the caller (token subject, username or integration client id, realm roles), method, route "
            + "template, the ids in the path, the answer's status and correlation id. No bodies, query strings or "
            + "tokens are kept. Entries are written asynchronously, usually within a second. Cursor paging.")
    @APIResponse(responseCode = "200", description = "One page of entries, newest first")
    public Page<AuditEntry> search(
            @Parameter(description = "username, integration client id or token subject") @QueryParam("actor") String actor,
            @Parameter(description = "from this time on (inclusive): YYYY-MM-DD or ISO-8601 with offset", example = "2026-12-01")
            @QueryParam("from") String from,
            @Parameter(description = "before this time (exclusive; a date means its end): YYYY-MM-DD or ISO-8601 with offset",
                    example = "2026-12-31") @QueryParam("to") String to,
            @Parameter(description = "1-200, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return entries.find(AuditQuery.of(actor, from, to, limit, cursor));
    }
}
