package io.rhythm.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Segment's batch shape: {@code {"batch": [ {track or group call}, ... ]}}. */
public record SegmentBatch(@NotNull List<JsonNode> batch) {
}
