package io.rhythm.nps.api;

import io.rhythm.nps.service.CycleResults;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** NPS over cycles. */
@Path("/api/v1/nps/trend")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey cycles")
public class TrendResource {

    @Inject
    CycleResults results;

    @GET
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "NPS trend across cycles", description = "Every cycle with answers or invitations in the filter, in order of "
            + "open date: NPS with confidence interval and caveat, counts, average, min-max, standard deviation, response rate against "
            + "the > 40 % target, the revenue-weighted NPS beside it, and the change from the previous cycle with answers (NPS points, "
            + "average, response-rate points, and whether the change is within the noise of two samples). Filters (combined with AND, "
            + "case-insensitive): clientId (404 outside your portfolio), segment, businessUnit, cse (owner CSE's username; '(none)' "
            + "for unassigned). Within your portfolio: a CSE/CAM sees their own clients only.")
    public CycleResults.Trend trend(@QueryParam("clientId") String clientId, @QueryParam("segment") String segment,
                                    @QueryParam("businessUnit") String businessUnit, @QueryParam("cse") String cse) {
        return results.trend(new CycleResults.TrendFilter(
                clientId == null || clientId.isBlank() ? null : ThemeResource.uuid("clientId", clientId),
                blankToNull(segment), blankToNull(businessUnit), blankToNull(cse)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
