package io.rhythm.planning.workflow.api;

import io.rhythm.planning.workflow.service.ClientLinks;
import io.rhythm.planning.workflow.service.LinkRateLimit;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.ratelimit.ClientAddress;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The client's side of client-facing steps: no login, the token in the path is the only credential. Rate-limited
 * per IP (first X-Forwarded-For address, set by the gateway, else the peer) and per token → 429 with Retry-After.
 */
@Path("/api/v1/workflows/links/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Workflow links", description = "Public, token-based completion of client-facing steps (no authentication)")
public class LinkResource {

    @Inject
    ClientLinks links;
    @Inject
    LinkRateLimit limit;

    @GET
    @Operation(summary = "The step behind a link", description = "What to fill in: fields with types, required flags and dropdown options, or outcomes.")
    @APIResponse(responseCode = "200", description = "The step")
    @APIResponse(responseCode = "404", description = "Unknown link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Link already used, or the step is no longer waiting", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Link expired", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate-limited", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response view(@PathParam("token") @Size(max = 100) String token, @Context HttpServerRequest http) {
        limit.require(ClientAddress.of(http), token);
        return Response.ok(links.view(token)).build();
    }

    @POST
    @Transactional
    @Operation(summary = "Complete the step behind a link", description = "Same body as the internal completion (formData, "
            + "outcome, comment, signerName + documentSha256 for E-Sign: a record of intent, not a qualified signature). "
            + "The link then cannot be used again (409).")
    @APIResponse(responseCode = "200", description = "Receipt")
    @APIResponse(responseCode = "400", description = "Invalid submission (field errors)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Link already used, or the step is no longer waiting", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Link expired", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate-limited", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response complete(@PathParam("token") @Size(max = 100) String token, @Valid @NotNull StepCompletionRequest request,
                             @Context HttpServerRequest http) {
        limit.require(ClientAddress.of(http), token);
        return Response.ok(links.complete(token, request, ClientAddress.of(http))).build();
    }

    @PUT
    @Path("/file")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Upload the file a link asks for", description = "Body = the file, Content-Type its type; same limits as the internal upload.")
    @APIResponse(responseCode = "200", description = "Receipt")
    @APIResponse(responseCode = "400", description = "Empty file or missing file name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown link", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Link already used, or not a File Request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Link expired", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "File over the size limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "File type not accepted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate-limited", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@PathParam("token") @Size(max = 100) String token, @QueryParam("fileName") @Size(max = 255) String fileName,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content,
                           @Context HttpServerRequest http) {
        limit.require(ClientAddress.of(http), token);
        return Response.ok(links.upload(token, fileName, contentType, content, ClientAddress.of(http))).build();
    }
}
