package io.rhythm.health.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Churn and renewal outcomes per client, the ground truth of backtests: one per client and date
 * (recording it again replaces it, so recording the same outcome twice leaves one row). Used by
 * {@code POST /api/v1/health/outcomes} and by CRM sync.
 */
@ApplicationScoped
public class Outcomes {

    public static final String CHURNED = "CHURNED";
    public static final String RENEWED = "RENEWED";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** The client must exist (the caller checks it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID clientId, String outcome, LocalDate date, String recordedBy) {
        em.createNativeQuery("""
                        insert into client_outcome (client_id, outcome, outcome_date, recorded_by, recorded_at) values (?1, ?2, ?3, ?4, ?5)
                        on conflict (client_id, outcome_date) do update set outcome = excluded.outcome,
                            recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                .setParameter(1, clientId).setParameter(2, outcome).setParameter(3, Date.valueOf(date))
                .setParameter(4, recordedBy).setParameter(5, Timestamp.from(Instant.now(clock))).executeUpdate();
    }
}
