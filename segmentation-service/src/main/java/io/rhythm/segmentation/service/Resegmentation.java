package io.rhythm.segmentation.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.segmentation.domain.ClassifierInput;
import io.rhythm.segmentation.domain.ClientSegmentState;
import io.rhythm.segmentation.domain.SegmentModel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
    AgroalDataSource dataSource;
    @Inject
    OutboxWriter outbox;
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
    @ConfigProperty(name = "rhythm.resegment.threads", defaultValue = "2")
    int threads;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "segmentation-resegment"));
    private ExecutorService workers;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(Math.max(1, threads),
                r -> new Thread(r, "segmentation-resegment-batch-" + n.incrementAndGet()));
    }

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
        long started = System.nanoTime();
        PhaseTimes times = new PhaseTimes();
        Job job = QuarkusTransaction.requiringNew().call(() -> find(id).orElseThrow());
        int version = job.modelVersion();
        Instant effectiveFrom = job.effectiveFrom() == null ? null : job.effectiveFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
        SegmentModel model = QuarkusTransaction.requiringNew().call(() -> models.model(version));
        // the client list and the inputs are independent reads: on a worker each, before the batches need the workers
        Future<List<UUID>> listed = workers.submit(() -> QuarkusTransaction.requiringNew().call(inputs::allClients));
        Future<Map<UUID, ClassifierInput>> loaded = workers.submit(() -> QuarkusTransaction.requiringNew()
                .call(() -> inputs.load(null, model)));
        List<UUID> clients = result(id, listed);
        Map<UUID, ClassifierInput> all = result(id, loaded);
        times.since("inputs", started);
        List<Future<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < clients.size(); from += batchSize) {
            List<UUID> batch = clients.subList(from, Math.min(clients.size(), from + batchSize));
            batches.add(workers.submit(() -> {
                try {
                    return QuarkusTransaction.requiringNew().call(() -> placeBatch(id, batch, model, all, effectiveFrom, times));
                } catch (RuntimeException e) {
                    // e.g. a live assessment created a state row this batch was about to create: nothing of the batch
                    // was kept (its transaction rolled back), so it runs again and now finds that row
                    LOG.warnf("re-segmentation %s: a batch of %d clients failed (%s); running it again", id, batch.size(), e);
                    return QuarkusTransaction.requiringNew().call(() -> placeBatch(id, batch, model, all, effectiveFrom, times));
                }
            }));
        }
        int changed = 0;
        try {
            for (Future<Integer> batch : batches) {
                changed += batch.get();
            }
        } catch (InterruptedException e) {
            batches.forEach(b -> b.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("re-segmentation " + id + " interrupted", e);
        } catch (ExecutionException e) {
            batches.forEach(b -> b.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        int done = clients.size();
        int moved = changed;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update segment_job set status = 'DONE', done = ?1, total = ?1, changed = ?2, finished_at = ?3 where id = ?4")
                .setParameter(1, done).setParameter(2, moved).setParameter(3, Instant.now(clock)).setParameter(4, id).executeUpdate());
        LOG.infof("re-segmentation %s: model %d, %d clients, %d migrated in %.0f ms (%s; batch phases summed over %d threads)",
                id, version, done, changed, (System.nanoTime() - started) / 1e6, times, threads);
    }

    /**
     * One batch in one transaction, set-based: the clients' state rows in one query (a client without one is new:
     * no lookup each), placed in plain Java by {@link SegmentEngine#apply} (the classifier and rules unchanged), then
     * the states, migration records and events written as batched statements, and the job's progress with them (added
     * to it: batches run {@code rhythm.resegment.threads} at a time, each on clients of its own). Returns how many
     * clients moved.
     */
    private int placeBatch(UUID id, List<UUID> batch, SegmentModel model, Map<UUID, ClassifierInput> all,
                           Instant effectiveFrom, PhaseTimes times) {
        ClassifierInput none = new ClassifierInput(null, 0, null, null, null);
        String causeEventId = "model-" + model.version();
        Instant now = Instant.now(clock);
        long t = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, ClientSegmentState> states = BatchWrites.states(connection, batch);
            t = times.since("read states", t);
            BatchWrites writes = new BatchWrites(new HashSet<>(states.keySet()));
            for (UUID client : batch) {
                ClientSegmentState state = states.computeIfAbsent(client, c -> {
                    ClientSegmentState fresh = new ClientSegmentState();
                    fresh.clientId = c;
                    fresh.updatedAt = now;
                    return fresh;
                });
                engine.apply(state, model, all.getOrDefault(client, none), "MODEL_ACTIVATION", causeEventId, true,
                        effectiveFrom, writes);
            }
            t = times.since("place", t);
            writes.flush(connection, outbox, times);
            t = System.nanoTime();
            int moved = writes.moved();
            try (PreparedStatement progress = connection.prepareStatement(
                    "update segment_job set done = done + ?, changed = changed + ? where id = ?")) {
                progress.setInt(1, batch.size());
                progress.setInt(2, moved);
                progress.setObject(3, id);
                progress.executeUpdate();
            }
            times.since("progress", t);
            return moved;
        } catch (SQLException e) {
            throw new IllegalStateException("re-segmentation " + id + ": cannot write a batch of " + batch.size() + " clients", e);
        }
    }

    private static <T> T result(UUID id, Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("re-segmentation " + id + " interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
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
        workers.shutdownNow();
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
