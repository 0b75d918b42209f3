package io.rhythm.health.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One signal as integrations send it, over HTTP or as the JSON value of a record on
 * {@code signals.ingest.v1}. The client is given by {@code clientId} or by {@code externalId}.
 */
@Schema(example = """
        {"eventId": "usage-2026-11-23-0001", "clientId": "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11",
         "metric": "usage.active_users_pct", "value": 64.5, "occurredAt": "2026-11-23T09:00:00Z"}""")
public record SignalRequest(
        @NotBlank @Size(max = 200) @Schema(description = "Unique per signal: a repeat is ignored as a duplicate") String eventId,
        UUID clientId,
        @Valid ExternalRef externalId,
        @NotBlank @Size(max = 64) @Schema(description = "A metric of the active scoring model, e.g. usage.active_users_pct, "
                + "support.open_urgent_tickets, financial.overdue_invoices, relational.latest_nps_score") String metric,
        @NotNull Double value,
        @NotNull @Schema(description = "When it was observed: the latest observation wins, whatever the arrival order")
        Instant occurredAt) {

    public record ExternalRef(@NotBlank @Size(max = 30) String source, @NotBlank @Size(max = 100) String id) {
    }
}
