package io.rhythm.planning.service;

import io.quarkus.scheduler.Scheduled;
import io.rhythm.planning.domain.SapCadence;
import io.rhythm.planning.domain.SapStatus;
import io.rhythm.planning.domain.SatisfactionActionPlan;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.SatisfactionActionPlanOverdue;
import io.rhythm.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Publishes SatisfactionActionPlanOverdue when an active plan misses its monthly progress update or its quarterly
 * review (seed 000's cadence, {@link SapCadence}): once per plan, kind and due date (sap_overdue_notice). The plans also
 * show as overdue in {@code GET /api/v1/plans/saps?overdueOnly=true}, the owner's work list.
 */
@ApplicationScoped
public class SapOverdueScan {

    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;

    @Scheduled(every = "${rhythm.saps.overdue-check:1h}", delayed = "${rhythm.saps.overdue-check-delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        notifyOverdue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** @return how many overdue updates and reviews were newly published as of {@code today} */
    @Transactional
    public int notifyOverdue(LocalDate today) {
        List<SatisfactionActionPlan> active = SatisfactionActionPlan.list("status", SapStatus.ACTIVE);
        Instant now = Instant.now(clock);
        int published = 0;
        for (SatisfactionActionPlan sap : active) {
            SapCadence cadence = sap.cadence();
            if (cadence.updateOverdue(today)) {
                published += notice(sap, "UPDATE", cadence.nextUpdateDue(), now);
            }
            if (cadence.reviewOverdue(today)) {
                published += notice(sap, "REVIEW", cadence.nextReviewDue(), now);
            }
        }
        return published;
    }

    private int notice(SatisfactionActionPlan sap, String kind, LocalDate dueOn, Instant now) {
        int inserted = SatisfactionActionPlan.getEntityManager().createNativeQuery("""
                        insert into sap_overdue_notice (sap_id, kind, due_on, notified_at) values (?1, ?2, ?3, ?4)
                        on conflict do nothing""")
                .setParameter(1, sap.id).setParameter(2, kind).setParameter(3, dueOn).setParameter(4, Timestamp.from(now))
                .executeUpdate();
        if (inserted == 1) {
            outbox.publish(EventCatalogue.SATISFACTION_ACTION_PLAN_OVERDUE, sap.clientId.toString(),
                    new SatisfactionActionPlanOverdue(sap.id.toString(), sap.clientId.toString(), kind, dueOn, sap.owner,
                            sap.segment));
        }
        return inserted;
    }
}
