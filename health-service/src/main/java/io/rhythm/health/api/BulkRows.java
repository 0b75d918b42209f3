package io.rhythm.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A batch of CRM rows. Each row is read and validated on its own: a bad row is reported in the
 * results and never rejects the batch.
 *
 * @param source for Rhythm's own format: the CRM the rows' {@code externalIds[source]} come from
 */
public record BulkRows(
        @Schema(description = "Rhythm format only: which externalIds entry identifies the row, e.g. crm",
                pattern = "^[a-z][a-z0-9_-]{0,29}$", maxLength = 30) String source,
        @NotNull @Schema(minItems = 1, maxItems = 1000,
                description = "1 to 1,000 rows (rhythm.crm.max-rows)") List<JsonNode> rows) {
}
