package io.rhythm.health.service;

import io.rhythm.health.domain.supportbilling.AgedReceivables;
import io.rhythm.health.domain.supportbilling.AgedReceivables.CurrencyTotal;
import io.rhythm.health.domain.supportbilling.AgedReceivables.Outstanding;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Aged receivables from the billing inputs health keeps ({@code billing_invoice}: amount, currency and due date of
 * each invoice's latest INVOICE_ISSUED, and when it was paid): an invoice counts on {@code asOf} when it was issued
 * by the end of that day (UTC) and not paid by then. Row-level: a CSE or CAM sees their clients' invoices only.
 */
@ApplicationScoped
public class WorkingCapitalReads {

    private static final String OUTSTANDING = " i.amount is not null and i.currency is not null and i.due_date is not null"
            + " and i.issued_at < ? and (i.paid_at is null or i.paid_at >= ?)";

    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    /** What the portfolio total says: how many clients owe something, and the totals per currency. */
    public record PortfolioReceivables(LocalDate asOf, int clients, List<CurrencyTotal> byCurrency) {
    }

    /** One client's receivables (the client must be visible: checked by the caller of this method). */
    public List<CurrencyTotal> client(UUID clientId, LocalDate asOf) {
        List<Object> args = new ArrayList<>(List.of(clientId));
        args.addAll(bounds(asOf));
        List<Outstanding> invoices = new ArrayList<>();
        for (Object row : query("select i.amount, i.currency, i.due_date, i.client_id from billing_invoice i "
                + "where i.client_id = ? and" + OUTSTANDING, args)) {
            invoices.add(outstanding((Object[]) row));
        }
        return AgedReceivables.age(invoices, asOf);
    }

    /** The caller's portfolio (CSE/CAM: their clients; others: all), optionally one owner's clients. */
    public PortfolioReceivables portfolio(LocalDate asOf, String owner) {
        StringBuilder sql = new StringBuilder("select i.amount, i.currency, i.due_date, i.client_id from billing_invoice i "
                + "join client c on c.id = i.client_id where" + OUTSTANDING);
        List<Object> args = new ArrayList<>(bounds(asOf));
        caller.portfolioOwner().ifPresent(me -> {
            sql.append(" and (c.owner_cse = ? or c.owner_cam = ?)");
            args.add(me);
            args.add(me);
        });
        if (owner != null) {
            sql.append(" and (c.owner_cse = ? or c.owner_cam = ?)");
            args.add(owner);
            args.add(owner);
        }
        List<Outstanding> invoices = new ArrayList<>();
        java.util.Set<Object> clients = new java.util.HashSet<>();
        for (Object row : query(sql.toString(), args)) {
            Object[] r = (Object[]) row;
            invoices.add(outstanding(r));
            clients.add(r[3]);
        }
        return new PortfolioReceivables(asOf, clients.size(), AgedReceivables.age(invoices, asOf));
    }

    private static List<Object> bounds(LocalDate asOf) {
        Timestamp end = Timestamp.from(asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return List.of(end, end);
    }

    private static Outstanding outstanding(Object[] row) {
        Object due = row[2];
        LocalDate dueDate = due instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) due;
        return new Outstanding((BigDecimal) row[0], (String) row[1], dueDate);
    }

    private List<?> query(String sql, List<Object> args) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        return query.getResultList();
    }
}
