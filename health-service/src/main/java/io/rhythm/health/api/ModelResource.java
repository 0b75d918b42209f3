package io.rhythm.health.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.health.domain.LifecycleStage;
import io.rhythm.health.domain.scoring.Component;
import io.rhythm.health.domain.scoring.ComponentDefinition;
import io.rhythm.health.domain.scoring.InvalidScoringModelException;
import io.rhythm.health.domain.scoring.ScoringModel;
import io.rhythm.health.service.Backtests;
import io.rhythm.health.service.ModelRegistry;
import io.rhythm.health.service.RecomputeJobs;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scoring models as versioned data. A new version is created, then activated: activation rescores the
 * whole portfolio in the background (progress at /api/v1/health/recomputes/{id}); earlier scores keep
 * the version that produced them.
 */
@Path("/api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring models", description = "Versioned scoring models, activation and full recomputes")
public class ModelResource {

    @Inject
    ModelRegistry models;
    @Inject
    RecomputeJobs jobs;
    @Inject
    ObjectMapper mapper;
    @Inject
    Caller caller;
    @Inject
    Backtests backtests;
    @Inject
    io.rhythm.health.service.Outcomes outcomes;

    @GET
    @Path("/models")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN, Roles.CSE, Roles.CAM, Roles.MARKETING})
    @Operation(summary = "All scoring model versions", description = "With their components, inputs, normalisation and "
            + "weights per lifecycle stage; one is active.")
    public List<ModelRegistry.StoredModel> list() {
        return models.all();
    }

    @GET
    @Path("/models/{version}")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN, Roles.CSE, Roles.CAM, Roles.MARKETING})
    public ModelRegistry.StoredModel get(@PathParam("version") int version) {
        return models.find(version).orElseThrow(() -> ApiException.notFound("Scoring model version", version));
    }

    @POST
    @Path("/models")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.VP, Roles.ADMIN})
    @Operation(summary = "Create the next scoring model version", description = "Body: name, components (each with metrics: "
            + "key, description, unit, normalisation {worst, best}, weight) and stageWeights (per lifecycle stage, per "
            + "component, summing to 1 or 100). Every problem is listed in the 400. Not active until activated.")
    @APIResponse(responseCode = "201", description = "Created, not active (Location)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ModelRegistry.StoredModel.class)))
    public Response create(@NotNull JsonNode body) {
        if (!body.isObject() || !body.hasNonNull("name")) {
            throw ApiException.invalid("name", "is required");
        }
        int version = models.nextVersion();
        ScoringModel model;
        try {
            List<ComponentDefinition> components = mapper.convertValue(body.get("components"), new TypeReference<>() { });
            Map<LifecycleStage, Map<Component, Double>> weights = mapper.convertValue(body.get("stageWeights"), new TypeReference<>() { });
            model = new ScoringModel(version, body.get("name").asText(), components, weights);
        } catch (InvalidScoringModelException e) {
            throw ApiException.invalid(e.problems().stream().map(problem -> new FieldError("model", problem)).toList());
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof JsonProcessingException json ? json : e;
            String message = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
            if (cause.getCause() instanceof InvalidScoringModelException invalid) {
                throw ApiException.invalid(invalid.problems().stream().map(problem -> new FieldError("model", problem)).toList());
            }
            throw ApiException.invalid("model", message);
        }
        ModelRegistry.StoredModel stored = models.create(model, caller.username());
        return Response.created(URI.create("/api/v1/health/models/" + version)).entity(stored).build();
    }

    @POST
    @Path("/models/{version}/activate")
    @RolesAllowed({Roles.VP, Roles.ADMIN})
    @Operation(summary = "Activate a model version", description = "New scores use it at once; the whole portfolio is "
            + "rescored in the background. 202 with the recompute job (Location).")
    @APIResponse(responseCode = "202", description = "Started: the recompute job (Location: its progress)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RecomputeJobs.Job.class)))
    public Response activate(@PathParam("version") int version) {
        UUID job = QuarkusTransaction.requiringNew().call(() -> {
            if (models.find(version).isEmpty()) {
                throw ApiException.notFound("Scoring model version", version);
            }
            models.activate(version, caller.username());
            return jobs.create(version, "model-activation", caller.username());
        });
        jobs.run(job);
        return accepted(job);
    }

    @POST
    @Path("/recompute")
    @RolesAllowed({Roles.ADMIN, Roles.VP})
    @Operation(summary = "Recompute every client's score", description = "With the active model, e.g. to refresh time-based "
            + "inputs such as days since the last engagement. 202 with the job.")
    @APIResponse(responseCode = "202", description = "Started: the recompute job (Location: its progress)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RecomputeJobs.Job.class)))
    public Response recompute() {
        UUID job = QuarkusTransaction.requiringNew().call(() ->
                jobs.create(models.active().version(), "recompute", caller.username()));
        jobs.run(job);
        return accepted(job);
    }

    @GET
    @Path("/recomputes/{id}")
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Progress of a recompute", description = "Status RUNNING, DONE or FAILED, clients done of total, "
            + "how many changed score, and the rate.")
    public RecomputeJobs.Job job(@PathParam("id") UUID id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("Recompute", id));
    }

    @POST
    @Path("/outcomes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.AVP, Roles.VP})
    @Operation(summary = "Record a client's outcome", description = "CHURNED or RENEWED on a date (one per client and date; "
            + "recording it again replaces it): the ground truth of backtests. CRM sync records them too (former customers "
            + "and renewal dates rolling forward in HubSpot and Salesforce rows, see /api/v1/clients/bulk/hubspot).")
    public Response outcome(@jakarta.validation.Valid @NotNull OutcomeRequest request) {
        if (io.rhythm.health.domain.Client.findById(request.clientId()) == null) {
            throw ApiException.notFound("Client", request.clientId());
        }
        outcomes.record(request.clientId(), request.outcome(), request.date(), caller.username());
        return Response.status(Response.Status.CREATED).entity(request).build();
    }

    @POST
    @Path("/models/{version}/backtest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Backtest a model version against actual outcomes", description = "Replays the stored signals of every "
            + "client with an outcome between from and to through the model as of horizonDays before the outcome, and reports "
            + "AUC, precision and recall of At-Risk+Critical as a churn warning, the confusion counts, and the lead time from "
            + "warning to churn (month-end replays over the year before), with each client's prediction.")
    public Backtests.Report backtest(@PathParam("version") int version, @jakarta.validation.Valid @NotNull BacktestRequest request) {
        ScoringModel model = models.find(version).orElseThrow(() -> ApiException.notFound("Scoring model version", version)).model();
        if (request.from().isAfter(request.to())) {
            throw ApiException.invalid("from", "must not be after to");
        }
        return backtests.run(model, request.from(), request.to(), request.horizonDays() == null ? 90 : request.horizonDays());
    }

    private Response accepted(UUID job) {
        return Response.accepted(QuarkusTransaction.requiringNew().call(() -> jobs.find(job).orElseThrow()))
                .location(URI.create("/api/v1/health/recomputes/" + job)).build();
    }
}
