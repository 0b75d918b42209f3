package io.rhythm.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Up to 1,000 signals; each is validated on its own and answered in {@code results}. */
public record SignalBatch(@NotNull List<JsonNode> signals) {
}
