package io.rhythm.planning.workflow.api;

import io.rhythm.planning.workflow.domain.WorkList;
import io.rhythm.planning.workflow.domain.WorkflowFile;
import io.rhythm.planning.workflow.service.ClientLinks;
import io.rhythm.planning.workflow.service.StepFiles;
import io.rhythm.planning.workflow.service.WorkflowQueries;
import io.rhythm.planning.workflow.service.Workflows;
import io.rhythm.platform.idempotency.IdempotentRequests;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.ratelimit.ClientAddress;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import java.util.UUID;

@Path("/api/v1/workflows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workflows", description = "Workflow instances per client: typed steps progressing in order")
public class WorkflowResource {

    @Inject
    Workflows workflows;
    @Inject
    WorkflowQueries queries;
    @Inject
    StepFiles files;
    @Inject
    ClientLinks links;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @POST
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Start a workflow for a client", description = "On the template's latest version (templateKey) or a "
            + "given version (templateId); the instance keeps that version. Step 1 becomes active with its due date. "
            + "Publishes WorkflowStarted on planning.workflows.v1. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Started")
    @APIResponse(responseCode = "400", description = "Invalid request (field errors)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not start workflows", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Client or template not found or not in your portfolio", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A concurrent request with the same Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull StartWorkflowRequest request) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/workflows", request, () -> {
            WorkflowView view = workflows.startByHand(request.clientId(), request.templateKey(), request.templateId(), caller);
            return Response.created(URI.create("/api/v1/workflows/" + view.id())).entity(view).build();
        });
    }

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Workflows in your portfolio, newest first", description = "Each workflow as a summary: client, "
            + "template version, status, active position and step count, and its active step (name, type, assignee role, "
            + "side, due date, whether it is overdue and days until due, as of asOf); every step's definition, form fields "
            + "and completion record are in GET /api/v1/workflows/{id}. Filters: clientId, status (RUNNING/COMPLETED/ENDED), "
            + "templateKey, overdue=true (the active step's due date is before asOf, default today UTC). Cursor paging "
            + "?limit=&cursor=.")
    @APIResponse(responseCode = "200", description = "A page of workflow summaries")
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read workflows", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<WorkflowSummaryView> list(@QueryParam("clientId") UUID clientId,
                                   @QueryParam("status") @Pattern(regexp = "RUNNING|COMPLETED|ENDED", message = "must be RUNNING, COMPLETED or ENDED") String status,
                                   @QueryParam("templateKey") @Size(max = 60) String templateKey,
                                   @QueryParam("overdue") @Parameter(description = "only workflows whose active step is overdue") boolean overdue,
                                   @QueryParam("asOf") @Parameter(description = "YYYY-MM-DD, default today (UTC)") LocalDate asOf,
                                   @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                                   @QueryParam("cursor") @Size(max = 500) String cursor) {
        LocalDate day = asOf != null ? asOf : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return queries.list(new WorkflowQueries.Filter(clientId, status, templateKey, overdue, day),
                PageRequest.of(limit, cursor), caller);
    }

    @GET
    @Path("/my-steps")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Your work list: steps waiting for you", description = "The active steps of running workflows in "
            + "your portfolio whose assignee role you hold (an internal role lists the realm roles that hold it, e.g. "
            + "Finance = vp; admin sees every internal step). side=CLIENT lists instead the client-facing steps waiting on "
            + "your clients (send or chase their link), side=ALL both. The INTERNAL side (and ALL) also lists the overdue "
            + "Satisfaction Action Plans you answer for (kind SAP_UPDATE: the monthly progress update is past due; "
            + "SAP_REVIEW: the quarterly formal review is, which also counts as the update): a CSE/CAM's clients' plans, "
            + "the plans another role owns, every plan for admin. Earliest due date first across steps and plans, so "
            + "overdue items lead; overdue and daysUntilDue are as of asOf (default today UTC). Cursor paging ?limit=&cursor=.")
    @APIResponse(responseCode = "200", description = "A page of waiting steps")
    @APIResponse(responseCode = "400", description = "Invalid side, asOf, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role has no work list (marketing, integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<WorkStepView> mySteps(
            @QueryParam("side") @Pattern(regexp = WorkList.SIDES, message = "must be INTERNAL, CLIENT or ALL") String side,
            @QueryParam("asOf") @Parameter(description = "YYYY-MM-DD, default today (UTC)") LocalDate asOf,
            @QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
            @QueryParam("cursor") @Size(max = 500) String cursor) {
        LocalDate day = asOf != null ? asOf : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return queries.mySteps(side, day, PageRequest.of(limit, cursor), caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One workflow with every step's definition and state")
    @APIResponse(responseCode = "200", description = "The workflow")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read workflows", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not found or not in your portfolio", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkflowView get(@PathParam("id") UUID id) {
        return workflows.get(id, caller);
    }

    @POST
    @Path("/{id}/steps/{position}/completion")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Complete the active internal step", description = "Only the active step, and only by a holder of "
            + "its role (admin always). Form: formData validated against the fields (a field error per bad field). "
            + "Approval: outcome APPROVED or REJECTED (a rejection reopens the previous step). Decision: one of the step's "
            + "outcomes (some end the workflow, e.g. WILL_NOT_RENEW). E-Sign: signerName and documentSha256, with time and "
            + "IP address: a record of intent to sign, not a qualified electronic signature. File Request steps are "
            + "completed by PUT .../file; client steps through a link. Publishes WorkflowStepCompleted (and "
            + "WorkflowCompleted at the end).")
    @APIResponse(responseCode = "200", description = "The workflow after the step")
    @APIResponse(responseCode = "400", description = "Invalid submission (field errors)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "You do not hold the step's role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Workflow or step not found or not in your portfolio", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not the active step, workflow over, a client step, or a File Request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkflowView complete(@PathParam("id") UUID id, @PathParam("position") @Min(1) @Max(50) int position,
                                 @Valid @NotNull StepCompletionRequest request, @Context HttpServerRequest http) {
        return workflows.complete(id, position, request, caller, ClientAddress.of(http));
    }

    @PUT
    @Path("/{id}/steps/{position}/file")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Upload the file of the active File Request step", description = "The body is the file, its "
            + "Content-Type the file's type (allow-list: rhythm.workflows.files.allowed-types), at most "
            + "rhythm.workflows.files.max-bytes (default 10 MiB); the SHA-256 is recorded. Completes the step.")
    @APIResponse(responseCode = "200", description = "The workflow after the step")
    @APIResponse(responseCode = "400", description = "Empty file or missing file name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "You do not hold the step's role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Workflow or step not found or not in your portfolio", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not the active step or not a File Request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "File over the size limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "File type not accepted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkflowView upload(@PathParam("id") UUID id, @PathParam("position") @Min(1) @Max(50) int position,
                               @QueryParam("fileName") @Size(max = 255) String fileName,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content,
                               @Context HttpServerRequest http) {
        return files.upload(id, position, fileName, contentType, content, caller, ClientAddress.of(http));
    }

    @GET
    @Path("/{id}/files/{fileId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN})
    @Operation(summary = "Download a file of a workflow", description = "With its recorded content type; the ETag is its SHA-256.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read files", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not found or not in your portfolio", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Transactional
    public Response download(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        WorkflowFile file = files.download(id, fileId, caller);
        return Response.ok(file.content, file.contentType).tag(file.sha256)
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName.replace("\"", "") + "\"").build();
    }

    @POST
    @Path("/{id}/steps/{position}/links")
    @Transactional
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.ADMIN})
    @Operation(summary = "Send the client a link to the active client-facing step", description = "A single-use link, "
            + "valid validForDays (default 14, at most 30), e-mailed to the recipient; the URL is returned once (only "
            + "its hash is stored). mailed=false when the SMTP server did not accept the e-mail. Accepts Idempotency-Key: "
            + "a retry with the same key and body issues and mails nothing new and answers the same link with url and "
            + "token null and tokenWithheld=true (the raw token is never stored, so it is never replayed).")
    @APIResponse(responseCode = "201", description = "The link")
    @APIResponse(responseCode = "400", description = "Invalid request (field errors)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not send links", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Workflow or step not found or not in your portfolio", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not the active step, an internal step, or a concurrent request with the same Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body or step", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response link(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @PathParam("id") UUID id,
                         @PathParam("position") @Min(1) @Max(50) int position, @Valid @NotNull LinkRequest request) {
        LinkIssued[] issued = new LinkIssued[1];
        Response answer = idempotent.execute(idempotencyKey, "POST /api/v1/workflows/" + id + "/steps/" + position + "/links",
                request, () -> {
                    issued[0] = links.issue(id, position, request, caller);
                    // the key store keeps (and a retry replays) the link without its token
                    return Response.status(Response.Status.CREATED).entity(issued[0].withheld()).build();
                });
        return issued[0] == null ? answer : Response.status(Response.Status.CREATED).entity(issued[0]).build();
    }
}
