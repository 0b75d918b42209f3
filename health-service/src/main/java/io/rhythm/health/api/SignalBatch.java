package io.rhythm.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Up to 1,000 signals; each is validated on its own and answered in {@code results}. */
public record SignalBatch(
        @NotNull @Schema(type = SchemaType.ARRAY, implementation = SignalRequest.class, minItems = 1, maxItems = SignalResource.MAX_SIGNALS,
                description = "1 to 1,000 usage signals, each read and validated on its own") List<JsonNode> signals) {
}
