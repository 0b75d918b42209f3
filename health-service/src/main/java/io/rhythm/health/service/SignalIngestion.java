package io.rhythm.health.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.rhythm.health.domain.SignalInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes in signals, one or a whole batch at once, in the caller's transaction: resolves each one's
 * client, keeps it once (by event id), updates the client's current metric only if the signal is
 * newer than what is known, and rescores each client whose metrics changed once, however many of
 * its signals the batch held. A signal for an unknown client waits in the unmatched queue.
 */
@ApplicationScoped
public class SignalIngestion {

    public enum Outcome { ACCEPTED, DUPLICATE, STALE, UNMATCHED }

    public record Result(Outcome outcome, UUID clientId, String detail) {
    }

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    HealthScoring scoring;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Result ingest(SignalInput signal, String channel) {
        return ingestAll(List.of(signal), channel).get(0);
    }

    /**
     * @return one result per signal, in order. Within the batch, a repeated event id is a duplicate and,
     * of several values of one metric for one client, the newest wins (the others are kept, as stale).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Result> ingestAll(List<SignalInput> signals, String channel) {
        em.flush();
        Instant receivedAt = Instant.now(clock);
        Result[] results = new Result[signals.size()];
        try (Connection connection = dataSource.getConnection()) {
            BulkSql sql = new BulkSql(connection);
            UUID[] clients = resolveClients(sql, signals);

            // 1. observations: each event id once (in the batch and in the table)
            Map<String, Integer> firstByEventId = new LinkedHashMap<>();
            for (int i = 0; i < signals.size(); i++) {
                SignalInput signal = signals.get(i);
                if (clients[i] == null) {
                    queueUnmatched(sql, signal, channel, receivedAt);
                    results[i] = new Result(Outcome.UNMATCHED, null, "no client " + describeClient(signal) + "; kept in the unmatched queue");
                } else if (firstByEventId.putIfAbsent(signal.eventId(), i) != null) {
                    results[i] = duplicate(signal, clients[i]);
                }
            }
            if (firstByEventId.isEmpty()) {
                return List.of(results);
            }
            List<Integer> candidates = new ArrayList<>(firstByEventId.values());
            Set<String> inserted = new HashSet<>();
            sql.query("""
                    insert into signal_observation (event_id, client_id, metric, value, occurred_at, received_at, channel)
                    select u.event_id, u.client_id, u.metric, u.value, u.occurred_at, cast(? as timestamptz), cast(? as text)
                    from unnest(?, ?, ?, ?, ?) as u(event_id, client_id, metric, value, occurred_at)
                    on conflict (event_id) do nothing returning event_id""", row -> inserted.add(row.string(1)),
                    Timestamp.from(receivedAt), channel,
                    sql.array("text", candidates.stream().map(i -> signals.get(i).eventId()).toList()),
                    sql.uuids(candidates.stream().map(i -> clients[i]).toList()),
                    sql.array("text", candidates.stream().map(i -> signals.get(i).metric()).toList()),
                    sql.array("float8", candidates.stream().map(i -> signals.get(i).value()).toList()),
                    sql.array("timestamptz", candidates.stream().map(i -> Timestamp.from(signals.get(i).occurredAt())).toList()));

            // 2. current metrics: per client and metric, the newest new observation, if newer than the known value
            Map<String, Integer> newestByMetric = new LinkedHashMap<>();
            for (int i : candidates) {
                SignalInput signal = signals.get(i);
                if (!inserted.contains(signal.eventId())) {
                    results[i] = duplicate(signal, clients[i]);
                    continue;
                }
                newestByMetric.merge(clients[i] + "|" + signal.metric(), i, (known, other) ->
                        signals.get(other).occurredAt().isAfter(signals.get(known).occurredAt()) ? other : known);
            }
            // in a fixed order, so that two batches touching the same metrics cannot deadlock
            List<Integer> newest = newestByMetric.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue).toList();
            Set<String> current = new HashSet<>();
            if (!newest.isEmpty()) {
                sql.query("""
                        insert into client_metric (client_id, metric, value, occurred_at, event_id)
                        select * from unnest(?, ?, ?, ?, ?) as u(client_id, metric, value, occurred_at, event_id)
                        on conflict (client_id, metric) do update
                        set value = excluded.value, occurred_at = excluded.occurred_at, event_id = excluded.event_id
                        where client_metric.occurred_at < excluded.occurred_at
                        returning event_id""", row -> current.add(row.string(1)),
                        sql.uuids(newest.stream().map(i -> clients[i]).toList()),
                        sql.array("text", newest.stream().map(i -> signals.get(i).metric()).toList()),
                        sql.array("float8", newest.stream().map(i -> signals.get(i).value()).toList()),
                        sql.array("timestamptz", newest.stream().map(i -> Timestamp.from(signals.get(i).occurredAt())).toList()),
                        sql.array("text", newest.stream().map(i -> signals.get(i).eventId()).toList()));
            }

            // 3. one rescore per client whose metrics changed; its trigger is the last of its signals that counted
            Map<UUID, String> triggers = new LinkedHashMap<>();
            for (int i = 0; i < signals.size(); i++) {
                if (results[i] != null) {
                    continue;
                }
                SignalInput signal = signals.get(i);
                if (current.contains(signal.eventId())) {
                    results[i] = new Result(Outcome.ACCEPTED, clients[i], null);
                    triggers.merge(clients[i], signal.eventId(), (known, other) -> other);
                } else {
                    results[i] = new Result(Outcome.STALE, clients[i], "kept; a newer " + signal.metric() + " value is already known");
                }
            }
            scoring.rescoreAll(triggers, "signal");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + signals.size() + " signals", e);
        }
        return List.of(results);
    }

    private static Result duplicate(SignalInput signal, UUID clientId) {
        return new Result(Outcome.DUPLICATE, clientId, "event " + signal.eventId() + " was received before");
    }

    /** The client of each signal (null: unknown), with one statement for Rhythm ids and one for external ids. */
    private UUID[] resolveClients(BulkSql sql, List<SignalInput> signals) throws SQLException {
        Set<UUID> byId = new HashSet<>();
        Map<String, List<Integer>> byExternal = new HashMap<>();
        for (int i = 0; i < signals.size(); i++) {
            SignalInput signal = signals.get(i);
            if (signal.clientId() != null) {
                byId.add(signal.clientId());
            } else {
                byExternal.computeIfAbsent(signal.externalSource() + "\u0000" + signal.externalId(), key -> new ArrayList<>()).add(i);
            }
        }
        Set<UUID> known = new HashSet<>();
        if (!byId.isEmpty()) {
            sql.query("select c.id from unnest(?) as u(id) join client c on c.id = u.id", row -> known.add(row.uuid(1)), sql.uuids(byId));
        }
        Map<String, UUID> external = new HashMap<>();
        if (!byExternal.isEmpty()) {
            List<String> keys = new ArrayList<>(byExternal.keySet());
            sql.query("""
                    select u.source, u.external_id, e.client_id from unnest(?, ?) as u(source, external_id)
                    join client_external_id e on e.source = u.source and e.external_id = u.external_id""",
                    row -> external.put(row.string(1) + "\u0000" + row.string(2), row.uuid(3)),
                    sql.array("text", keys.stream().map(key -> key.substring(0, key.indexOf('\u0000'))).toList()),
                    sql.array("text", keys.stream().map(key -> key.substring(key.indexOf('\u0000') + 1)).toList()));
        }
        UUID[] clients = new UUID[signals.size()];
        for (int i = 0; i < signals.size(); i++) {
            SignalInput signal = signals.get(i);
            clients[i] = signal.clientId() != null
                    ? (known.contains(signal.clientId()) ? signal.clientId() : null)
                    : external.get(signal.externalSource() + "\u0000" + signal.externalId());
        }
        return clients;
    }

    private void queueUnmatched(BulkSql sql, SignalInput signal, String channel, Instant receivedAt) throws SQLException {
        String payload;
        try {
            payload = mapper.writeValueAsString(Map.of("signal", signal, "channel", channel));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sql.update("""
                insert into unmatched_record (id, source, kind, external_id, reason, payload, received_at)
                values (?, ?, 'signal', ?, ?, cast(? as jsonb), ?) on conflict (source, kind, external_id) do nothing""",
                UUID.randomUUID(), channel, signal.eventId(), "no client " + describeClient(signal), payload,
                Timestamp.from(receivedAt));
    }

    private static String describeClient(SignalInput signal) {
        return signal.clientId() != null ? signal.clientId().toString() : signal.externalSource() + ":" + signal.externalId();
    }
}
