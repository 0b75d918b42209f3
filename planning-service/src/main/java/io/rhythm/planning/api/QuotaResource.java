package io.rhythm.planning.api;

import io.rhythm.planning.service.Quotas;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/plans/quotas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas")
public class QuotaResource {

    @Inject
    Quotas quotas;

    @PUT
    @Path("/{owner}/{fiscalYear}")
    @RolesAllowed({Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Set a CSE's or CAM's quota for a fiscal year", description = "Sales Target Workshop; VP and above. "
            + "Creates the quota, or replaces it with If-Match (428 missing, 412 stale). FY2027 is stored as FY27.")
    @APIResponse(responseCode = "200", description = "The quota with its attainment", content = @Content(schema = @Schema(implementation = QuotaView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or path", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Below VP", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing on a replacement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response set(@PathParam("owner") @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String owner,
                        @PathParam("fiscalYear") @Pattern(regexp = "FY(20)?\\d{2}", message = "must look like FY27 or FY2027") String fiscalYear,
                        @HeaderParam("If-Match") String ifMatch, @Valid @NotNull QuotaRequest request) {
        QuotaView view = quotas.set(owner, fiscalYear, ifMatch, request);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Quotas and attainment", description = "Attainment = won revenue (CLOSED_WON opportunities the "
            + "owner owns, in plans of that fiscal year) / target. CSE/CAM see their own.")
    @APIResponse(responseCode = "200", description = "The quotas")
    @APIResponse(responseCode = "400", description = "Bad fiscalYear", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or bad token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read quotas (marketing, integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<QuotaView> list(@QueryParam("fiscalYear") @Pattern(regexp = "FY(20)?\\d{2}", message = "must look like FY27 or FY2027") String fiscalYear) {
        return quotas.list(fiscalYear);
    }
}
