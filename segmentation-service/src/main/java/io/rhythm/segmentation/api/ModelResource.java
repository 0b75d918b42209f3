package io.rhythm.segmentation.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.rhythm.segmentation.service.MigrationAnalysis;
import io.rhythm.segmentation.service.ModelRegistry;
import io.rhythm.segmentation.service.Resegmentation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.rhythm.segmentation.api.ApiDocs.BAD_REQUEST;
import static io.rhythm.segmentation.api.ApiDocs.FORBIDDEN;
import static io.rhythm.segmentation.api.ApiDocs.PROBLEM;
import static io.rhythm.segmentation.api.ApiDocs.UNAUTHORIZED;

/**
 * Segment model versions as data. A review creates a DRAFT, previews what it would assign (with the migration
 * matrix against the active version), then activates it: the portfolio is re-segmented in the background.
 */
@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Segment models", description = "Versioned segment models, preview, activation and re-segmentation")
public class ModelResource {

    private static final String NO_VERSION = "No such model version";

    @Inject
    ModelRegistry models;
    @Inject
    MigrationAnalysis analysis;
    @Inject
    Resegmentation jobs;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @Path("/models")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Every segment model version", description = "Oldest first; one is ACTIVE, earlier ones RETIRED, reviews DRAFT.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<ModelRegistry.StoredModel> list() {
        return models.all();
    }

    @GET
    @Path("/models/{version}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One segment model version", description = "Axes and bands, grid, confirmation rule, and each segment's "
            + "CS and sales strategy and Activity Register cadences.")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(schema = @Schema(implementation = ModelRegistry.StoredModel.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_VERSION, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ModelRegistry.StoredModel get(@PathParam("version") @Min(1) @Max(100000) int version) {
        return models.require(version);
    }

    @POST
    @Path("/models")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Create the next model version as a DRAFT", description = "AVP CS and above. Every problem is listed in "
            + "the 400: bands must run LOW, MODERATE, HIGH from 0 without gaps or overlaps (from inclusive, to exclusive, HIGH "
            + "unbounded; satisfaction up to 100, SHARE up to 1), weights sum to 1, the grid keeps the seed's six cells, and "
            + "each of the six segments is described once with a cadence for each activity type.")
    @APIResponse(responseCode = "201", description = "The draft (Location)", content = @Content(schema = @Schema(implementation = ModelRegistry.StoredModel.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ModelDocument document) {
        ModelRegistry.StoredModel stored = models.create(document, caller.username());
        return Response.created(URI.create("/api/v1/segments/models/" + stored.version())).entity(stored).build();
    }

    @POST
    @Path("/models/{version}/preview")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Preview what a model version would assign", description = "AVP CS and above. Each client's proposed "
            + "segment on today's inputs (overrides stay in force) against its current segment, and the migration matrix: "
            + "client counts and revenue moving between each pair of segments. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The preview", content = @Content(schema = @Schema(implementation = PreviewView.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_VERSION, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PreviewView preview(@PathParam("version") @Min(1) @Max(100000) int version) {
        models.require(version);
        return analysis.preview(version, caller);
    }

    @POST
    @Path("/models/{version}/activate")
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Activate a DRAFT model version", description = "AVP CS and above. The previous version is retired and "
            + "the whole portfolio re-segmented in the background (the new model's placement is taken at once; overrides stay). "
            + "effectiveFrom (YYYY-MM-DD, default today, not after today) dates the re-segmentation, e.g. a review's finalisation "
            + "day: moves are effective from its start, and a client the new model leaves in its segment counts as in it from "
            + "then when it entered later (recorded as a migration record to itself, no event), so the Activity Register "
            + "counts the cadences from effectiveFrom. 202 with the job (Location: its progress).")
    @APIResponse(responseCode = "202", description = "The re-segmentation job", content = @Content(schema = @Schema(implementation = Resegmentation.Job.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_VERSION, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version is not a DRAFT", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response activate(@PathParam("version") @Min(1) @Max(100000) int version,
                             @QueryParam("effectiveFrom") @Parameter(description = "YYYY-MM-DD, not after today; default today")
                             @Size(max = 10) String effectiveFrom) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = DateParam.parse("effectiveFrom", effectiveFrom);
        if (from != null && from.isAfter(today)) {
            throw ApiException.invalid("effectiveFrom", "must not be after today (" + today + ")");
        }
        UUID job = QuarkusTransaction.requiringNew().call(() -> {
            models.activate(version, caller.username());
            return jobs.create(version, caller.username(), from);
        });
        jobs.run(job);
        return Response.accepted(QuarkusTransaction.requiringNew().call(() -> jobs.find(job).orElseThrow()))
                .location(URI.create("/api/v1/segments/jobs/" + job)).build();
    }

    @GET
    @Path("/jobs/{id}")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Progress of a re-segmentation", description = "RUNNING, DONE or FAILED; clients done of total and how many migrated.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = Resegmentation.Job.class)))
    @APIResponse(responseCode = "400", description = BAD_REQUEST, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Resegmentation.Job job(@PathParam("id") UUID id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("Re-segmentation job", id));
    }
}
