package io.rhythm.segmentation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.segmentation.api.ModelDocument;
import io.rhythm.segmentation.domain.SegmentModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Segment model versions (table segment_model): one ACTIVE, older ones RETIRED, reviews as DRAFT. Versions never change. */
@ApplicationScoped
public class ModelRegistry {

    private static final String COLUMNS = "version, status, created_by, created_at, activated_by, activated_at, document";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    private final Map<Integer, SegmentModel> models = new ConcurrentHashMap<>();

    public record StoredModel(int version, String status, String createdBy, Instant createdAt, String activatedBy,
                              Instant activatedAt, ModelDocument model) {
    }

    public List<StoredModel> all() {
        return rows("select " + COLUMNS + " from segment_model order by version", null);
    }

    public Optional<StoredModel> find(int version) {
        return rows("select " + COLUMNS + " from segment_model where version = ?1", version).stream().findFirst();
    }

    public StoredModel require(int version) {
        return find(version).orElseThrow(() -> ApiException.notFound("Segment model version", version));
    }

    public int activeVersion() {
        return ((Number) em.createNativeQuery("select version from segment_model where status = 'ACTIVE'").getSingleResult()).intValue();
    }

    public SegmentModel active() {
        return model(activeVersion());
    }

    /** The domain model of a version (cached: versions are immutable). */
    public SegmentModel model(int version) {
        return models.computeIfAbsent(version, v -> ModelCodec.toModel(v, require(v).model()));
    }

    /** Stores a new DRAFT version (the next number) after validating it; 400 with every problem. */
    public StoredModel create(ModelDocument document, String by) {
        int version = ((Number) em.createNativeQuery("select coalesce(max(version), 0) + 1 from segment_model")
                .getSingleResult()).intValue();
        SegmentModel model = ModelCodec.toModel(version, document);
        em.createNativeQuery("""
                        insert into segment_model (version, name, status, document, created_by, created_at)
                        values (?1, ?2, 'DRAFT', ?3, ?4, ?5)""")
                .setParameter(1, version).setParameter(2, model.name()).setParameter(3, Json.write(ModelCodec.toDocument(model)))
                .setParameter(4, by).setParameter(5, Instant.now(clock)).executeUpdate();
        return require(version);
    }

    /** Makes a DRAFT the active version and retires the previous one; 409 unless it is a draft. */
    public void activate(int version, String by) {
        StoredModel stored = require(version);
        if (!stored.status().equals("DRAFT")) {
            throw ApiException.conflict("Segment model version " + version + " is " + stored.status() + ": only a DRAFT can be activated");
        }
        em.createNativeQuery("update segment_model set status = 'RETIRED' where status = 'ACTIVE'").executeUpdate();
        em.createNativeQuery("update segment_model set status = 'ACTIVE', activated_by = ?1, activated_at = ?2 where version = ?3")
                .setParameter(1, by).setParameter(2, Instant.now(clock)).setParameter(3, version).executeUpdate();
    }

    private List<StoredModel> rows(String sql, Integer version) {
        var query = em.createNativeQuery(sql);
        if (version != null) {
            query.setParameter(1, version);
        }
        return ((List<?>) query.getResultList()).stream().map(row -> {
            Object[] c = (Object[]) row;
            try {
                return new StoredModel(((Number) c[0]).intValue(), (String) c[1], (String) c[2], SqlValues.instant(c[3]),
                        (String) c[4], SqlValues.instant(c[5]), Json.mapper().readValue((String) c[6], ModelDocument.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("segment model " + c[0] + " is unreadable", e);
            }
        }).toList();
    }
}
