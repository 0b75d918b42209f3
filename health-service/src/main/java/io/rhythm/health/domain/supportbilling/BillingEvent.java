package io.rhythm.health.domain.supportbilling;

import io.rhythm.health.domain.crm.RowProblem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An event from a billing system about a client's invoices, payments or disputes.
 *
 * @param invoiceId required for INVOICE_ISSUED and INVOICE_PAID; optional for PAYMENT_FAILED and disputes
 * @param disputeId identifies a dispute; when absent, a dispute is identified by its invoice
 * @param amount    INVOICE_ISSUED only (with currency and dueDate)
 */
public record BillingEvent(String eventId, Type type, String invoiceId, String disputeId, BigDecimal amount,
                           String currency, LocalDate dueDate, Instant occurredAt)
        implements ClientEvent {

    @Override
    public String typeName() {
        return type.name();
    }

    public enum Type { INVOICE_ISSUED, INVOICE_PAID, PAYMENT_FAILED, DISPUTE_OPENED, DISPUTE_RESOLVED }

    /** The key a dispute event is about: its dispute id, else its invoice's. */
    public String disputeKey() {
        return disputeId != null ? disputeId : "invoice:" + invoiceId;
    }

    /** What is wrong with this event for its type (beyond the fields every event needs). */
    public List<RowProblem> problems() {
        List<RowProblem> problems = new ArrayList<>();
        switch (type) {
            case INVOICE_ISSUED -> {
                requireInvoice(problems);
                if (amount == null) {
                    problems.add(new RowProblem("amount", "is required for INVOICE_ISSUED"));
                } else if (amount.signum() < 0) {
                    problems.add(new RowProblem("amount", "must not be negative"));
                } else if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 14) {
                    problems.add(new RowProblem("amount", "must be a decimal with at most 14 digits before the point and 2 after, "
                            + "e.g. \"120000.00\""));
                }
                if (currency == null) {
                    problems.add(new RowProblem("currency", "is required for INVOICE_ISSUED"));
                } else if (!currency.matches("[A-Z]{3}")) {
                    problems.add(new RowProblem("currency", "'" + currency + "' is not an ISO 4217 code such as AUD"));
                }
                if (dueDate == null) {
                    problems.add(new RowProblem("dueDate", "is required for INVOICE_ISSUED"));
                }
            }
            case INVOICE_PAID -> requireInvoice(problems);
            case PAYMENT_FAILED -> {
            }
            case DISPUTE_OPENED, DISPUTE_RESOLVED -> {
                if (disputeId == null && invoiceId == null) {
                    problems.add(new RowProblem("disputeId", "give disputeId or the disputed invoice's invoiceId"));
                }
            }
        }
        return problems;
    }

    private void requireInvoice(List<RowProblem> problems) {
        if (invoiceId == null) {
            problems.add(new RowProblem("invoiceId", "is required for " + type));
        }
    }
}
