package io.rhythm.planning.workflow.api;

import io.rhythm.planning.workflow.domain.WorkflowDefinition;
import io.rhythm.planning.workflow.service.TemplateCatalog;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import java.util.List;
import java.util.UUID;

@Path("/api/v1/workflows/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workflow templates", description = "Versioned workflow templates: the four account-management templates of seed 003, and more")
public class TemplateResource {

    @Inject
    TemplateCatalog catalog;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "The latest version of every workflow template, by name")
    @APIResponse(responseCode = "200", description = "The templates")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read templates", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TemplateView> latest() {
        return catalog.latest().stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("/{key}/versions")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "Every version of one template, newest first")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read templates", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such template", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TemplateView> versions(@PathParam("key") @Size(max = 60) @Pattern(regexp = "[a-z0-9-]+") String key) {
        return catalog.versions(key).stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("/versions/{id}")
    @RolesAllowed({Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING, Roles.ADMIN})
    @Operation(summary = "One template version by id (the one an instance runs on)")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role may not read templates", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TemplateView version(@PathParam("id") UUID id) {
        return TemplateView.of(catalog.byId(id));
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a template version (admin)", description = "A new key starts at version 1; an existing key "
            + "gets the next version. Versions are never changed: running instances keep the version they started on. "
            + "Steps refer to the template's roles; an internal role lists the realm roles that hold it, a client role is "
            + "completed by the client through a link. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The version published")
    @APIResponse(responseCode = "400", description = "Invalid definition (field errors)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only admins publish templates", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A concurrent request with the same Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                            @Valid @NotNull WorkflowDefinition definition) {
        return idempotent.execute(idempotencyKey, "POST /api/v1/workflows/templates", definition, () -> {
            TemplateView view = TemplateView.of(catalog.publish(definition, caller.username()));
            return Response.created(URI.create("/api/v1/workflows/templates/versions/" + view.id())).entity(view).build();
        });
    }
}
