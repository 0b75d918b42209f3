package io.rhythm.nps.service.closedloop;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rhythm.nps.domain.closedloop.SlaStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The time-based part of the closed loop, on a timer: escalates breached detractor-case stages (once
 * each) and hands cases whose 30-day follow-up survey is due to {@link DetractorCases#followUpDue}. All
 * state is in the database, so a restart loses nothing and repeats nothing; each escalation is its own
 * transaction, so one failure does not hold back the rest.
 */
@ApplicationScoped
public class ClosedLoopScheduler {

    private static final Logger LOG = Logger.getLogger(ClosedLoopScheduler.class);
    /** Most escalations and follow-ups one scan handles; the next scan takes the rest. */
    static final int BATCH = 500;

    public record ScanResult(int escalations, int followUpsRequested) {
    }

    @Inject
    DetractorCases cases;
    @Inject
    Clock clock;

    @Scheduled(identity = "detractor-case-scan", every = "${rhythm.nps.cases.scan-every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledScan() {
        try {
            ScanResult result = scan();
            if (result.escalations() + result.followUpsRequested() > 0) {
                LOG.infof("Detractor case scan: %d escalations, %d follow-up surveys due", result.escalations(),
                        result.followUpsRequested());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Detractor case scan failed; the next scan retries");
        }
    }

    /** One scan at the clock's current instant. */
    public ScanResult scan() {
        Instant now = Instant.now(clock);
        int escalated = 0;
        List<Map.Entry<UUID, SlaStage>> due = QuarkusTransaction.requiringNew().call(() -> cases.dueForEscalation(now, BATCH));
        for (Map.Entry<UUID, SlaStage> stage : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> cases.escalate(stage.getKey(), stage.getValue(), now))) {
                    escalated++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Detractor case scan: cannot escalate case %s (%s)", stage.getKey(), stage.getValue());
            }
        }
        int requested = 0;
        for (UUID caseId : QuarkusTransaction.requiringNew().call(() -> cases.followUpsDue(now, BATCH))) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> cases.followUpDue(caseId, now))) {
                    requested++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Detractor case scan: cannot request the follow-up of case %s", caseId);
            }
        }
        return new ScanResult(escalated, requested);
    }
}
