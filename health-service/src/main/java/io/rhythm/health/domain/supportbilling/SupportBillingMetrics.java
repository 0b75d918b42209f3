package io.rhythm.health.domain.supportbilling;

import io.rhythm.health.domain.scoring.DefaultScoringModel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scoring model's support and financial inputs, derived from a client's tickets, invoices,
 * disputes and payment failures as of an instant ({@code now}):
 * <ul>
 *   <li>{@value DefaultScoringModel#OPEN_TICKETS}: open tickets;</li>
 *   <li>{@value DefaultScoringModel#OPEN_URGENT_TICKETS}: open tickets whose priority is URGENT;</li>
 *   <li>{@value DefaultScoringModel#BACKLOG_OVER_30_DAYS}: open tickets opened more than 30 days
 *       before now (exactly 30 days: not yet);</li>
 *   <li>{@value DefaultScoringModel#CSAT_PCT}: of the tickets rated in the last 90 days (rating time
 *       after now − 90 days, not after now), the % rated satisfied (4 or 5 of 5); absent when none was
 *       rated in that window (the last known value then stays);</li>
 *   <li>{@value DefaultScoringModel#OVERDUE_INVOICES}: unpaid invoices past their due date (from the
 *       day after it, UTC);</li>
 *   <li>{@value DefaultScoringModel#AGED_RECEIVABLES_DAYS}: days the oldest overdue invoice is past
 *       its due date (0 when none is overdue);</li>
 *   <li>{@value DefaultScoringModel#PAYMENT_FAILURES_90_DAYS}: payment failures in the last 90 days
 *       (same window as CSAT);</li>
 *   <li>{@value DefaultScoringModel#OPEN_BILLING_DISPUTES}: open disputes.</li>
 * </ul>
 */
public final class SupportBillingMetrics {

    public static final Duration BACKLOG_AGE = Duration.ofDays(30);
    public static final Duration WINDOW = Duration.ofDays(90);

    private SupportBillingMetrics() {
    }

    /** The four support inputs (CSAT only when a rating falls in the window), in the model's order. */
    public static Map<String, Double> support(Collection<Ticket> tickets, Instant now) {
        int open = 0;
        int urgent = 0;
        int backlog = 0;
        int rated = 0;
        int satisfied = 0;
        Instant backlogBefore = now.minus(BACKLOG_AGE);
        Instant windowStart = now.minus(WINDOW);
        for (Ticket ticket : tickets) {
            if (ticket.open()) {
                open++;
                if (ticket.urgent()) {
                    urgent++;
                }
                if (ticket.openedAt().isBefore(backlogBefore)) {
                    backlog++;
                }
            }
            if (ticket.csat() != null && inWindow(ticket.csatAt(), windowStart, now)) {
                rated++;
                if (ticket.csat() >= SupportEvent.CSAT_SATISFIED_FROM) {
                    satisfied++;
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(DefaultScoringModel.OPEN_TICKETS, (double) open);
        metrics.put(DefaultScoringModel.OPEN_URGENT_TICKETS, (double) urgent);
        metrics.put(DefaultScoringModel.BACKLOG_OVER_30_DAYS, (double) backlog);
        if (rated > 0) {
            metrics.put(DefaultScoringModel.CSAT_PCT, Math.round(1000.0 * satisfied / rated) / 10.0);
        }
        return metrics;
    }

    /** The four financial inputs, in the model's order. */
    public static Map<String, Double> billing(Collection<Invoice> invoices, Collection<Dispute> disputes,
                                              Collection<Instant> paymentFailures, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int overdue = 0;
        LocalDate oldestDue = null;
        for (Invoice invoice : invoices) {
            if (invoice.overdueOn(today)) {
                overdue++;
                if (oldestDue == null || invoice.dueDate().isBefore(oldestDue)) {
                    oldestDue = invoice.dueDate();
                }
            }
        }
        Instant windowStart = now.minus(WINDOW);
        long failures = paymentFailures.stream().filter(at -> inWindow(at, windowStart, now)).count();
        long openDisputes = disputes.stream().filter(Dispute::open).count();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(DefaultScoringModel.OVERDUE_INVOICES, (double) overdue);
        metrics.put(DefaultScoringModel.PAYMENT_FAILURES_90_DAYS, (double) failures);
        metrics.put(DefaultScoringModel.OPEN_BILLING_DISPUTES, (double) openDisputes);
        metrics.put(DefaultScoringModel.AGED_RECEIVABLES_DAYS, oldestDue == null ? 0.0 : (double) ChronoUnit.DAYS.between(oldestDue, today));
        return metrics;
    }

    private static boolean inWindow(Instant at, Instant windowStart, Instant now) {
        return at.isAfter(windowStart) && !at.isAfter(now);
    }
}
