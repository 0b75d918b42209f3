package io.rhythm.nps.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.nps.domain.webhook.WebhookSignature;
import io.rhythm.nps.service.webhook.SurveyWebhook;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.rhythm.platform.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed survey webhook for an external survey tool. No Keycloak token: the HMAC signature with the shared
 * secret ({@code rhythm.nps.webhook.secret}) is the credential, checked before the body is even parsed.
 */
@Path("/api/v1/nps/responses/webhook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Survey responses")
@SecurityScheme(securitySchemeName = SurveyWebhookResource.SIGNATURE_SCHEME, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = WebhookSignature.SIGNATURE_HEADER,
        description = "sha256=<hex HMAC-SHA256 of '<X-Rhythm-Timestamp>.<raw body>' with the shared webhook secret>; "
                + "with X-Rhythm-Timestamp (epoch seconds, within the tolerance). No Keycloak token.")
public class SurveyWebhookResource {

    static final String SIGNATURE_SCHEME = "webhookSignature";

    private static final Logger LOG = Logger.getLogger(SurveyWebhookResource.class);
    static final int MAX_BODY_BYTES = 16 * 1024;

    @Inject
    SurveyWebhook webhook;
    @Inject
    Clock clock;

    @ConfigProperty(name = "rhythm.nps.webhook.secret")
    Optional<String> secret;
    @ConfigProperty(name = "rhythm.nps.webhook.tolerance", defaultValue = "5m")
    Duration tolerance;

    @POST
    @SecurityRequirement(name = SIGNATURE_SCHEME)
    @Operation(summary = "Receive an NPS answer from an external survey tool (signed webhook)", description = "Headers: "
            + "X-Rhythm-Timestamp (epoch seconds) and X-Rhythm-Signature: sha256=<hex HMAC-SHA256 with the shared secret of "
            + "'<timestamp>.<raw body>'>. Body: {eventId, email, clientId?, clientExternalId?, score 0-10, comment?, "
            + "submittedAt, surveyType? (NPS/RELATIONSHIP/TRANSACTIONAL), cycleId?}. 201 RECORDED (SurveyResponseSubmitted, "
            + "channel WEBHOOK); 202 UNMATCHED (no single contact has the email: kept in the unmatched queue); 200 DUPLICATE "
            + "(event id already received, or the contact already answered the cycle: nothing recorded again); 401 for a "
            + "missing or wrong signature or a timestamp outside the tolerance (replay); 400 with field errors for a bad body; "
            + "404 for an unknown cycleId.")
    @APIResponse(responseCode = "200", description = "DUPLICATE: already received, nothing recorded again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SurveyWebhook.Result.class)))
    @APIResponse(responseCode = "201", description = "RECORDED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SurveyWebhook.Result.class)))
    @APIResponse(responseCode = "202", description = "UNMATCHED: kept in the unmatched queue",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SurveyWebhook.Result.class)))
    @APIResponse(responseCode = "400", description = "Bad body (field errors), body over 16 KiB",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong signature, or a timestamp outside the tolerance",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown cycleId",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The webhook secret is not configured",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response receive(@HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
                            @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature,
                            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = SurveyWebhookBody.class))) byte[] body) {
        String key = secret.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() -> new ApiException(
                ProblemType.SERVICE_UNAVAILABLE, "The survey webhook is not configured (rhythm.nps.webhook.secret)"));
        byte[] raw = body == null ? new byte[0] : body;
        WebhookSignature.Verdict verdict = WebhookSignature.verify(key.getBytes(StandardCharsets.UTF_8), timestamp, signature,
                raw, Instant.now(clock), tolerance);
        if (verdict != WebhookSignature.Verdict.VALID) {
            LOG.infof("Survey webhook refused: %s", verdict);
            throw new ApiException(ProblemType.UNAUTHORIZED, "Webhook signature refused: " + verdict.detail());
        }
        if (raw.length > MAX_BODY_BYTES) {
            throw ApiException.invalid("body", "must be at most " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(raw);
        } catch (JacksonException e) {
            throw new ApiException(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ApiException(ProblemType.MALFORMED_REQUEST, "The body cannot be read");
        }
        SurveyWebhook.Result result = webhook.receive(json);
        int status = switch (result.result()) {
            case "RECORDED" -> 201;
            case "UNMATCHED" -> 202;
            default -> 200;
        };
        return Response.status(status).entity(result).build();
    }
}
