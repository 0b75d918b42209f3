package io.rhythm.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.rhythm.health.domain.LifecycleStage;
import io.rhythm.health.domain.alerts.MetricReading;
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
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Recomputes one client's health score from its current metrics, in real time (on each signal,
 * engagement or client change). A new score is stored and published as HealthScoreChanged only when
 * the score, band or model version changed; each stored score keeps what explains it (model version,
 * lifecycle stage and inputs, from which its full explanation is rebuilt).
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
     * Fired (synchronously, in the rescoring transaction) after every rescore, with the existing
     * clients that were rescored, whether or not their score changed: their metrics may have (alerts
     * are evaluated on it). It carries what the rescore read, so that the observers need not read it again.
     *
     * @param metrics the clients' current metric readings (from signals), by client
     * @param scores  the clients' current score after the rescore (absent: not scored yet), by client
     */
    public record Rescored(Set<UUID> clientIds, Map<UUID, Map<String, MetricReading>> metrics, Map<UUID, Double> scores) {
    }

    @Inject
    Event<Rescored> rescored;
    @Inject
    AgroalDataSource dataSource;
    /** The explanations of the latest scores, so that the next rescore need not read and parse them again. */
    private final RecentScores recent = new RecentScores(50_000);

    /** Rescores one client; the new score if it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredScore> rescore(UUID clientId, String triggerKind, String triggerId) {
        Map<UUID, String> trigger = new HashMap<>();
        trigger.put(clientId, triggerId);
        return Optional.ofNullable(rescoreAll(trigger, triggerKind).get(clientId));
    }

    /**
     * Rescores many clients at once with a handful of set-based statements (the hot path of signal
     * ingest and of a full recompute): a new score is stored, and published, for those whose score,
     * band or model version changed.
     *
     * @param triggers client id → the id of what triggered its rescore (may map to {@code null})
     * @return the new scores, by client
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, StoredScore> rescoreAll(Map<UUID, String> triggers, String triggerKind) {
        if (triggers.isEmpty()) {
            return Map.of();
        }
        em.flush(); // what this transaction changed through the ORM (a new client, a new stage) is read below
        ScoringModel model = activeModel();
        Instant now = Instant.now(clock);
        Map<UUID, StoredScore> stored = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            BulkSql sql = new BulkSql(connection);
            Array ids = sql.uuids(triggers.keySet());
            Map<UUID, LifecycleStage> stages = new HashMap<>();
            Map<UUID, Previous> previous = new HashMap<>();
            sql.query("""
                    select c.id, c.lifecycle_stage, h.score_id, h.score, h.band, h.model_version from unnest(?) as u(id)
                    join client c on c.id = u.id left join client_health h on h.client_id = c.id""", row -> {
                stages.put(row.uuid(1), LifecycleStage.valueOf(row.string(2)));
                if (!row.isNull(3)) {
                    previous.put(row.uuid(1), new Previous(row.getLong(3), row.getDouble(4), row.string(5), row.getInt(6)));
                }
            }, ids);
            if (stages.isEmpty()) {
                return Map.of();
            }
            Map<UUID, Map<String, MetricReading>> readings = new HashMap<>();
            Map<UUID, Map<String, Double>> inputs = inputsOf(sql, ids, LocalDate.ofInstant(now, ZoneOffset.UTC), readings);

            Map<UUID, HealthScore> changed = new LinkedHashMap<>();
            for (var entry : stages.entrySet()) {
                HealthScore current;
                try {
                    current = HealthScorer.score(model, entry.getValue(), inputs.getOrDefault(entry.getKey(), Map.of()));
                } catch (InsufficientHealthDataException e) {
                    continue; // nothing known yet that the model weighs
                }
                Previous before = previous.get(entry.getKey());
                if (before == null || before.score() != current.score() || !before.band().equals(current.band().name())
                        || before.modelVersion() != current.modelVersion()) {
                    changed.put(entry.getKey(), current);
                }
            }
            if (!changed.isEmpty()) {
                stored.putAll(store(sql, changed, inputs, previous, triggers, triggerKind, now));
            }
            Map<UUID, Double> scores = new HashMap<>();
            previous.forEach((client, before) -> scores.put(client, before.score()));
            changed.forEach((client, current) -> scores.put(client, current.score()));
            rescored.fire(new Rescored(stages.keySet(), readings, scores));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot rescore " + triggers.size() + " clients", e);
        }
        return stored;
    }

    private record Previous(long scoreId, double score, String band, int modelVersion) {
    }

    private Map<UUID, StoredScore> store(BulkSql sql, Map<UUID, HealthScore> changed, Map<UUID, Map<String, Double>> inputs,
                                         Map<UUID, Previous> previous,
                                         Map<UUID, String> triggers, String triggerKind, Instant now) throws SQLException {
        Array changedIds = sql.uuids(changed.keySet());
        Map<UUID, HealthScore> previousScores = new HashMap<>();
        List<Long> previousIds = new ArrayList<>();
        for (UUID client : changed.keySet()) {
            Previous before = previous.get(client);
            if (before != null) {
                HealthScore known = recent.get(client, before.scoreId());
                if (known != null) {
                    previousScores.put(client, known);
                } else {
                    previousIds.add(before.scoreId());
                }
            }
        }
        if (!previousIds.isEmpty()) {
            sql.query("select h.client_id, " + EXPLANATION_COLUMNS + " from unnest(?) as u(id) join health_score h on h.id = u.id",
                    row -> previousScores.put(row.uuid(1), explanation(row.string(2), row.getInt(3), row.string(4), row.string(5))),
                    sql.longs(previousIds));
        }
        Map<UUID, Double> monthAgo = new HashMap<>();
        sql.query("""
                select u.id, s.score from unnest(?) as u(id) cross join lateral (
                    select score from health_score where client_id = u.id and scored_at <= ?
                    order by scored_at desc, id desc limit 1) s""", row ->
                monthAgo.put(row.uuid(1), row.getDouble(2)), changedIds,
                Timestamp.from(now.atZone(ZoneOffset.UTC).minusMonths(1).toInstant()));

        List<UUID> clients = new ArrayList<>(changed.keySet());
        List<Object> scores = new ArrayList<>(clients.size());
        List<Object> bands = new ArrayList<>(clients.size());
        List<Object> stages = new ArrayList<>(clients.size());
        List<Object> storedInputs = new ArrayList<>(clients.size());
        List<Object> triggerIds = new ArrayList<>(clients.size());
        for (UUID client : clients) {
            HealthScore current = changed.get(client);
            scores.add(BigDecimal.valueOf(current.score()));
            bands.add(current.band().name());
            stages.add(current.stage().name());
            storedInputs.add(json(inputs.getOrDefault(client, Map.of())));
            triggerIds.add(triggers.get(client));
        }
        int modelVersion = changed.values().iterator().next().modelVersion();
        // the scores and the clients' pointers to them in one statement
        Map<UUID, Long> ids = new HashMap<>();
        sql.query("""
                with scored as (
                    insert into health_score (client_id, scored_at, model_version, score, band, stage, inputs, trigger_kind, trigger_id)
                    select u.client_id, cast(? as timestamptz), cast(? as integer), u.score, u.band, u.stage, cast(u.inputs as jsonb),
                           cast(? as text), u.trigger_id
                    from unnest(?, ?, ?, ?, ?, ?) as u(client_id, score, band, stage, inputs, trigger_id)
                    returning id, client_id, scored_at, model_version, score, band)
                insert into client_health (client_id, score_id, score, band, scored_at, model_version)
                select client_id, id, score, band, scored_at, model_version from scored
                on conflict (client_id) do update set score_id = excluded.score_id, score = excluded.score,
                    band = excluded.band, scored_at = excluded.scored_at, model_version = excluded.model_version
                returning client_id, score_id""", row -> ids.put(row.uuid(1), row.getLong(2)),
                Timestamp.from(now), modelVersion, triggerKind, sql.uuids(clients), sql.array("numeric", scores),
                sql.array("text", bands), sql.array("text", stages), sql.array("text", storedInputs), sql.array("text", triggerIds));

        Map<UUID, StoredScore> stored = new LinkedHashMap<>();
        List<OutboxWriter.Pending> events = new ArrayList<>(clients.size());
        for (UUID client : clients) {
            HealthScore current = changed.get(client);
            HealthScore before = previousScores.get(client);
            Double previousValue = before == null ? null : before.score();
            Set<HealthFlag> flags = HealthFlags.evaluate(current.score(), previousValue, monthAgo.get(client));
            List<HealthScoreChanged.Driver> drivers = before == null ? List.of()
                    : ScoreComparison.between(before, current).drivers().stream()
                    .map(change -> new HealthScoreChanged.Driver(change.component().name(), change.previousValue(),
                            change.currentValue(), change.change()))
                    .toList();
            events.add(new OutboxWriter.Pending(client.toString(), new HealthScoreChanged(
                    client.toString(), current.modelVersion(), previousValue, before == null ? null : before.band().name(),
                    current.score(), current.band().name(), before == null ? null : round1(current.score() - before.score()),
                    drivers, flags.stream().map(Enum::name).sorted().toList(),
                    new HealthScoreChanged.Trigger(triggerKind, triggers.get(client)), now)));
            stored.put(client, new StoredScore(ids.get(client), client, now, current, triggerKind, triggers.get(client)));
            recent.put(client, ids.get(client), current);
        }
        outbox.publishAll(EventCatalogue.HEALTH_SCORE_CHANGED, events);
        return stored;
    }

    /** Current metric values plus engagement derived from logged activities, for many clients. */
    private Map<UUID, Map<String, Double>> inputsOf(BulkSql sql, Array ids, LocalDate today,
                                                    Map<UUID, Map<String, MetricReading>> readings) throws SQLException {
        Map<UUID, Map<String, Double>> inputs = new HashMap<>();
        sql.query("select m.client_id, m.metric, m.value, m.occurred_at from unnest(?) as u(id) join client_metric m on m.client_id = u.id", row -> {
            UUID client = row.uuid(1);
            String metric = row.string(2);
            double value = row.getDouble(3);
            inputs.computeIfAbsent(client, id -> new HashMap<>()).put(metric, value);
            readings.computeIfAbsent(client, id -> new HashMap<>()).put(metric, new MetricReading(value, row.getTimestamp(4).toInstant()));
        }, ids);
        sql.query("""
                select e.client_id, max(e.occurred_on), count(*) filter (where e.occurred_on > ?)
                from unnest(?) as u(id) join engagement_signal e on e.client_id = u.id
                where e.occurred_on <= ? group by e.client_id""", row -> {
            LocalDate last = row.getDate(2).toLocalDate();
            Map<String, Double> client = inputs.computeIfAbsent(row.uuid(1), id -> new HashMap<>());
            client.put(DefaultScoringModel.DAYS_SINCE_LAST_ENGAGEMENT, (double) Math.max(0, ChronoUnit.DAYS.between(last, today)));
            client.put(DefaultScoringModel.ENGAGEMENTS_LAST_90_DAYS, (double) row.getLong(3));
        }, java.sql.Date.valueOf(today.minusDays(90)), ids, java.sql.Date.valueOf(today));
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
        var query = em.createNativeQuery("select id, client_id, scored_at, trigger_kind, trigger_id, "
                + EXPLANATION_COLUMNS + " from health_score " + where);
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
        return ((List<?>) query.getResultList()).stream().map(row -> {
            Object[] c = (Object[]) row;
            Instant scoredAt = SqlValues.instant(c[2]);
            HealthScore explained = explanation((String) c[5], ((Number) c[6]).intValue(), (String) c[7], (String) c[8]);
            return new StoredScore(((Number) c[0]).longValue(), (UUID) c[1], scoredAt, explained, (String) c[3], (String) c[4]);
        }).toList();
    }

    /** The columns {@link #explanation} reads, in its parameter order. */
    private static final String EXPLANATION_COLUMNS = "explanation::text, model_version, stage, inputs::text";
    private static final TypeReference<Map<String, Double>> INPUTS = new TypeReference<>() {
    };

    /**
     * A stored score's explanation: the one it was stored with (scores from before V11), or rebuilt from
     * its model version, stage and inputs; the scorer is a pure function of them and a model version never changes.
     */
    private HealthScore explanation(String stored, int modelVersion, String stage, String inputs) {
        if (stored != null) {
            return read(stored);
        }
        try {
            Map<String, Double> values = mapper.readValue(inputs, INPUTS);
            return HealthScorer.score(models.version(modelVersion), LifecycleStage.valueOf(stage), values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score inputs are unreadable", e);
        }
    }

    private String json(Map<String, Double> inputs) {
        try {
            return mapper.writeValueAsString(inputs);
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
