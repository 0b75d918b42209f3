package io.rhythm.segmentation.api;

import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.rhythm.segmentation.service.Compliance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.UUID;

import static io.rhythm.segmentation.api.ApiDocs.BAD_REQUEST;
import static io.rhythm.segmentation.api.ApiDocs.FORBIDDEN;
import static io.rhythm.segmentation.api.ApiDocs.PROBLEM;
import static io.rhythm.segmentation.api.ApiDocs.UNAUTHORIZED;

@Path("/api/v1/activity-register")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity Register", description = "Engagement cadence compliance per segment")
public class ComplianceResource {

    @Inject
    Compliance compliance;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @Path("/compliance")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Activity Register compliance", description = "Of your clients as the register stood on asOf (default "
            + "today): per client × activity type the cadence of the client's segment that day, the last held activity, the "
            + "next due date and COMPLIANT / DUE_SOON / OVERDUE / NOT_REQUIRED, rolled up by groupBy = client (default, with "
            + "the items), cse, segment, activityType or portfolio. Filters: owner; clientId (only that client's rows: "
            + "no groups when it is not yours).")
    @APIResponse(responseCode = "200", description = "The register", content = @Content(schema = @Schema(implementation = ComplianceView.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ComplianceView compliance(@QueryParam("asOf") @Size(max = 10) @Schema(format = "date") String asOf, @QueryParam("groupBy") @Size(max = 20) String groupBy,
                                     @QueryParam("owner") @Size(max = 100) String owner,
                                     @QueryParam("clientId") @Schema(description = "one client (UUID)") UUID clientId) {
        return compliance.of(DateParam.asOf(asOf, clock), groupBy, owner, clientId, caller);
    }
}
