package io.rhythm.health.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The typed request bodies the signal batch operations document (issue 10: no {@code JsonNode} in the document).
 * Each item is read as raw JSON and validated on its own (answered in the per-item results; a bad item never
 * rejects the batch), so these records are documentation only: the support and billing events are read as
 * {@link SupportEventRequest} and {@link BillingEventRequest}, a Segment call as {@code SegmentMessages} reads it.
 */
public final class SignalBatchSchemas {

    private SignalBatchSchemas() {
    }

    @Schema(name = "SupportEventBatch", description = "Support desk events")
    public record SupportEvents(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = SupportEventRequest.class, minItems = 1,
                    maxItems = ClientEventIntake.MAX_EVENTS, description = "1 to 1,000 events, each read and validated on its own")
            List<SupportEventRequest> events) {
    }

    @Schema(name = "BillingEventBatch", description = "Billing system events")
    public record BillingEvents(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = BillingEventRequest.class, minItems = 1,
                    maxItems = ClientEventIntake.MAX_EVENTS, description = "1 to 1,000 events, each read and validated on its own")
            List<BillingEventRequest> events) {
    }

    @Schema(name = "SegmentCall", description = "A Segment-spec track or group call: each numeric property (track) or "
            + "trait (group) that names an input of the active model, in full (usage.active_users_pct) or by its last part "
            + "(active_users_pct), is one signal with event id messageId:metric; other properties are ignored and listed")
    public record SegmentCall(
            @Schema(required = true, enumeration = {"track", "group"}) String type,
            @Schema(required = true, maxLength = 150, example = "ajs-8f14e45f-ceea-467f-a0e6-b1b8b8f0f3c1") String messageId,
            @Schema(required = true, example = "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11",
                    description = "The account: a Rhythm client id, or the client's external id for source segment") String groupId,
            @Schema(required = true, description = "ISO-8601 instant, at most 5 minutes in the future") Instant timestamp,
            @Schema(description = "track: metric → value (numbers; others are ignored)", example = "{\"active_users_pct\": 72.5}")
            Map<String, Double> properties,
            @Schema(description = "group: metric → value (numbers; others are ignored)") Map<String, Double> traits) {
    }
}
