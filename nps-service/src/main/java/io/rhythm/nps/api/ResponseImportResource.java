package io.rhythm.nps.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.service.delivery.HubSpotResponseImport;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/nps/cycles/{cycleId}/responses/import/hubspot")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Survey responses")
public class ResponseImportResource {

    static final int MAX_ROWS = 1_000;

    @Inject
    HubSpotResponseImport hubspot;

    /** {@code {"rows": [...]}}: up to 1,000 rows of a HubSpot feedback_submissions export. */
    public record Rows(@NotNull @Schema(minItems = 1, maxItems = MAX_ROWS,
            description = "1 to 1,000 rows of the export, each read and validated on its own") List<JsonNode> rows) {
    }

    @POST
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.MARKETING})
    @Operation(summary = "Import HubSpot feedback submissions", description = "NPS rows only (hs_survey_type), hs_value 0-10 "
            + "(checked against hs_response_group), hs_content, hs_submission_timestamp, email matched to one contact. Per-row "
            + "IMPORTED / DUPLICATE (already answered the cycle) / UNMATCHED (kept in the unmatched queue) / REJECTED. Each "
            + "import publishes SurveyResponseSubmitted (channel IMPORT). 409 once the cycle is closed.")
    public List<HubSpotResponseImport.RowResult> importRows(@PathParam("cycleId") UUID cycleId, @Valid @NotNull Rows body) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        if (cycle.isClosed()) {
            throw ApiException.conflict(cycle.name + " closed at " + cycle.closedAt + ": its results are frozen, so nothing "
                    + "more is imported into it");
        }
        if (body.rows().isEmpty() || body.rows().size() > MAX_ROWS) {
            throw ApiException.invalid("rows", "must hold 1 to " + MAX_ROWS + " rows (got " + body.rows().size() + ")");
        }
        return hubspot.importRows(cycleId, body.rows());
    }
}
