package io.rhythm.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Up to 1,000 support or billing events; each is validated on its own and answered in the results. */
public record ClientEventBatch(@NotNull List<JsonNode> events) {
}
