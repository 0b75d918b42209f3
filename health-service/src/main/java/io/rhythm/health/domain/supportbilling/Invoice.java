package io.rhythm.health.domain.supportbilling;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What is known of one invoice, built from its events in any order: amount, currency and due date
 * from its latest INVOICE_ISSUED (a re-issue may move the due date); paid from its earliest
 * INVOICE_PAID on — a payment is final, whatever arrives after it. An invoice whose payment arrived
 * before its issue is paid and never overdue.
 *
 * @param dueDate null until its INVOICE_ISSUED arrives (then it cannot be overdue)
 * @param paidAt  null while unpaid
 */
public record Invoice(String invoiceId, BigDecimal amount, String currency, LocalDate dueDate, Instant issuedAt,
                      Instant paidAt) {

    /** An invoice known only from this event (INVOICE_ISSUED or INVOICE_PAID). */
    public static Invoice of(BillingEvent event) {
        return new Invoice(event.invoiceId(), null, null, null, null, null).apply(event);
    }

    public Invoice apply(BillingEvent event) {
        Instant at = event.occurredAt();
        return switch (event.type()) {
            case INVOICE_ISSUED -> issuedAt != null && !at.isAfter(issuedAt) ? this
                    : new Invoice(invoiceId, event.amount(), event.currency(), event.dueDate(), at, paidAt);
            case INVOICE_PAID -> paidAt != null && !at.isBefore(paidAt) ? this
                    : new Invoice(invoiceId, amount, currency, dueDate, issuedAt, at);
            default -> this;
        };
    }

    /** Unpaid past its due date: from the day after the due date (UTC) on. */
    public boolean overdueOn(LocalDate today) {
        return paidAt == null && dueDate != null && today.isAfter(dueDate);
    }
}
