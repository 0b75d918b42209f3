package io.rhythm.nps.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * The body the survey webhook documents (issue 10: typed request bodies). The resource reads the raw bytes (the
 * HMAC signature covers them) and {@code SurveyWebhook} checks each field as listed here; documentation only.
 */
@Schema(name = "SurveyWebhookBody", description = "One NPS answer from an external survey tool (at most 16 KiB)", example = """
        {"eventId": "typeform-7f3a9c", "email": "jo.citizen@example.com", "score": 9, "comment": "Great support this quarter",
         "submittedAt": "2026-11-20T04:00:00Z", "surveyType": "NPS"}""")
public record SurveyWebhookBody(
        @Schema(required = true, maxLength = 200, description = "The sender's id of this delivery, for de-duplication") String eventId,
        @Schema(required = true, maxLength = 320, format = "email", description = "Matches the respondent") String email,
        @Schema(description = "The client, when the sender knows it") UUID clientId,
        @Schema(maxLength = 100, description = "The client's external id, when the sender knows it") String clientExternalId,
        @Schema(required = true, minimum = "0", maximum = "10", description = "A whole number from 0 to 10") Integer score,
        @Schema(maxLength = 2000) String comment,
        @Schema(required = true, description = "ISO-8601 instant, not in the future") Instant submittedAt,
        @Schema(enumeration = {"NPS", "RELATIONSHIP", "TRANSACTIONAL"}, description = "Only NPS answers are taken") String surveyType,
        @Schema(description = "The cycle answered (404 when unknown)") UUID cycleId) {
}
