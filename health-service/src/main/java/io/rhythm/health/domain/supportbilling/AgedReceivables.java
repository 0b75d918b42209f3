package io.rhythm.health.domain.supportbilling;

import io.rhythm.platform.events.payload.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Working Capital's aged receivables: the invoices outstanding on a day (issued by then, not paid by then), in the
 * usual ageing buckets by days past their due date — CURRENT (not yet due), 1-30, 31-60, 61-90 and 90+ — with
 * their amounts and counts, per currency (amounts of different currencies are never added). Sums are exact
 * (invoice amounts have two decimals); each total is rounded once, when it becomes {@link Money}.
 */
public final class AgedReceivables {

    /** The buckets, in order, each with the most days past due it holds (the last has no limit). */
    public enum Bucket {
        CURRENT(0), DAYS_1_30(30), DAYS_31_60(60), DAYS_61_90(90), DAYS_90_PLUS(Long.MAX_VALUE);

        private final long maxDays;

        Bucket(long maxDays) {
            this.maxDays = maxDays;
        }

        public static Bucket of(long daysPastDue) {
            for (Bucket bucket : values()) {
                if (daysPastDue <= bucket.maxDays) {
                    return bucket;
                }
            }
            return DAYS_90_PLUS;
        }

        /** The label front ends show: CURRENT, 1-30, 31-60, 61-90, 90+. */
        public String label() {
            return switch (this) {
                case CURRENT -> "CURRENT";
                case DAYS_1_30 -> "1-30";
                case DAYS_31_60 -> "31-60";
                case DAYS_61_90 -> "61-90";
                case DAYS_90_PLUS -> "90+";
            };
        }
    }

    /** One outstanding invoice: its amount, currency and due date (all known: INVOICE_ISSUED carries them). */
    public record Outstanding(BigDecimal amount, String currency, LocalDate dueDate) {
    }

    public record BucketTotal(String bucket, Money amount, int invoices) {
    }

    /**
     * One currency's receivables: everything outstanding, the overdue part (past due), the buckets in order and
     * the days the oldest overdue invoice is past due (0 when none is overdue).
     */
    public record CurrencyTotal(String currency, Money outstanding, int invoices, Money overdue, int overdueInvoices,
                                long oldestDaysPastDue, List<BucketTotal> buckets) {
    }

    private AgedReceivables() {
    }

    /** Days past due on {@code asOf}: 0 or less while not yet overdue (an invoice is overdue the day after its due date). */
    public static long daysPastDue(LocalDate dueDate, LocalDate asOf) {
        return ChronoUnit.DAYS.between(dueDate, asOf);
    }

    /** The invoices' totals per currency (in code order), each with all five buckets (empty ones at 0). */
    public static List<CurrencyTotal> age(List<Outstanding> invoices, LocalDate asOf) {
        Map<String, List<Outstanding>> byCurrency = new TreeMap<>();
        for (Outstanding invoice : invoices) {
            byCurrency.computeIfAbsent(invoice.currency(), c -> new ArrayList<>()).add(invoice);
        }
        List<CurrencyTotal> totals = new ArrayList<>();
        byCurrency.forEach((currency, list) -> totals.add(total(currency, list, asOf)));
        return totals;
    }

    private static CurrencyTotal total(String currency, List<Outstanding> invoices, LocalDate asOf) {
        BigDecimal[] amounts = new BigDecimal[Bucket.values().length];
        int[] counts = new int[amounts.length];
        java.util.Arrays.fill(amounts, BigDecimal.ZERO);
        BigDecimal outstanding = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        int overdueCount = 0;
        long oldest = 0;
        for (Outstanding invoice : invoices) {
            long days = daysPastDue(invoice.dueDate(), asOf);
            int b = Bucket.of(days).ordinal();
            amounts[b] = amounts[b].add(invoice.amount());
            counts[b]++;
            outstanding = outstanding.add(invoice.amount());
            if (days > 0) {
                overdue = overdue.add(invoice.amount());
                overdueCount++;
                oldest = Math.max(oldest, days);
            }
        }
        List<BucketTotal> buckets = new ArrayList<>();
        for (Bucket bucket : Bucket.values()) {
            buckets.add(new BucketTotal(bucket.label(), Money.of(amounts[bucket.ordinal()], currency), counts[bucket.ordinal()]));
        }
        return new CurrencyTotal(currency, Money.of(outstanding, currency), invoices.size(), Money.of(overdue, currency),
                overdueCount, oldest, buckets);
    }
}
