package io.rhythm.segmentation.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.segmentation.domain.ClassifierInput;
import io.rhythm.segmentation.domain.ClientSegmentState;
import io.rhythm.segmentation.domain.SegmentAssignment;
import io.rhythm.segmentation.domain.SegmentModel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Re-segments the whole portfolio after a model activation, in the background: inputs are read once, then a batch
 * of clients per transaction is placed by the new model at once (no confirmation wait: the model changed, not the
 * client), migrations published as usual; progress is stored on the job. Overrides stay in force.
 */
@ApplicationScoped
public class Resegmentation {

    private static final Logger LOG = Logger.getLogger(Resegmentation.class);

    @Inject
    EntityManager em;
    @Inject
    Inputs inputs;
    @Inject
    ModelRegistry models;
    @Inject
    SegmentEngine engine;
    @Inject
    Clock clock;
    @ConfigProperty(name = "rhythm.resegment.batch-size", defaultValue = "1000")
    int batchSize;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "segmentation-resegment"));

    /** {@code changed}: clients that moved; {@code effectiveFrom}: the day the re-segmentation is dated (null: when it ran). */
    public record Job(String id, int modelVersion, String status, int total, int done, int changed, double percent,
                      String requestedBy, Instant startedAt, Instant finishedAt, String error, LocalDate effectiveFrom) {
    }

    /** Records a job in the caller's transaction; {@link #run} it after that commits. */
    public UUID create(int version, String by, LocalDate effectiveFrom) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into segment_job (id, model_version, status, total, requested_by, started_at, effective_from)
                        values (?1, ?2, 'RUNNING', ?3, ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, version).setParameter(3, inputs.allClients().size())
                .setParameter(4, by).setParameter(5, Instant.now(clock)).setParameter(6, effectiveFrom).executeUpdate();
        return id;
    }

    public void run(UUID id) {
        executor.submit(() -> {
            try {
                execute(id);
            } catch (RuntimeException e) {
                LOG.errorf(e, "re-segmentation %s failed", id);
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                "update segment_job set status = 'FAILED', error = ?1, finished_at = ?2 where id = ?3")
                        .setParameter(1, String.valueOf(e.getMessage())).setParameter(2, Instant.now(clock)).setParameter(3, id)
                        .executeUpdate());
            }
        });
    }

    private void execute(UUID id) {
        Job job = QuarkusTransaction.requiringNew().call(() -> find(id).orElseThrow());
        int version = job.modelVersion();
        Instant effectiveFrom = job.effectiveFrom() == null ? null : job.effectiveFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
        SegmentModel model = QuarkusTransaction.requiringNew().call(() -> models.model(version));
        List<UUID> clients = QuarkusTransaction.requiringNew().call(inputs::allClients);
        Map<UUID, ClassifierInput> all = QuarkusTransaction.requiringNew().call(() -> inputs.load(null, model));
        ClassifierInput none = new ClassifierInput(null, 0, null, null, null);
        int done = 0;
        int changed = 0;
        for (int from = 0; from < clients.size(); from += batchSize) {
            List<UUID> batch = clients.subList(from, Math.min(clients.size(), from + batchSize));
            int moved = QuarkusTransaction.requiringNew().call(() -> {
                Map<UUID, ClientSegmentState> states = new HashMap<>();
                ClientSegmentState.<ClientSegmentState>list("clientId in ?1", batch).forEach(s -> states.put(s.clientId, s));
                int n = 0;
                for (UUID client : batch) {
                    ClientSegmentState state = states.computeIfAbsent(client, engine::state);
                    SegmentAssignment m = engine.apply(state, model, all.getOrDefault(client, none), "MODEL_ACTIVATION",
                            "model-" + version, true, effectiveFrom);
                    if (m != null && m.segment != m.fromSegment) {
                        n++;
                    }
                }
                return n;
            });
            done += batch.size();
            changed += moved;
            int d = done;
            int c = changed;
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update segment_job set done = ?1, changed = ?2 where id = ?3")
                    .setParameter(1, d).setParameter(2, c).setParameter(3, id).executeUpdate());
        }
        int d = done;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update segment_job set status = 'DONE', done = ?1, total = ?1, finished_at = ?2 where id = ?3")
                .setParameter(1, d).setParameter(2, Instant.now(clock)).setParameter(3, id).executeUpdate());
        LOG.infof("re-segmentation %s: model %d, %d clients, %d migrated", id, version, done, changed);
    }

    public Optional<Job> find(UUID id) {
        List<?> rows = em.createNativeQuery("""
                        select id, model_version, status, total, done, changed, requested_by, started_at, finished_at, error,
                               effective_from
                        from segment_job where id = ?1""").setParameter(1, id).getResultList();
        return rows.stream().map(r -> {
            Object[] c = (Object[]) r;
            int total = ((Number) c[3]).intValue();
            int done = ((Number) c[4]).intValue();
            return new Job(c[0].toString(), ((Number) c[1]).intValue(), (String) c[2], total, done, ((Number) c[5]).intValue(),
                    total == 0 ? 100.0 : Math.round(done * 1000.0 / total) / 10.0, (String) c[6], SqlValues.instant(c[7]),
                    SqlValues.instant(c[8]), (String) c[9], SqlValues.localDate(c[10]));
        }).findFirst();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
