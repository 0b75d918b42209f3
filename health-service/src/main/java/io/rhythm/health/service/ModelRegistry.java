package io.rhythm.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.rhythm.health.domain.scoring.DefaultScoringModel;
import io.rhythm.health.domain.scoring.ScoringModel;
import io.rhythm.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored scoring models and which one is active. The default model (v1) is stored on first start.
 * The active model is cached and re-checked every few seconds, so an activation on one replica
 * reaches the others quickly.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Duration RECHECK = Duration.ofSeconds(5);

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    private volatile ScoringModel active;
    /** Models by version, read once each: a version never changes once created. */
    private final Map<Integer, ScoringModel> versions = new ConcurrentHashMap<>();
    private volatile Instant checkedAt = Instant.EPOCH;

    public record StoredModel(ScoringModel model, Instant createdAt, String createdBy, boolean active, Instant activatedAt,
                              String activatedBy) {
    }

    void storeDefault(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(() -> {
            ScoringModel v1 = DefaultScoringModel.v1();
            em.createNativeQuery("""
                            insert into scoring_model (version, name, definition, created_at, created_by, active, activated_at, activated_by)
                            select ?1, ?2, cast(?3 as jsonb), ?4, 'rhythm', true, ?4, 'rhythm'
                            where not exists (select 1 from scoring_model)""")
                    .setParameter(1, v1.version()).setParameter(2, v1.name()).setParameter(3, json(v1))
                    .setParameter(4, Timestamp.from(Instant.now(clock))).executeUpdate();
        });
    }

    public ScoringModel active() {
        ScoringModel current = active;
        if (current == null || checkedAt.plus(RECHECK).isBefore(Instant.now())) {
            current = QuarkusTransaction.joiningExisting().call(() -> {
                List<?> rows = em.createNativeQuery("select definition::text from scoring_model where active").getResultList();
                return rows.isEmpty() ? DefaultScoringModel.v1() : read((String) rows.get(0));
            });
            active = current;
            checkedAt = Instant.now();
        }
        return current;
    }

    public int nextVersion() {
        return ((Number) em.createNativeQuery("select coalesce(max(version), 0) + 1 from scoring_model").getSingleResult()).intValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StoredModel create(ScoringModel model, String createdBy) {
        em.createNativeQuery("insert into scoring_model (version, name, definition, created_at, created_by) values (?1, ?2, cast(?3 as jsonb), ?4, ?5)")
                .setParameter(1, model.version()).setParameter(2, model.name()).setParameter(3, json(model))
                .setParameter(4, Timestamp.from(Instant.now(clock))).setParameter(5, createdBy).executeUpdate();
        return find(model.version()).orElseThrow();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void activate(int version, String activatedBy) {
        em.createNativeQuery("update scoring_model set active = false where active and version <> ?1").setParameter(1, version).executeUpdate();
        em.createNativeQuery("update scoring_model set active = true, activated_at = ?2, activated_by = ?3 where version = ?1")
                .setParameter(1, version).setParameter(2, Timestamp.from(Instant.now(clock))).setParameter(3, activatedBy)
                .executeUpdate();
        active = null; // this replica switches at once
    }

    /**
     * The model of a version, for rebuilding the explanation of a score it produced. A version never
     * changes once created, so each is read once and kept.
     */
    public ScoringModel version(int version) {
        ScoringModel model = versions.get(version);
        if (model == null) {
            model = QuarkusTransaction.joiningExisting().call(() -> find(version))
                    .orElseThrow(() -> new IllegalStateException("scoring model v" + version + " is not stored"))
                    .model();
            versions.put(version, model);
        }
        return model;
    }

    public Optional<StoredModel> find(int version) {
        return models("where version = ?1", version).stream().findFirst();
    }

    public List<StoredModel> all() {
        return models("order by version");
    }

    private List<StoredModel> models(String clause, Object... args) {
        var query = em.createNativeQuery("select definition::text, created_at, created_by, active, activated_at, activated_by "
                + "from scoring_model " + clause);
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
        List<StoredModel> models = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            models.add(new StoredModel(read((String) c[0]), SqlValues.instant(c[1]), (String) c[2], (Boolean) c[3],
                    SqlValues.instant(c[4]), (String) c[5]));
        }
        return models;
    }

    private String json(ScoringModel model) {
        try {
            return mapper.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ScoringModel read(String json) {
        try {
            return mapper.readValue(json, ScoringModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scoring model is unreadable", e);
        }
    }
}
