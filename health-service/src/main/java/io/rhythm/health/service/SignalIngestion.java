package io.rhythm.health.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.SignalInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes in one signal: resolves its client, keeps it once (by event id), updates the client's current
 * metric only if the signal is newer than what is known, and rescores the client, all in the caller's
 * transaction. A signal for an unknown client waits in the unmatched queue.
 */
@ApplicationScoped
public class SignalIngestion {

    public enum Outcome { ACCEPTED, DUPLICATE, STALE, UNMATCHED }

    public record Result(Outcome outcome, UUID clientId, String detail) {
    }

    @Inject
    EntityManager em;
    @Inject
    HealthScoring scoring;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Result ingest(SignalInput signal, String channel) {
        UUID clientId = resolveClient(signal);
        if (clientId == null) {
            queueUnmatched(signal, channel);
            return new Result(Outcome.UNMATCHED, null, "no client " + describeClient(signal) + "; kept in the unmatched queue");
        }
        int inserted = em.createNativeQuery("""
                        insert into signal_observation (event_id, client_id, metric, value, occurred_at, received_at, channel)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (event_id) do nothing""")
                .setParameter(1, signal.eventId()).setParameter(2, clientId).setParameter(3, signal.metric())
                .setParameter(4, signal.value()).setParameter(5, Timestamp.from(signal.occurredAt()))
                .setParameter(6, Timestamp.from(Instant.now(clock))).setParameter(7, channel)
                .executeUpdate();
        if (inserted == 0) {
            return new Result(Outcome.DUPLICATE, clientId, "event " + signal.eventId() + " was received before");
        }
        int current = em.createNativeQuery("""
                        insert into client_metric (client_id, metric, value, occurred_at, event_id) values (?1, ?2, ?3, ?4, ?5)
                        on conflict (client_id, metric) do update
                        set value = excluded.value, occurred_at = excluded.occurred_at, event_id = excluded.event_id
                        where client_metric.occurred_at < excluded.occurred_at""")
                .setParameter(1, clientId).setParameter(2, signal.metric()).setParameter(3, signal.value())
                .setParameter(4, Timestamp.from(signal.occurredAt())).setParameter(5, signal.eventId())
                .executeUpdate();
        if (current == 0) {
            return new Result(Outcome.STALE, clientId, "kept; a newer " + signal.metric() + " value is already known");
        }
        scoring.rescore(clientId, "signal", signal.eventId());
        return new Result(Outcome.ACCEPTED, clientId, null);
    }

    private UUID resolveClient(SignalInput signal) {
        if (signal.clientId() != null) {
            // the entity, not a bare existence check: rescoring loads it again, from the persistence context
            return Client.findById(signal.clientId()) == null ? null : signal.clientId();
        }
        List<?> found = em.createNativeQuery("select client_id from client_external_id where source = ?1 and external_id = ?2")
                .setParameter(1, signal.externalSource()).setParameter(2, signal.externalId()).getResultList();
        return found.isEmpty() ? null : (UUID) found.get(0);
    }

    private void queueUnmatched(SignalInput signal, String channel) {
        String payload;
        try {
            payload = mapper.writeValueAsString(Map.of("signal", signal, "channel", channel));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                        insert into unmatched_record (id, source, kind, external_id, reason, payload, received_at)
                        values (?1, ?2, 'signal', ?3, ?4, cast(?5 as jsonb), ?6) on conflict (source, kind, external_id) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, channel).setParameter(3, signal.eventId())
                .setParameter(4, "no client " + describeClient(signal)).setParameter(5, payload)
                .setParameter(6, Timestamp.from(Instant.now(clock)))
                .executeUpdate();
    }

    private static String describeClient(SignalInput signal) {
        return signal.clientId() != null ? signal.clientId().toString() : signal.externalSource() + ":" + signal.externalId();
    }
}
