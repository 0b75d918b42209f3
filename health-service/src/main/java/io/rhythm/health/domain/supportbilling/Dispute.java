package io.rhythm.health.domain.supportbilling;

import java.time.Instant;

/**
 * A billing dispute, open or resolved as its latest event says (at equal times, resolved wins), whatever
 * order its events arrive in.
 */
public record Dispute(String disputeKey, String invoiceId, boolean open, Instant statusAt) {

    public static Dispute of(BillingEvent event) {
        return new Dispute(event.disputeKey(), event.invoiceId(), event.type() == BillingEvent.Type.DISPUTE_OPENED,
                event.occurredAt());
    }

    public Dispute apply(BillingEvent event) {
        boolean eventOpen = event.type() == BillingEvent.Type.DISPUTE_OPENED;
        Instant at = event.occurredAt();
        String invoice = invoiceId != null ? invoiceId : event.invoiceId();
        if (at.isAfter(statusAt) || (at.equals(statusAt) && !eventOpen)) {
            return new Dispute(disputeKey, invoice, eventOpen, at);
        }
        return new Dispute(disputeKey, invoice, open, statusAt);
    }
}
