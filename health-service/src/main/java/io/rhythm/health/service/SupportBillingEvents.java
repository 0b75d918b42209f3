package io.rhythm.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.rhythm.health.domain.SignalInput;
import io.rhythm.health.domain.supportbilling.BillingEvent;
import io.rhythm.health.domain.supportbilling.ClientEvent;
import io.rhythm.health.domain.supportbilling.Dispute;
import io.rhythm.health.domain.supportbilling.Invoice;
import io.rhythm.health.domain.supportbilling.SupportBillingMetrics;
import io.rhythm.health.domain.supportbilling.SupportEvent;
import io.rhythm.health.domain.supportbilling.Ticket;
import io.rhythm.health.service.ClientEventReader.ClientRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Support and billing events → per-client state (tickets, invoices, disputes, payment failures) →
 * the model's support and financial inputs, which go in as signals through
 * {@link SignalIngestion#ingestAll} (so scoring, alerts and HealthScoreChanged work as for any signal).
 *
 * <p>Each event is taken once (by event id). The state does not depend on arrival order (see
 * {@link Ticket}, {@link Invoice}, {@link Dispute}). The inputs are derived from the whole state as of
 * the clock's now, and only those that changed are ingested; their event id is
 * {@code <the client's last event id in the call>:<metric>} and their time the latest event time of the
 * call — or, when a late event arrives, just after the previous derivation, so that a late event's
 * effect is never dropped as stale. Inputs that change with time alone (backlog, overdue, aged
 * receivables, 90-day windows) are recomputed by {@link #recomputeTimeBased(Instant)}.
 */
@ApplicationScoped
public class SupportBillingEvents {

    public enum Domain {
        SUPPORT("support_as_of"), BILLING("billing_as_of");

        final String column;

        Domain(String column) {
            this.column = column;
        }

        static Domain of(ClientEvent event) {
            return event instanceof SupportEvent ? SUPPORT : BILLING;
        }
    }

    public enum Outcome { ACCEPTED, DUPLICATE, UNMATCHED }

    public record Incoming(ClientRef client, ClientEvent event) {
    }

    /** @param metrics the client's derived inputs of the event's domain after the call (null unless ACCEPTED) */
    public record Result(Outcome outcome, UUID clientId, String detail, Map<String, Double> metrics) {
    }

    /** What a time pass did: clients looked at, inputs that changed (and were ingested). */
    public record PassResult(int clients, int changedInputs) {
    }

    /** A client's domain touched by a call: the trigger (last event id) and the time its inputs are as of. */
    private record Touch(String triggerId, Instant at) {
        Touch later(String eventId, Instant eventAt) {
            return new Touch(eventId, eventAt.isAfter(at) ? eventAt : at);
        }
    }

    /** Ratings and payment failures this long ago are still looked at by the time pass (the window, plus days of downtime). */
    private static final Duration PASS_LOOKBACK = SupportBillingMetrics.WINDOW.plusDays(7);

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    SignalIngestion ingestion;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** @return one result per event, in order */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Result> ingest(List<Incoming> items, String channel) {
        em.flush();
        Instant now = Instant.now(clock);
        Result[] results = new Result[items.size()];
        UUID[] clients;
        Map<UUID, Map<Domain, Touch>> touched = new TreeMap<>();
        Map<UUID, Map<Domain, Map<String, Double>>> derived = new HashMap<>();
        List<SignalInput> signals;
        try (Connection connection = dataSource.getConnection()) {
            BulkSql sql = new BulkSql(connection);
            clients = resolveClients(sql, items);
            Set<UUID> known = new HashSet<>();
            for (UUID client : clients) {
                if (client != null) {
                    known.add(client);
                }
            }
            lock(sql, known);
            for (int i = 0; i < items.size(); i++) {
                ClientEvent event = items.get(i).event();
                if (clients[i] == null) {
                    queueUnmatched(sql, items.get(i), channel, now);
                    results[i] = new Result(Outcome.UNMATCHED, null, "no client " + items.get(i).client().describe()
                            + "; kept in the unmatched queue", null);
                    continue;
                }
                int inserted = sql.update("""
                                insert into support_billing_event (event_id, client_id, domain, type, occurred_at, received_at)
                                values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                        event.eventId(), clients[i], Domain.of(event).name().toLowerCase(java.util.Locale.ROOT),
                        event.typeName(), ts(event.occurredAt()), ts(now));
                if (inserted == 0) {
                    results[i] = new Result(Outcome.DUPLICATE, clients[i], "event " + event.eventId() + " was received before", null);
                    continue;
                }
                apply(sql, clients[i], event);
                touched.computeIfAbsent(clients[i], c -> new EnumMap<>(Domain.class))
                        .merge(Domain.of(event), new Touch(event.eventId(), event.occurredAt()),
                                (known1, next) -> known1.later(next.triggerId(), next.at()));
            }
            signals = derive(sql, touched, now, derived);
            resolveUnmatched(sql, items, results, channel, now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + items.size() + " events", e);
        }
        for (int i = 0; i < items.size(); i++) {
            if (results[i] == null) {
                results[i] = new Result(Outcome.ACCEPTED, clients[i], null,
                        derived.get(clients[i]).get(Domain.of(items.get(i).event())));
            }
        }
        if (!signals.isEmpty()) {
            ingestion.ingestAll(signals, channel);
        }
        return List.of(results);
    }

    /**
     * Re-derives, as of {@code now}, the inputs of the clients whose inputs can change with time alone
     * (open tickets, ratings and payment failures near the 90-day window, unpaid invoices with a due
     * date) and ingests those that changed. One transaction per chunk of clients.
     */
    public PassResult recomputeTimeBased(Instant now) {
        Instant lookback = now.minus(PASS_LOOKBACK);
        Map<UUID, Set<Domain>> candidates = new TreeMap<>();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            for (Object row : em.createNativeQuery("""
                            select client_id, 'SUPPORT' from support_ticket where open or csat_at > ?1
                            union select client_id, 'BILLING' from billing_invoice where paid_at is null and due_date is not null
                            union select client_id, 'BILLING' from billing_payment_failure where failed_at > ?1""")
                    .setParameter(1, ts(lookback)).getResultList()) {
                Object[] cells = (Object[]) row;
                candidates.computeIfAbsent((UUID) cells[0], c -> java.util.EnumSet.noneOf(Domain.class))
                        .add(Domain.valueOf((String) cells[1]));
            }
        });
        int changed = 0;
        List<UUID> ids = new ArrayList<>(candidates.keySet());
        for (int from = 0; from < ids.size(); from += PASS_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + PASS_CHUNK));
            changed += io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> passChunk(chunk, candidates, now));
        }
        return new PassResult(ids.size(), changed);
    }

    static final int PASS_CHUNK = 200;

    private int passChunk(List<UUID> chunk, Map<UUID, Set<Domain>> candidates, Instant now) {
        em.flush();
        List<SignalInput> signals;
        try (Connection connection = dataSource.getConnection()) {
            BulkSql sql = new BulkSql(connection);
            lock(sql, chunk);
            Map<UUID, Map<Domain, Touch>> touched = new TreeMap<>();
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
            for (UUID client : chunk) {
                Map<Domain, Touch> domains = new EnumMap<>(Domain.class);
                for (Domain domain : candidates.get(client)) {
                    domains.put(domain, new Touch("time-pass:" + client + ":" + domain.name().toLowerCase(java.util.Locale.ROOT)
                            + ":" + micros, now));
                }
                touched.put(client, domains);
            }
            signals = derive(sql, touched, now, new HashMap<>());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recompute support and billing inputs of " + chunk.size() + " clients", e);
        }
        if (!signals.isEmpty()) {
            ingestion.ingestAll(signals, "time-pass");
        }
        return signals.size();
    }

    // ---- state ----

    private void apply(BulkSql sql, UUID client, ClientEvent event) throws SQLException {
        switch (event) {
            case SupportEvent support -> {
                Ticket[] current = new Ticket[1];
                sql.query("""
                        select ticket_id, opened_at, open, status_at, priority, priority_at, csat, csat_at
                        from support_ticket where client_id = ? and ticket_id = ?""", row -> current[0] = ticket(row, 1),
                        client, support.ticketId());
                Ticket next = current[0] == null ? Ticket.of(support) : current[0].apply(support);
                sql.update("""
                        insert into support_ticket (client_id, ticket_id, opened_at, open, status_at, priority, priority_at, csat, csat_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (client_id, ticket_id) do update set opened_at = excluded.opened_at, open = excluded.open,
                            status_at = excluded.status_at, priority = excluded.priority, priority_at = excluded.priority_at,
                            csat = excluded.csat, csat_at = excluded.csat_at""",
                        client, next.ticketId(), ts(next.openedAt()), next.open(), ts(next.statusAt()),
                        next.priority() == null ? null : next.priority().name(), ts(next.priorityAt()),
                        next.csat() == null ? null : next.csat().shortValue(), ts(next.csatAt()));
            }
            case BillingEvent billing -> {
                switch (billing.type()) {
                    case INVOICE_ISSUED, INVOICE_PAID -> applyInvoice(sql, client, billing);
                    case PAYMENT_FAILED -> sql.update("""
                            insert into billing_payment_failure (event_id, client_id, invoice_id, failed_at) values (?, ?, ?, ?)
                            on conflict (event_id) do nothing""", billing.eventId(), client, billing.invoiceId(), ts(billing.occurredAt()));
                    case DISPUTE_OPENED, DISPUTE_RESOLVED -> applyDispute(sql, client, billing);
                }
            }
        }
    }

    private void applyInvoice(BulkSql sql, UUID client, BillingEvent event) throws SQLException {
        Invoice[] current = new Invoice[1];
        sql.query("""
                select invoice_id, amount, currency, due_date, issued_at, paid_at from billing_invoice
                where client_id = ? and invoice_id = ?""", row -> current[0] = invoice(row, 1), client, event.invoiceId());
        Invoice next = current[0] == null ? Invoice.of(event) : current[0].apply(event);
        sql.update("""
                insert into billing_invoice (client_id, invoice_id, amount, currency, due_date, issued_at, paid_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (client_id, invoice_id) do update set amount = excluded.amount, currency = excluded.currency,
                    due_date = excluded.due_date, issued_at = excluded.issued_at, paid_at = excluded.paid_at""",
                client, next.invoiceId(), next.amount(), next.currency(),
                next.dueDate() == null ? null : Date.valueOf(next.dueDate()), ts(next.issuedAt()), ts(next.paidAt()));
    }

    private void applyDispute(BulkSql sql, UUID client, BillingEvent event) throws SQLException {
        Dispute[] current = new Dispute[1];
        sql.query("select dispute_key, invoice_id, open, status_at from billing_dispute where client_id = ? and dispute_key = ?",
                row -> current[0] = dispute(row, 1), client, event.disputeKey());
        Dispute next = current[0] == null ? Dispute.of(event) : current[0].apply(event);
        sql.update("""
                insert into billing_dispute (client_id, dispute_key, invoice_id, open, status_at) values (?, ?, ?, ?, ?)
                on conflict (client_id, dispute_key) do update set invoice_id = excluded.invoice_id, open = excluded.open,
                    status_at = excluded.status_at""",
                client, next.disputeKey(), next.invoiceId(), next.open(), ts(next.statusAt()));
    }

    /** Each client's state row, created if missing and locked, in id order (two calls cannot deadlock). */
    private static void lock(BulkSql sql, Collection<UUID> clients) throws SQLException {
        if (clients.isEmpty()) {
            return;
        }
        sql.update("insert into support_billing_state (client_id) select unnest(?) order by 1 on conflict (client_id) do nothing",
                sql.uuids(clients));
        sql.query("select client_id from support_billing_state where client_id = any(?) order by client_id for update",
                row -> { }, sql.uuids(clients));
    }

    // ---- derivation ----

    /** Derives the touched domains' inputs of each touched client; returns those that changed, as signals. */
    private List<SignalInput> derive(BulkSql sql, Map<UUID, Map<Domain, Touch>> touched, Instant now,
                                     Map<UUID, Map<Domain, Map<String, Double>>> derived) throws SQLException {
        if (touched.isEmpty()) {
            return List.of();
        }
        var ids = sql.uuids(touched.keySet());
        Timestamp windowStart = ts(now.minus(SupportBillingMetrics.WINDOW));
        Map<UUID, List<Ticket>> tickets = new HashMap<>();
        sql.query("""
                select client_id, ticket_id, opened_at, open, status_at, priority, priority_at, csat, csat_at from support_ticket
                where client_id = any(?) and (open or csat_at > ?)""",
                row -> tickets.computeIfAbsent(row.uuid(1), c -> new ArrayList<>()).add(ticket(row, 2)), ids, windowStart);
        Map<UUID, List<Invoice>> invoices = new HashMap<>();
        sql.query("""
                select client_id, invoice_id, amount, currency, due_date, issued_at, paid_at from billing_invoice
                where client_id = any(?) and paid_at is null""",
                row -> invoices.computeIfAbsent(row.uuid(1), c -> new ArrayList<>()).add(invoice(row, 2)), ids);
        Map<UUID, List<Dispute>> disputes = new HashMap<>();
        sql.query("select client_id, dispute_key, invoice_id, open, status_at from billing_dispute where client_id = any(?) and open",
                row -> disputes.computeIfAbsent(row.uuid(1), c -> new ArrayList<>()).add(dispute(row, 2)), ids);
        Map<UUID, List<Instant>> failures = new HashMap<>();
        sql.query("select client_id, failed_at from billing_payment_failure where client_id = any(?) and failed_at > ?",
                row -> failures.computeIfAbsent(row.uuid(1), c -> new ArrayList<>()).add(row.getTimestamp(2).toInstant()),
                ids, windowStart);
        Map<UUID, Map<String, Double>> current = new HashMap<>();
        sql.query("select client_id, metric, value from client_metric where client_id = any(?)",
                row -> current.computeIfAbsent(row.uuid(1), c -> new HashMap<>()).put(row.string(2), row.getDouble(3)), ids);
        Map<UUID, Map<Domain, Instant>> asOf = new HashMap<>();
        sql.query("select client_id, support_as_of, billing_as_of from support_billing_state where client_id = any(?)", row -> {
            Map<Domain, Instant> times = new EnumMap<>(Domain.class);
            if (row.getTimestamp(2) != null) {
                times.put(Domain.SUPPORT, row.getTimestamp(2).toInstant());
            }
            if (row.getTimestamp(3) != null) {
                times.put(Domain.BILLING, row.getTimestamp(3).toInstant());
            }
            asOf.put(row.uuid(1), times);
        }, ids);

        List<SignalInput> signals = new ArrayList<>();
        for (var entry : touched.entrySet()) {
            UUID client = entry.getKey();
            for (var touch : entry.getValue().entrySet()) {
                Domain domain = touch.getKey();
                Map<String, Double> metrics = domain == Domain.SUPPORT
                        ? SupportBillingMetrics.support(tickets.getOrDefault(client, List.of()), now)
                        : SupportBillingMetrics.billing(invoices.getOrDefault(client, List.of()),
                        disputes.getOrDefault(client, List.of()), failures.getOrDefault(client, List.of()), now);
                derived.computeIfAbsent(client, c -> new EnumMap<>(Domain.class)).put(domain, metrics);
                Map<String, Double> known = current.getOrDefault(client, Map.of());
                Map<String, Double> changed = new LinkedHashMap<>();
                metrics.forEach((metric, value) -> {
                    if (!value.equals(known.get(metric))) {
                        changed.put(metric, value);
                    }
                });
                if (changed.isEmpty()) {
                    continue;
                }
                Instant previous = asOf.getOrDefault(client, Map.of()).get(domain);
                Instant at = touch.getValue().at();
                if (previous != null && !at.isAfter(previous)) {
                    at = previous.plus(1, ChronoUnit.MICROS);
                }
                sql.update("update support_billing_state set " + domain.column + " = ? where client_id = ?", ts(at), client);
                for (var metric : changed.entrySet()) {
                    signals.add(new SignalInput(touch.getValue().triggerId() + ":" + metric.getKey(), client, null, null,
                            metric.getKey(), metric.getValue(), at));
                }
            }
        }
        return signals;
    }

    // ---- rows ----

    private static Ticket ticket(BulkSql.Row row, int first) throws SQLException {
        String priority = row.string(first + 4);
        boolean rated = !row.isNull(first + 6);
        return new Ticket(row.string(first), instant(row, first + 1), row.getBoolean(first + 2),
                instant(row, first + 3), priority == null ? null : SupportEvent.Priority.valueOf(priority), instant(row, first + 5),
                rated ? row.getInt(first + 6) : null, instant(row, first + 7));
    }

    private static Invoice invoice(BulkSql.Row row, int first) throws SQLException {
        String amount = row.string(first + 1);
        Date due = row.getDate(first + 3);
        return new Invoice(row.string(first), amount == null ? null : new java.math.BigDecimal(amount), row.string(first + 2),
                due == null ? null : due.toLocalDate(), instant(row, first + 4), instant(row, first + 5));
    }

    private static Dispute dispute(BulkSql.Row row, int first) throws SQLException {
        return new Dispute(row.string(first), row.string(first + 1), row.getBoolean(first + 2),
                instant(row, first + 3));
    }

    private static Instant instant(BulkSql.Row row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    // ---- clients ----

    /** The client of each event (null: unknown), one statement for Rhythm ids and one for external ids. */
    private static UUID[] resolveClients(BulkSql sql, List<Incoming> items) throws SQLException {
        Set<UUID> byId = new HashSet<>();
        Set<String> byExternal = new HashSet<>();
        for (Incoming item : items) {
            if (item.client().clientId() != null) {
                byId.add(item.client().clientId());
            } else {
                byExternal.add(item.client().source() + "\u0000" + item.client().externalId());
            }
        }
        Set<UUID> known = new HashSet<>();
        if (!byId.isEmpty()) {
            sql.query("select id from client where id = any(?)", row -> known.add(row.uuid(1)), sql.uuids(byId));
        }
        Map<String, UUID> external = new HashMap<>();
        if (!byExternal.isEmpty()) {
            List<String> keys = new ArrayList<>(byExternal);
            sql.query("""
                    select u.source, u.external_id, e.client_id from unnest(?, ?) as u(source, external_id)
                    join client_external_id e on e.source = u.source and e.external_id = u.external_id""",
                    row -> external.put(row.string(1) + "\u0000" + row.string(2), row.uuid(3)),
                    sql.array("text", keys.stream().map(key -> key.substring(0, key.indexOf('\u0000'))).toList()),
                    sql.array("text", keys.stream().map(key -> key.substring(key.indexOf('\u0000') + 1)).toList()));
        }
        UUID[] clients = new UUID[items.size()];
        for (int i = 0; i < items.size(); i++) {
            ClientRef ref = items.get(i).client();
            clients[i] = ref.clientId() != null ? (known.contains(ref.clientId()) ? ref.clientId() : null)
                    : external.get(ref.source() + "\u0000" + ref.externalId());
        }
        return clients;
    }

    /** Events that waited in the unmatched queue and are now taken (their client exists) leave it. */
    private static void resolveUnmatched(BulkSql sql, List<Incoming> items, Result[] results, String channel, Instant now)
            throws SQLException {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (results[i] == null) {
                taken.add(items.get(i).event().eventId());
            }
        }
        if (!taken.isEmpty()) {
            sql.update("""
                    update unmatched_record set resolved_at = ? where source = ? and kind = ? and external_id = any(?)
                      and resolved_at is null""", ts(now), channel, channel + "-event", sql.array("text", taken));
        }
    }

    private void queueUnmatched(BulkSql sql, Incoming item, String channel, Instant receivedAt) throws SQLException {
        String payload;
        try {
            payload = mapper.writeValueAsString(Map.of("event", item.event(), "client", item.client(), "channel", channel));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sql.update("""
                insert into unmatched_record (id, source, kind, external_id, reason, payload, received_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (source, kind, external_id) do nothing""",
                UUID.randomUUID(), channel, channel + "-event", item.event().eventId(),
                "no client " + item.client().describe(), payload, ts(receivedAt));
    }
}
