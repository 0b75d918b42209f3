package io.rhythm.health.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.rhythm.platform.persistence.SqlValues;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Full recompute of the portfolio: every client rescored with the active model, a batch per
 * transaction, progress stored on the job (and logged) as it goes. Rescoring is idempotent, so a job
 * that was running when the service stopped is simply run again at the next start.
 */
@ApplicationScoped
public class RecomputeJobs {

    private static final Logger LOG = Logger.getLogger(RecomputeJobs.class);

    @Inject
    EntityManager em;
    @Inject
    HealthScoring scoring;
    @Inject
    ModelRegistry models;
    /** One job at a time per replica; jobs queue behind each other. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "health-recompute"));
    @Inject
    Clock clock;
    @ConfigProperty(name = "rhythm.recompute.batch-size", defaultValue = "1000")
    int batchSize;

    public record Job(String id, int modelVersion, String reason, String status, int total, int done, int changed,
                      double percent, Double clientsPerSecond, String requestedBy, Instant startedAt, Instant finishedAt,
                      String error) {
    }

    /** Records a new job (in the caller's transaction); {@link #run} it once that transaction has committed. */
    public UUID create(int modelVersion, String reason, String requestedBy) {
        UUID id = UUID.randomUUID();
        int total = ((Number) em.createNativeQuery("select count(*) from client").getSingleResult()).intValue();
        em.createNativeQuery("""
                        insert into recompute_job (id, model_version, reason, status, total, requested_by, started_at)
                        values (?1, ?2, ?3, 'RUNNING', ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, modelVersion).setParameter(3, reason).setParameter(4, total)
                .setParameter(5, requestedBy).setParameter(6, Timestamp.from(Instant.now(clock))).executeUpdate();
        return id;
    }

    public void run(UUID jobId) {
        executor.submit(() -> execute(jobId));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow(); // an interrupted job stays RUNNING and resumes at the next start
    }

    /**
     * Time moves inputs without any signal (days since the last engagement): rescore everyone daily.
     * Skipped while another job is still running.
     */
    @io.quarkus.scheduler.Scheduled(cron = "${rhythm.recompute.daily-cron:0 30 2 * * ?}", identity = "daily-recompute")
    void daily() {
        UUID job = QuarkusTransaction.requiringNew().call(() -> {
            boolean running = !em.createNativeQuery("select 1 from recompute_job where status = 'RUNNING'").getResultList().isEmpty();
            return running ? null : create(models.active().version(), "recompute", "rhythm (daily)");
        });
        if (job != null) {
            run(job);
        }
    }

    void resumeInterrupted(@Observes StartupEvent startup) {
        List<?> running = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select id from recompute_job where status = 'RUNNING'").getResultList());
        running.forEach(id -> {
            LOG.infof("Resuming recompute %s, interrupted by the last stop", id);
            run((UUID) id);
        });
    }

    /** Rescores every client, in id order, one batch per transaction (set-based: {@link HealthScoring#rescoreAll}). */
    void execute(UUID jobId) {
        Instant started = Instant.now();
        UUID after = new UUID(0, 0); // the nil UUID sorts first in PostgreSQL (unsigned byte order)
        int done = 0;
        int changed = 0;
        try {
            String trigger = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                    "select reason from recompute_job where id = ?1").setParameter(1, jobId).getSingleResult());
            setProgress(jobId, 0, 0, "RUNNING", null, false);
            while (true) {
                UUID from = after;
                List<?> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                                "select id from client where id > ?1 order by id limit ?2")
                        .setParameter(1, from).setParameter(2, batchSize).getResultList());
                if (ids.isEmpty()) {
                    break;
                }
                int batchChanged = QuarkusTransaction.requiringNew().timeout(300).call(() -> {
                    Map<UUID, String> triggers = new LinkedHashMap<>();
                    ids.forEach(id -> triggers.put((UUID) id, jobId.toString()));
                    return scoring.rescoreAll(triggers, trigger).size();
                });
                done += ids.size();
                changed += batchChanged;
                after = (UUID) ids.get(ids.size() - 1);
                setProgress(jobId, done, changed, "RUNNING", null, false);
                double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
                LOG.infof("Recompute %s: %d clients done, %d rescored (%.0f clients/s)", jobId, done, changed, done / seconds);
            }
            setProgress(jobId, done, changed, "DONE", null, true);
            LOG.infof("Recompute %s finished: %d clients in %s", jobId, done, Duration.between(started, Instant.now()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Recompute %s failed after %d clients", jobId, done);
            setProgress(jobId, done, changed, "FAILED", e.toString(), true);
        }
    }

    public Optional<Job> find(UUID jobId) {
        List<?> rows = em.createNativeQuery("""
                        select id, model_version, reason, status, total, done, changed, requested_by, started_at, finished_at, error
                        from recompute_job where id = ?1""").setParameter(1, jobId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] c = (Object[]) rows.get(0);
        int total = ((Number) c[4]).intValue();
        int done = ((Number) c[5]).intValue();
        Instant startedAt = SqlValues.instant(c[8]);
        Instant finishedAt = SqlValues.instant(c[9]);
        double seconds = Duration.between(startedAt, finishedAt != null ? finishedAt : Instant.now(clock)).toMillis() / 1000.0;
        return Optional.of(new Job(c[0].toString(), ((Number) c[1]).intValue(), (String) c[2], (String) c[3], total, done,
                ((Number) c[6]).intValue(), total == 0 ? 100.0 : Math.min(100.0, Math.round(1000.0 * done / total) / 10.0),
                seconds > 0 ? Math.round(done / seconds * 10) / 10.0 : null, (String) c[7], startedAt, finishedAt, (String) c[10]));
    }

    private void setProgress(UUID jobId, int done, int changed, String status, String error, boolean finished) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update recompute_job set done = ?2, changed = ?3, status = ?4, error = ?5,
                            finished_at = case when ?6 then ?7 else finished_at end where id = ?1""")
                .setParameter(1, jobId).setParameter(2, done).setParameter(3, changed).setParameter(4, status)
                .setParameter(5, error).setParameter(6, finished).setParameter(7, Timestamp.from(Instant.now(clock)))
                .executeUpdate());
    }
}
