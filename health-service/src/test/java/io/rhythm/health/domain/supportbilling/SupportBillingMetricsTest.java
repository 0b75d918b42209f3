package io.rhythm.health.domain.supportbilling;

import io.rhythm.health.domain.supportbilling.SupportEvent.Priority;
import io.rhythm.health.domain.supportbilling.SupportEvent.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.rhythm.health.domain.scoring.DefaultScoringModel.AGED_RECEIVABLES_DAYS;
import static io.rhythm.health.domain.scoring.DefaultScoringModel.BACKLOG_OVER_30_DAYS;
import static io.rhythm.health.domain.scoring.DefaultScoringModel.CSAT_PCT;
import static io.rhythm.health.domain.scoring.DefaultScoringModel.OPEN_BILLING_DISPUTES;
import static io.rhythm.health.domain.scoring.DefaultScoringModel.OPEN_TICKETS;
import static io.rhythm.health.domain.scoring.DefaultScoringModel.OPEN_URGENT_TICKETS;
import static io.rhythm.health.domain.scoring.DefaultScoringModel.OVERDUE_INVOICES;
import static io.rhythm.health.domain.scoring.DefaultScoringModel.PAYMENT_FAILURES_90_DAYS;
import static org.assertj.core.api.Assertions.assertThat;

