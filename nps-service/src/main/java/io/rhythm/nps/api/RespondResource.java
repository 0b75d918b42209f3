package io.rhythm.nps.api;

import io.rhythm.nps.service.delivery.RespondRateLimits;
import io.rhythm.nps.service.delivery.SurveyResponses;
import io.rhythm.platform.web.problem.Problem;
import io.rhythm.platform.web.ratelimit.ClientAddress;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * The public survey page's API: no login, the token in the path is the only credential. Rate-limited per
 * client IP (the first {@code X-Forwarded-For} address, which the gateway sets, else the peer address) and per
 * token, in memory per replica; over the limit → 429 with {@code Retry-After}.
 */
@Path("/api/v1/surveys/respond/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Survey responses", description = "Public, token-based NPS answers (no authentication)")
public class RespondResource {

    @Inject
    SurveyResponses responses;
    @Inject
    RespondRateLimits limits;

    @GET
    @Operation(summary = "The survey question for a link", description = "404 for an unknown link, 409 once answered, "
            + "410 once expired, 429 when rate-limited.")
    @APIResponse(responseCode = "200", description = "The question")
    @APIResponse(responseCode = "400", description = "Bad link token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown link",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Expired link",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate-limited",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response question(@PathParam("token") String token, @Context HttpServerRequest request) {
        limits.require(ClientAddress.of(request), token);
        return Response.ok(responses.question(token)).build();
    }

    @POST
    @Operation(summary = "Answer the survey", description = "A whole-number score 0–10 and an optional comment of at most "
            + "2,000 characters; 201 with a receipt. The link then cannot be used again (409); 400 for a bad score, "
            + "404/410 for an unknown/expired link, 429 when rate-limited.")
    @APIResponse(responseCode = "201", description = "Recorded: the receipt")
    @APIResponse(responseCode = "400", description = "Bad score or comment",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown link",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "Expired link",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate-limited",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response answer(@PathParam("token") String token, SurveyAnswer answer, @Context HttpServerRequest request) {
        limits.require(ClientAddress.of(request), token);
        SurveyAnswer valid = SurveyAnswer.requireValid(answer);
        SurveyResponses.Receipt receipt = responses.answer(token, valid.validScore(), valid.comment());
        return Response.created(URI.create("/api/v1/surveys/respond/" + token)).entity(receipt).build();
    }
}
