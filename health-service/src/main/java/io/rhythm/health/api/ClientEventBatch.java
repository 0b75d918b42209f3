package io.rhythm.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Up to 1,000 support or billing events; each is validated on its own and answered in the results. */
public record ClientEventBatch(
        @NotNull @Schema(minItems = 1, maxItems = ClientEventIntake.MAX_EVENTS,
                description = "1 to 1,000 events, each read and validated on its own") List<JsonNode> events) {
}
