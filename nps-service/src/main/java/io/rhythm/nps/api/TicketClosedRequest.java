package io.rhythm.nps.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A support ticket closed: survey the contact who raised it (one of contactId / contactEmail). */
@Schema(example = """
        {"clientId": "0b6f2a4e-3c1d-4e5f-9a7b-8c9d0e1f2a3b", "contactEmail": "cio@client.example", "ticketId": "ZD-48213",
         "closedAt": "2026-11-20T04:00:00Z"}""")
public record TicketClosedRequest(
        @NotNull UUID clientId,
        @Schema(description = "the contact who raised the ticket; or contactEmail") UUID contactId,
        @Email @Size(max = 320) String contactEmail,
        @NotBlank @Size(max = 200) @Schema(description = "the ticket's id in the support tool; idempotency key") String ticketId,
        @NotNull Instant closedAt) {
}
