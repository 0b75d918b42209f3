package io.rhythm.health.api;

import io.rhythm.health.domain.supportbilling.SupportEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One helpdesk event about a ticket; the client is given by {@code clientId} or by {@code externalId}. */
@Schema(example = """
        {"eventId": "zendesk-88121-3", "type": "TICKET_CLOSED", "ticketId": "88121",
         "externalId": {"source": "hubspot", "id": "9876543210"}, "csat": 5, "occurredAt": "2026-11-23T09:00:00Z"}""")
public record SupportEventRequest(
        @NotBlank @Size(max = 200) @Schema(description = "Unique per event: a repeat is ignored as a duplicate") String eventId,
        @NotNull SupportEvent.Type type,
        @NotBlank @Size(max = 200) String ticketId,
        UUID clientId,
        @Valid SignalRequest.ExternalRef externalId,
        @Schema(description = "LOW, NORMAL, HIGH or URGENT: TICKET_OPENED (default NORMAL), TICKET_UPDATED (required), "
                + "TICKET_CLOSED (optional)") SupportEvent.Priority priority,
        @Schema(description = "TICKET_CLOSED only, optional: CSAT rating 1–5 (4 and 5 count as satisfied)") Integer csat,
        @NotNull @Schema(description = "When it happened: a ticket's state follows its latest event, whatever the arrival order")
        Instant occurredAt) {
}
