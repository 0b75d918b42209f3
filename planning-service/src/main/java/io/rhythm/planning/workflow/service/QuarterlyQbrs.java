package io.rhythm.planning.workflow.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The QBR's trigger "Quarterly cadence": once per calendar quarter every client in the directory gets a QBR
 * workflow (trigger key {@code qbr:<client>:<year>-Q<n>}, so a rerun, a second replica or a restart starts none twice).
 * Checked daily; off with {@code rhythm.workflows.qbr-cadence.enabled=false}.
 */
@ApplicationScoped
public class QuarterlyQbrs {

    private static final int BATCH = 200;

    @Inject
    Workflows workflows;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @ConfigProperty(name = "rhythm.workflows.qbr-cadence.enabled", defaultValue = "true")
    boolean enabled;

    @Scheduled(cron = "${rhythm.workflows.qbr-cadence.cron:0 15 2 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        if (enabled) {
            startDue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        }
    }

    /** The quarter's label of a day, e.g. 2026-Q4. */
    public static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** Starts the quarter's QBR for every client that has none yet; returns how many were started. */
    public int startDue(LocalDate today) {
        String quarter = quarter(today);
        int started = 0;
        while (true) {
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<UUID> due = em.createNativeQuery("""
                        select d.client_id from client_directory d where not exists (select 1 from workflow_instance i
                            where i.trigger_key = 'qbr:' || d.client_id || ':' || ?1) order by d.client_id limit ?2""")
                        .setParameter(1, quarter).setParameter(2, BATCH).getResultList();
                due.forEach(client -> workflows.startByTrigger(client, "qbr", "QUARTERLY_CADENCE", "qbr:" + client + ":" + quarter));
                return due;
            });
            started += batch.size();
            if (batch.size() < BATCH) {
                return started;
            }
        }
    }
}
