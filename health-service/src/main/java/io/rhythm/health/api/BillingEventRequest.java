package io.rhythm.health.api;

import io.rhythm.health.domain.supportbilling.BillingEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One billing-system event; the client is given by {@code clientId} or by {@code externalId}. */
@Schema(example = """
        {"eventId": "xero-inv-2231-issued", "type": "INVOICE_ISSUED", "invoiceId": "INV-2231",
         "clientId": "0b7d6c1a-5f7e-4b44-9d2a-2f5b1f0a9c11", "amount": "120000.00", "currency": "AUD",
         "dueDate": "2026-12-31", "occurredAt": "2026-11-23T09:00:00Z"}""")
public record BillingEventRequest(
        @NotBlank @Size(max = 200) @Schema(description = "Unique per event: a repeat is ignored as a duplicate") String eventId,
        @NotNull BillingEvent.Type type,
        @Size(max = 200) @Schema(description = "Required for INVOICE_ISSUED and INVOICE_PAID") String invoiceId,
        @Size(max = 200) @Schema(description = "Identifies a dispute (else its invoiceId does)") String disputeId,
        UUID clientId,
        @Valid SignalRequest.ExternalRef externalId,
        @Schema(description = "INVOICE_ISSUED: the amount outstanding, a decimal string such as \"120000.00\" (a number is accepted too); at most 2 decimals", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[0-9]{1,14}(\\.[0-9]{1,2})?$") BigDecimal amount,
        @Size(max = 3) @Schema(description = "INVOICE_ISSUED: ISO 4217 code", pattern = "^[A-Z]{3}$") String currency,
        @Schema(description = "INVOICE_ISSUED: unpaid after this date (UTC), the invoice is overdue") LocalDate dueDate,
        @NotNull Instant occurredAt) {
}
