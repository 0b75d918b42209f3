package io.rhythm.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.scoring.DefaultScoringModel;
import io.rhythm.health.domain.scoring.HealthFlag;
import io.rhythm.health.domain.scoring.HealthFlags;
import io.rhythm.health.domain.scoring.HealthScore;
import io.rhythm.health.domain.scoring.HealthScorer;
import io.rhythm.health.domain.scoring.InsufficientHealthDataException;
import io.rhythm.health.domain.scoring.ScoreComparison;
import io.rhythm.health.domain.scoring.ScoringModel;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Recomputes one client's health score from its current metrics, in real time (on each signal,
 * engagement or client change). A new score is stored and published as HealthScoreChanged only when
 * the score, band or model version changed; each stored score keeps its full explanation.
 */
@ApplicationScoped
public class HealthScoring {

    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    ModelRegistry models;

    /** A stored score: when, why, and its explanation. */
    public record StoredScore(long id, UUID clientId, Instant scoredAt, HealthScore score, String triggerKind, String triggerId) {
    }

    /** The active scoring model. */
    public ScoringModel activeModel() {
        return models.active();
    }

    /**
     * Fired (synchronously, in the rescoring transaction) after every rescore of an existing client,
     * whether or not the score changed: its metrics may have (alerts are evaluated on it).
     *
     * @param stored the new score, {@code null} when the score did not change
     */
    public record Rescored(UUID clientId, StoredScore stored) {
    }

    @Inject
    Event<Rescored> rescored;

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredScore> rescore(UUID clientId, String triggerKind, String triggerId) {
        Optional<StoredScore> stored = score(clientId, triggerKind, triggerId);
        rescored.fire(new Rescored(clientId, stored.orElse(null)));
        return stored;
    }

    private Optional<StoredScore> score(UUID clientId, String triggerKind, String triggerId) {
        Client client = Client.findById(clientId);
        if (client == null) {
            return Optional.empty();
        }
        HealthScore current;
        try {
            current = HealthScorer.score(activeModel(), client.lifecycleStage, inputsOf(clientId));
        } catch (InsufficientHealthDataException e) {
            return Optional.empty(); // nothing known yet that the model weighs
        }
        Optional<StoredScore> previous = latest(clientId);
        if (previous.isPresent() && previous.get().score().score() == current.score()
                && previous.get().score().band() == current.band()
                && previous.get().score().modelVersion() == current.modelVersion()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        Double monthAgo = scoreValueAt(clientId, now.atZone(ZoneOffset.UTC).minusMonths(1).toInstant());
        Set<HealthFlag> flags = HealthFlags.evaluate(current.score(), previous.map(p -> p.score().score()).orElse(null), monthAgo);

        long id = ((Number) em.createNativeQuery("""
                        insert into health_score (client_id, scored_at, model_version, score, band, explanation, trigger_kind, trigger_id)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, ?8) returning id""")
                .setParameter(1, clientId).setParameter(2, Timestamp.from(now)).setParameter(3, current.modelVersion())
                .setParameter(4, BigDecimal.valueOf(current.score())).setParameter(5, current.band().name())
                .setParameter(6, json(current)).setParameter(7, triggerKind).setParameter(8, triggerId)
                .getSingleResult()).longValue();
        em.createNativeQuery("""
                        insert into client_health (client_id, score_id, score, band, scored_at) values (?1, ?2, ?3, ?4, ?5)
                        on conflict (client_id) do update set score_id = excluded.score_id, score = excluded.score,
                            band = excluded.band, scored_at = excluded.scored_at""")
                .setParameter(1, clientId).setParameter(2, id).setParameter(3, BigDecimal.valueOf(current.score()))
                .setParameter(4, current.band().name()).setParameter(5, Timestamp.from(now))
                .executeUpdate();

        List<HealthScoreChanged.Driver> drivers = previous
                .map(p -> ScoreComparison.between(p.score(), current).drivers().stream()
                        .map(change -> new HealthScoreChanged.Driver(change.component().name(), change.previousValue(),
                                change.currentValue(), change.change()))
                        .toList())
                .orElse(List.of());
        outbox.publish(EventCatalogue.HEALTH_SCORE_CHANGED, clientId.toString(), new HealthScoreChanged(
                clientId.toString(), current.modelVersion(), previous.map(p -> p.score().score()).orElse(null),
                previous.map(p -> p.score().band().name()).orElse(null), current.score(), current.band().name(),
                previous.map(p -> round1(current.score() - p.score().score())).orElse(null), drivers,
                flags.stream().map(Enum::name).sorted().toList(), new HealthScoreChanged.Trigger(triggerKind, triggerId), now));
        return Optional.of(new StoredScore(id, clientId, now, current, triggerKind, triggerId));
    }

    /** The client's inputs: current metric values, plus engagement derived from logged activities. */
    Map<String, Double> inputsOf(UUID clientId) {
        Map<String, Double> inputs = new HashMap<>();
        for (Object row : em.createNativeQuery("select metric, value from client_metric where client_id = ?1")
                .setParameter(1, clientId).getResultList()) {
            Object[] columns = (Object[]) row;
            inputs.put((String) columns[0], ((Number) columns[1]).doubleValue());
        }
        inputs.putAll(engagementInputs(clientId, LocalDate.now(clock)));
        return inputs;
    }

    /** Engagement inputs as of a day: days since the last logged engagement and engagements in the 90 days before. */
    public Map<String, Double> engagementInputs(UUID clientId, LocalDate today) {
        Map<String, Double> inputs = new HashMap<>();
        Object[] engagement = (Object[]) em.createNativeQuery("""
                        select max(occurred_on), count(*) filter (where occurred_on > cast(?2 as date))
                        from engagement_signal where client_id = ?1 and occurred_on <= cast(?3 as date)""")
                .setParameter(1, clientId).setParameter(2, today.minusDays(90)).setParameter(3, today).getSingleResult();
        if (engagement[0] != null) {
            LocalDate last = SqlValues.localDate(engagement[0]);
            inputs.put(DefaultScoringModel.DAYS_SINCE_LAST_ENGAGEMENT, (double) Math.max(0, ChronoUnit.DAYS.between(last, today)));
            inputs.put(DefaultScoringModel.ENGAGEMENTS_LAST_90_DAYS, ((Number) engagement[1]).doubleValue());
        }
        return inputs;
    }

    public Optional<StoredScore> latest(UUID clientId) {
        return scores("where client_id = ?1 order by scored_at desc, id desc limit 1", clientId).stream().findFirst();
    }

    /** Just the number the client scored at an instant (no explanation read): for flags on the hot path. */
    Double scoreValueAt(UUID clientId, Instant at) {
        List<?> rows = em.createNativeQuery("""
                        select score from health_score where client_id = ?1 and scored_at <= ?2
                        order by scored_at desc, id desc limit 1""")
                .setParameter(1, clientId).setParameter(2, Timestamp.from(at)).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).doubleValue();
    }

