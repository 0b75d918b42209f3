package io.rhythm.segmentation.service;

import io.quarkus.scheduler.Scheduled;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.CadenceBreached;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.segmentation.domain.ComplianceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Finds Activity Register items that are overdue on a date and publishes {@code CadenceBreached} for each once (per
 * client, activity type and due date: table cadence_breach). Runs daily (rhythm.register.breach-cron).
 */
@ApplicationScoped
public class RegisterScan {

    @Inject
    Compliance compliance;
    @Inject
    Portfolio portfolio;
    @Inject
    History history;
    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;

    @Scheduled(cron = "${rhythm.register.breach-cron}", identity = "segment-register-breaches")
    void daily() {
        scan(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** @return how many items newly breached */
    @Transactional
    public int scan(LocalDate asOf) {
        int breached = 0;
        for (Compliance.Row row : compliance.rows(asOf, portfolio.all(), history.segmentsAt(asOf))) {
            if (!row.item().status().equals(ComplianceStatus.OVERDUE.name())) {
                continue;
            }
            int inserted = em.createNativeQuery("""
                            insert into cadence_breach (client_id, activity_type, due_date, segment, detected_on)
                            values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                    .setParameter(1, row.client().clientId()).setParameter(2, row.item().activityType())
                    .setParameter(3, row.item().nextDue()).setParameter(4, row.segment()).setParameter(5, asOf).executeUpdate();
            if (inserted == 1) {
                breached++;
                String client = row.client().clientId().toString();
                outbox.publish(EventCatalogue.CADENCE_BREACHED, client, new CadenceBreached(client, row.item().activityType(),
                        row.item().cadence(), row.segment(), row.item().nextDue(), row.item().lastHeld(), asOf));
            }
        }
        return breached;
    }
}
