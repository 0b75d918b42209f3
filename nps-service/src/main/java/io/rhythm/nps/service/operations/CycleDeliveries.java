package io.rhythm.nps.service.operations;

import io.rhythm.nps.domain.Delivery;
import io.rhythm.nps.domain.SurveyCycle;
import io.rhythm.nps.domain.operations.DueOperations;
import io.rhythm.nps.domain.schedule.MilestoneCode;
import io.rhythm.platform.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Who delivers a cycle ({@link Delivery}) and the explicit extension of its close date (issue 17: the scan closes every
 * cycle at the end of its close date, whatever its channel, unless someone extends it).
 */
@ApplicationScoped
public class CycleDeliveries {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /**
     * Sets who delivers the cycle: 404 unknown, 409 once closed, and 409 when it would become EXTERNAL after Rhythm has
     * already sent invitations of it (those people have links; the cycle stays Rhythm's).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SurveyCycle setDelivery(UUID cycleId, Delivery delivery, String tool) {
        SurveyCycle cycle = lockOpen(cycleId);
        if (delivery == Delivery.EXTERNAL && cycle.delivery != Delivery.EXTERNAL) {
            Number invited = (Number) em.createNativeQuery("select count(*) from survey_invitation where cycle_id = ?1")
                    .setParameter(1, cycleId).getSingleResult();
            if (invited.intValue() > 0) {
                throw ApiException.conflict("Rhythm has already invited " + invited + " people to " + cycle.name
                        + ": it cannot be handed to another tool now");
            }
        }
        cycle.delivery = delivery;
        cycle.deliveryTool = delivery == Delivery.EXTERNAL ? (tool == null || tool.isBlank() ? "HubSpot" : tool.strip()) : null;
        return cycle;
    }

    /**
     * Moves the close date later, before the cycle has closed (404 unknown, 409 closed or its close date already ended,
     * 400 not later than the current close date): the SURVEY_CLOSE milestone and the unanswered invitations' links
     * move with it, and the scan closes the cycle at the end of the new date.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SurveyCycle extend(UUID cycleId, LocalDate closeDate, String by) {
        SurveyCycle cycle = lockOpen(cycleId);
        Instant now = Instant.now(clock);
        if (!now.isBefore(DueOperations.closesAt(cycle.closeDate))) {
            throw ApiException.conflict(cycle.name + "'s close date " + cycle.closeDate + " has ended: it is closed at the "
                    + "next scan and cannot be extended any more");
        }
        if (!closeDate.isAfter(cycle.closeDate)) {
            throw ApiException.invalid("closeDate", "must be after the current close date " + cycle.closeDate);
        }
        cycle.closeDate = closeDate;
        cycle.closeExtendedAt = now;
        cycle.closeExtendedBy = by;
        em.createNativeQuery("update cycle_milestone set due_date = ?1 where cycle_id = ?2 and code = ?3")
                .setParameter(1, Date.valueOf(closeDate)).setParameter(2, cycleId)
                .setParameter(3, MilestoneCode.SURVEY_CLOSE.name()).executeUpdate();
        em.createNativeQuery("update survey_invitation set expires_at = ?1 where cycle_id = ?2 and responded_at is null")
                .setParameter(1, Timestamp.from(DueOperations.closesAt(closeDate))).setParameter(2, cycleId).executeUpdate();
        return cycle;
    }

    private SurveyCycle lockOpen(UUID cycleId) {
        SurveyCycle cycle = SurveyCycle.findById(cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (cycle == null) {
            throw ApiException.notFound("Survey cycle", cycleId);
        }
        if (cycle.isClosed()) {
            throw ApiException.conflict(cycle.name + " was closed at " + cycle.closedAt + " by " + cycle.closedBy);
        }
        return cycle;
    }
}
