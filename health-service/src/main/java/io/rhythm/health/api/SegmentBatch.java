package io.rhythm.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Segment's batch shape: {@code {"batch": [ {track or group call}, ... ]}}. */
public record SegmentBatch(
        @NotNull @Schema(type = SchemaType.ARRAY, implementation = SignalBatchSchemas.SegmentCall.class, minItems = 1, maxItems = SignalResource.MAX_SIGNALS,
                description = "1 to 1,000 Segment track or group calls, each read and validated on its own") List<JsonNode> batch) {
}
