package io.rhythm.planning.readiness.api;

import io.rhythm.planning.readiness.domain.Framework;
import io.rhythm.planning.readiness.domain.Maturity;
import io.rhythm.planning.readiness.service.ReadinessAssessments;
import io.rhythm.planning.readiness.service.ReadinessReport;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/readiness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Readiness assessments", description = "Seed 004: six dimensions x four criteria, scored 1-5 from live data, six deliverables")
public class ReadinessResource {

    private static final String PEOPLE_WHO_ASSESS = "cse, cam, avp, vp, evp, admin";

    @Inject
    ReadinessAssessments assessments;
    @Inject
    ReadinessReport report;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @GET
    @Path("/framework")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The assessment framework: dimensions, criteria, maturity scale, deliverables")
    @APIResponse(responseCode = "200", description = "The framework")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person's role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Object> framework() {
        return Map.of("dimensions", Framework.DIMENSIONS, "deliverables", Framework.DELIVERABLES,
                "maturityScale", Arrays.stream(Maturity.values()).map(m -> Map.of("level", m.label(), "meaning", m.meaning(),
                        "from", String.valueOf(m.ordinal() + 1) + ".0", "to", m == Maturity.OPTIMIZED ? "5.0" : (m.ordinal() + 1) + ".9")).toList(),
                "roundingRule", ReadinessAssessments.ROUNDING);
    }

    @POST
    @Path("/assessments")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Assess a portfolio scope", description = "Takes a snapshot of live data: a proposed score per "
            + "criterion with its evidence (unassessed where Rhythm has no data), and the six deliverables. A CSE or CAM "
            + "assesses only their own clients. Roles: " + PEOPLE_WHO_ASSESS + ". Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The assessment")
    @APIResponse(responseCode = "400", description = "Invalid request (field errors)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not assess", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A concurrent request with the same Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull AssessmentRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/readiness/assessments", request, () -> {
            AssessmentView view = assessments.create(request.scope(), request.scopeValue(), request.asOf(), caller);
            return Response.created(URI.create("/api/v1/readiness/assessments/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/assessments/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "An assessment as JSON, with its six deliverables")
    @APIResponse(responseCode = "200", description = "The assessment")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read assessments", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not found or not visible to you", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AssessmentView get(@PathParam("id") UUID id) {
        return assessments.get(id, caller);
    }

    @PUT
    @Path("/assessments/{id}/criteria/{code}")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Confirm or override a criterion's score", description = "The same score as proposed confirms it; "
            + "another score (or any score for an unassessed criterion) needs a reason. Idempotent: the last decision counts.")
    @APIResponse(responseCode = "200", description = "The assessment after the decision")
    @APIResponse(responseCode = "400", description = "Invalid score or missing reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not assess", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Assessment or criterion not found", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AssessmentView decide(@PathParam("id") UUID id,
                                 @PathParam("code") @Pattern(regexp = "[1-6]\\.[1-4]", message = "must be a criterion code such as 1.2") String code,
                                 @Valid @NotNull DecisionRequest request) {
        return assessments.decide(id, code, request.score(), request.reason(), caller);
    }

    @GET
    @Path("/assessments/{id}/report.html")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "The printable report (XHTML)")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read assessments", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not found or not visible to you", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String html(@PathParam("id") UUID id) {
        return report.html(assessments.get(id, caller));
    }

    @GET
    @Path("/assessments/{id}/report.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "The report as PDF (fonts embedded)")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read assessments", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not found or not visible to you", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pdf(@PathParam("id") UUID id) {
        AssessmentView view = assessments.get(id, caller);
        return Response.ok(report.pdf(report.html(view)), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"readiness-" + id + ".pdf\"").build();
    }
}