/** Tickets, invoices and disputes from events in any order, and the model inputs derived from them. */
class SupportBillingMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private int ids;

    private SupportEvent ticket(Type type, String ticketId, Priority priority, Integer csat, Instant at) {
        return new SupportEvent("e" + ids++, type, ticketId, priority, csat, at).withDefaults();
    }

    private BillingEvent billing(BillingEvent.Type type, String invoiceId, String disputeId, LocalDate due, Instant at) {
        return new BillingEvent("b" + ids++, type, invoiceId, disputeId,
                type == BillingEvent.Type.INVOICE_ISSUED ? new BigDecimal("100.00") : null,
                type == BillingEvent.Type.INVOICE_ISSUED ? "AUD" : null, due, at);
    }

    /** Folds events per ticket, in the given order. */
    private static List<Ticket> tickets(List<SupportEvent> events) {
        Map<String, Ticket> tickets = new LinkedHashMap<>();
        for (SupportEvent event : events) {
            tickets.merge(event.ticketId(), Ticket.of(event), (known, fresh) -> known.apply(event));
        }
        return new ArrayList<>(tickets.values());
    }

    private static Instant daysAgo(double days) {
        return NOW.minus(Duration.ofSeconds((long) (days * 86_400)));
    }

    @Test
    void openUrgentAndBacklogCountOnlyOpenTickets() {
        var events = List.of(
                ticket(Type.TICKET_OPENED, "1", Priority.URGENT, null, daysAgo(2)),
                ticket(Type.TICKET_OPENED, "2", null, null, daysAgo(40)),             // NORMAL, open 40 days: backlog
                ticket(Type.TICKET_OPENED, "3", Priority.URGENT, null, daysAgo(50)),  // closed: counts nowhere
                ticket(Type.TICKET_CLOSED, "3", null, null, daysAgo(1)),
                ticket(Type.TICKET_OPENED, "4", Priority.LOW, null, daysAgo(3)),
                ticket(Type.TICKET_UPDATED, "4", Priority.URGENT, null, daysAgo(1)));  // escalated
        Map<String, Double> metrics = SupportBillingMetrics.support(tickets(events), NOW);
        assertThat(metrics).containsEntry(OPEN_TICKETS, 3.0).containsEntry(OPEN_URGENT_TICKETS, 2.0)
                .containsEntry(BACKLOG_OVER_30_DAYS, 1.0).doesNotContainKey(CSAT_PCT);
    }

    @Test
    void theBacklogCountsTicketsOpenMoreThanThirtyDays() {
        Instant exactly30 = NOW.minus(Duration.ofDays(30));
        assertThat(SupportBillingMetrics.support(tickets(List.of(ticket(Type.TICKET_OPENED, "1", null, null, exactly30))), NOW))
                .containsEntry(BACKLOG_OVER_30_DAYS, 0.0);
        assertThat(SupportBillingMetrics.support(tickets(List.of(ticket(Type.TICKET_OPENED, "1", null, null,
                exactly30.minusSeconds(1)))), NOW)).containsEntry(BACKLOG_OVER_30_DAYS, 1.0);
    }

    @Test
    void csatIsTheShareOfSatisfiedRatingsOfTheLastNinetyDays() {
        var events = List.of(
                ticket(Type.TICKET_CLOSED, "1", null, 5, daysAgo(1)),
                ticket(Type.TICKET_CLOSED, "2", null, 4, daysAgo(10)),
                ticket(Type.TICKET_CLOSED, "3", null, 3, daysAgo(20)),
                ticket(Type.TICKET_CLOSED, "4", null, null, daysAgo(20)),  // not rated: not counted
                ticket(Type.TICKET_CLOSED, "5", null, 1, NOW.minus(Duration.ofDays(90))));  // exactly 90 days: out
        assertThat(SupportBillingMetrics.support(tickets(events), NOW)).containsEntry(CSAT_PCT, 66.7);
        var oneMore = new ArrayList<>(events);
        oneMore.add(ticket(Type.TICKET_CLOSED, "6", null, 1, NOW.minus(Duration.ofDays(90)).plusSeconds(1)));
        assertThat(SupportBillingMetrics.support(tickets(oneMore), NOW)).containsEntry(CSAT_PCT, 50.0);
    }

    @Test
    void aTicketIsAsItsLatestEventSaysWhateverTheArrivalOrder() {
        var opened = ticket(Type.TICKET_OPENED, "7", Priority.HIGH, null, daysAgo(5));
        var escalated = ticket(Type.TICKET_UPDATED, "7", Priority.URGENT, null, daysAgo(4));
        var closed = ticket(Type.TICKET_CLOSED, "7", null, 2, daysAgo(3));
        var reopened = ticket(Type.TICKET_UPDATED, "7", Priority.LOW, null, daysAgo(2));
        List<SupportEvent> events = new ArrayList<>(List.of(opened, escalated, closed, reopened));
        Ticket inOrder = tickets(events).get(0);
        assertThat(inOrder.open()).isTrue();
        assertThat(inOrder.priority()).isEqualTo(Priority.LOW);
        assertThat(inOrder.openedAt()).isEqualTo(daysAgo(5));
        assertThat(inOrder.csat()).isEqualTo(2);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(events, random);
            assertThat(tickets(events).get(0)).isEqualTo(inOrder);
        }
        // a late open (its time before the close) does not reopen a closed ticket
        Ticket closedTicket = tickets(List.of(closed, opened)).get(0);
        assertThat(closedTicket.open()).isFalse();
        assertThat(closedTicket.openedAt()).isEqualTo(daysAgo(5));
        assertThat(closedTicket.priority()).isEqualTo(Priority.HIGH);
        assertThat(SupportBillingMetrics.support(List.of(closedTicket), NOW)).containsEntry(OPEN_TICKETS, 0.0);
    }

    @Test
    void applyingAnEventTwiceChangesNothing() {
        var opened = ticket(Type.TICKET_OPENED, "8", Priority.URGENT, null, daysAgo(5));
        var closed = ticket(Type.TICKET_CLOSED, "8", null, 5, daysAgo(1));
        Ticket once = Ticket.of(opened).apply(closed);
        assertThat(once.apply(closed).apply(opened)).isEqualTo(once);
        var issued = billing(BillingEvent.Type.INVOICE_ISSUED, "INV-1", null, LocalDate.of(2026, 11, 1), daysAgo(40));
        var paid = billing(BillingEvent.Type.INVOICE_PAID, "INV-1", null, null, daysAgo(1));
        Invoice invoice = Invoice.of(issued).apply(paid);
        assertThat(invoice.apply(paid).apply(issued)).isEqualTo(invoice);
    }

    @Test
    void atEqualTimesClosedAndTheMoreUrgentPriorityWin() {
        Instant at = daysAgo(1);
        var open = ticket(Type.TICKET_UPDATED, "9", Priority.LOW, null, at);
        var close = ticket(Type.TICKET_CLOSED, "9", Priority.URGENT, null, at);
        assertThat(Ticket.of(open).apply(close)).isEqualTo(Ticket.of(close).apply(open));
        assertThat(Ticket.of(open).apply(close).open()).isFalse();
        assertThat(Ticket.of(open).apply(close).priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void anInvoiceIsOverdueFromTheDayAfterItsDueDateAndAgesByTheDay() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        var dueToday = Invoice.of(billing(BillingEvent.Type.INVOICE_ISSUED, "A", null, today, daysAgo(30)));
        var dueYesterday = Invoice.of(billing(BillingEvent.Type.INVOICE_ISSUED, "B", null, today.minusDays(1), daysAgo(30)));
        var due45DaysAgo = Invoice.of(billing(BillingEvent.Type.INVOICE_ISSUED, "C", null, today.minusDays(45), daysAgo(80)));
        assertThat(SupportBillingMetrics.billing(List.of(dueToday), List.of(), List.of(), NOW))
                .containsEntry(OVERDUE_INVOICES, 0.0).containsEntry(AGED_RECEIVABLES_DAYS, 0.0);
        assertThat(SupportBillingMetrics.billing(List.of(dueToday, dueYesterday), List.of(), List.of(), NOW))
                .containsEntry(OVERDUE_INVOICES, 1.0).containsEntry(AGED_RECEIVABLES_DAYS, 1.0);
        assertThat(SupportBillingMetrics.billing(List.of(dueToday, dueYesterday, due45DaysAgo), List.of(), List.of(), NOW))
                .containsEntry(OVERDUE_INVOICES, 2.0).containsEntry(AGED_RECEIVABLES_DAYS, 45.0);
        // just before midnight UTC of the due date: not yet overdue
        assertThat(dueToday.overdueOn(today)).isFalse();
        assertThat(dueToday.overdueOn(today.plusDays(1))).isTrue();
    }

    @Test
    void aPaidInvoiceIsNeverOverdueEvenWhenThePaymentArrivesBeforeTheIssue() {
        var issued = billing(BillingEvent.Type.INVOICE_ISSUED, "INV-9", null, LocalDate.of(2026, 10, 1), daysAgo(80));
        var paid = billing(BillingEvent.Type.INVOICE_PAID, "INV-9", null, null, daysAgo(70));
        Invoice paidFirst = Invoice.of(paid).apply(issued);
        assertThat(paidFirst).isEqualTo(Invoice.of(issued).apply(paid));
        assertThat(paidFirst.dueDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(SupportBillingMetrics.billing(List.of(paidFirst), List.of(), List.of(), NOW)).containsEntry(OVERDUE_INVOICES, 0.0);
        // a re-issue with a later due date moves it; an older issue arriving late does not
        var reissued = billing(BillingEvent.Type.INVOICE_ISSUED, "INV-10", null, LocalDate.of(2026, 12, 31), daysAgo(10));
        var original = billing(BillingEvent.Type.INVOICE_ISSUED, "INV-10", null, LocalDate.of(2026, 10, 1), daysAgo(80));
        assertThat(Invoice.of(reissued).apply(original).dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void paymentFailuresCountInTheNinetyDayWindowAndDisputesWhileOpen() {
        List<Instant> failures = List.of(daysAgo(1), daysAgo(89.9), NOW.minus(Duration.ofDays(90)), daysAgo(120));
        var openedA = billing(BillingEvent.Type.DISPUTE_OPENED, "INV-1", null, null, daysAgo(10));
        var resolvedA = billing(BillingEvent.Type.DISPUTE_RESOLVED, "INV-1", null, null, daysAgo(5));
        var openedB = billing(BillingEvent.Type.DISPUTE_OPENED, null, "D-2", null, daysAgo(3));
        Dispute a = Dispute.of(resolvedA).apply(openedA);   // out of order: still resolved
        Dispute b = Dispute.of(openedB);
        assertThat(a.open()).isFalse();
        assertThat(a.disputeKey()).isEqualTo("invoice:INV-1");
        assertThat(SupportBillingMetrics.billing(List.of(), List.of(a, b), failures, NOW))
                .containsEntry(PAYMENT_FAILURES_90_DAYS, 2.0).containsEntry(OPEN_BILLING_DISPUTES, 1.0)
                .containsEntry(OVERDUE_INVOICES, 0.0).containsEntry(AGED_RECEIVABLES_DAYS, 0.0);
    }

    @Test
    void eventsAreCheckedForWhatTheirTypeNeeds() {
        assertThat(new SupportEvent("x", Type.TICKET_UPDATED, "1", null, null, NOW).problems())
                .extracting(p -> p.field()).containsExactly("priority");
        assertThat(new SupportEvent("x", Type.TICKET_OPENED, "1", null, 5, NOW).problems())
                .extracting(p -> p.field()).containsExactly("csat");
        assertThat(new SupportEvent("x", Type.TICKET_CLOSED, "1", null, 6, NOW).problems())
                .extracting(p -> p.field()).containsExactly("csat");
        assertThat(new SupportEvent("x", Type.TICKET_CLOSED, "1", null, 5, NOW).problems()).isEmpty();
        assertThat(new SupportEvent("x", Type.TICKET_OPENED, "1", null, null, NOW).withDefaults().priority()).isEqualTo(Priority.NORMAL);
        assertThat(new BillingEvent("x", BillingEvent.Type.INVOICE_ISSUED, null, null, new BigDecimal("-1"), "aud", null, NOW).problems())
                .extracting(p -> p.field()).containsExactly("invoiceId", "amount", "currency", "dueDate");
        assertThat(new BillingEvent("x", BillingEvent.Type.DISPUTE_OPENED, null, null, null, null, null, NOW).problems())
                .extracting(p -> p.field()).containsExactly("disputeId");
        assertThat(new BillingEvent("x", BillingEvent.Type.PAYMENT_FAILED, null, null, null, null, null, NOW).problems()).isEmpty();
    }
}