    /** The score the client had at an instant (the last one scored at or before it). */
    public Optional<StoredScore> scoreAt(UUID clientId, Instant at) {
        return scores("where client_id = ?1 and scored_at <= ?2 order by scored_at desc, id desc limit 1",
                clientId, Timestamp.from(at)).stream().findFirst();
    }

    public List<StoredScore> history(UUID clientId, Instant from, Instant to, Instant beforeScoredAt, Long beforeId, int limit) {
        String where = "where client_id = ?1 and scored_at >= ?2 and scored_at <= ?3"
                + (beforeScoredAt == null ? "" : " and (scored_at, id) < (?4, ?5)")
                + " order by scored_at desc, id desc limit " + limit;
        return beforeScoredAt == null
                ? scores(where, clientId, Timestamp.from(from), Timestamp.from(to))
                : scores(where, clientId, Timestamp.from(from), Timestamp.from(to), Timestamp.from(beforeScoredAt), beforeId);
    }

    private List<StoredScore> scores(String where, Object... args) {
        var query = em.createNativeQuery("select id, client_id, scored_at, explanation::text, trigger_kind, trigger_id from health_score " + where);
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
        return ((List<?>) query.getResultList()).stream().map(row -> {
            Object[] c = (Object[]) row;
            Instant scoredAt = SqlValues.instant(c[2]);
            return new StoredScore(((Number) c[0]).longValue(), (UUID) c[1], scoredAt, read((String) c[3]), (String) c[4], (String) c[5]);
        }).toList();
    }

    private String json(HealthScore score) {
        try {
            return mapper.writeValueAsString(score);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HealthScore read(String json) {
        try {
            return mapper.readValue(json, HealthScore.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanation is unreadable", e);
        }
    }

    private static double round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
