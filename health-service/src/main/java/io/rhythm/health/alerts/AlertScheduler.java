package io.rhythm.health.alerts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rhythm.health.domain.alerts.AlertRules;
import io.rhythm.health.domain.alerts.AlertStatus;
import io.rhythm.health.domain.scoring.DefaultScoringModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The time-based part of alerting, on a timer: raises inactivity alerts for clients that crossed 14
 * days without a login since their last signal, and escalates missed SLAs. All state is in the
 * database (timers with their deadlines; a timer row records its escalation), so a restart or a
 * stopped service loses nothing: the next scan catches up, and each escalation happens once. Each
 * client and each escalation is its own transaction, so one failure does not hold back the rest.
 */
@ApplicationScoped
public class AlertScheduler {

    private static final Logger LOG = Logger.getLogger(AlertScheduler.class);
    /** Most clients and escalations one scan handles; the next scan takes the rest. */
    static final int BATCH = 1000;

    /** What one scan did. */
    public record ScanResult(int inactivityAlertsRaised, int escalations) {
    }

    @Inject
    EntityManager em;
    @Inject
    Alerts alerts;
    @Inject
    AlertEvaluation evaluation;
    @Inject
    Clock clock;

    @Scheduled(identity = "alert-sla-scan", every = "${rhythm.alerts.scan-every:60s}", delayed = "${rhythm.alerts.scan-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledScan() {
        try {
            ScanResult result = scan();
            if (result.inactivityAlertsRaised() + result.escalations() > 0) {
                LOG.infof("Alert scan: %d inactivity alerts raised, %d SLA escalations", result.inactivityAlertsRaised(),
                        result.escalations());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Alert scan failed; the next scan retries");
        }
    }

    /** One scan at the clock's current instant. */
    public ScanResult scan() {
        Instant now = Instant.now(clock);
        return new ScanResult(raiseInactivity(now), escalateMissedSlas(now));
    }

    int raiseInactivity(Instant now) {
        List<UUID> clients = QuarkusTransaction.requiringNew().call(() -> ((List<?>) em.createNativeQuery("""
                        select m.client_id from client_metric m
                        where m.metric = ?1
                          and greatest(m.value, 0) * 86400 + greatest(extract(epoch from (cast(?2 as timestamptz) - m.occurred_at)), 0) >= ?3 * 86400
                          and not exists (select 1 from alert a where a.client_id = m.client_id and a.type = 'INACTIVITY'
                                          and a.status <> 'RESOLVED')
                        order by m.occurred_at limit ?4""")
                .setParameter(1, DefaultScoringModel.DAYS_SINCE_LAST_LOGIN).setParameter(2, Timestamp.from(now))
                .setParameter(3, AlertRules.INACTIVE_DAYS).setParameter(4, BATCH).getResultList())
                .stream().map(UUID.class::cast).toList());
        int raised = 0;
        for (UUID clientId : clients) {
            try {
                raised += QuarkusTransaction.requiringNew().call(() -> evaluation.evaluate(clientId, now));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Alert scan: cannot evaluate client %s", clientId);
            }
        }
        return raised;
    }

    int escalateMissedSlas(Instant now) {
        List<Map.Entry<UUID, AlertStatus>> due = QuarkusTransaction.requiringNew().call(() -> alerts.dueForEscalation(now, BATCH));
        int escalated = 0;
        for (Map.Entry<UUID, AlertStatus> timer : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> alerts.escalate(timer.getKey(), timer.getValue(), now))) {
                    escalated++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Alert scan: cannot escalate alert %s (%s)", timer.getKey(), timer.getValue());
            }
        }
        return escalated;
    }
}
