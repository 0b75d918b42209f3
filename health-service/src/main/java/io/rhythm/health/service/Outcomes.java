package io.rhythm.health.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Churn and renewal outcomes per client, the ground truth of backtests: one per client and date
 * (recording it again replaces it, so recording the same outcome twice leaves one row). Used by
 * {@code POST /api/v1/health/outcomes}, by CRM sync and by planning's renewal outcomes (RenewalOutcomeRecorded).
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
        upsert(clientId, outcome, date, recordedBy, null, null);
    }

    /**
     * An outcome recorded on a renewal in planning-service (RenewalOutcomeRecorded), on the contract end date:
     * CHURNED stays CHURNED; RENEWED and RENEWED_WITH_CHANGE (the client stayed, possibly downsized) are RENEWED for
     * the backtest, which judges churn warnings, and planning's outcome is kept beside it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRenewal(UUID clientId, UUID renewalId, String renewalOutcome, LocalDate contractEnd, String recordedBy) {
        upsert(clientId, CHURNED.equals(renewalOutcome) ? CHURNED : RENEWED, contractEnd, recordedBy, renewalId, renewalOutcome);
    }

    private void upsert(UUID clientId, String outcome, LocalDate date, String recordedBy, UUID renewalId, String renewalOutcome) {
        // typed parameters: the renewal's two are null for outcomes from the API and CRM sync
        em.createNativeQuery("""
                        insert into client_outcome (client_id, outcome, outcome_date, recorded_by, recorded_at, renewal_id, renewal_outcome)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (client_id, outcome_date) do update set outcome = excluded.outcome,
                            recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at,
                            renewal_id = excluded.renewal_id, renewal_outcome = excluded.renewal_outcome""")
                .unwrap(NativeQuery.class)
                .setParameter(1, clientId).setParameter(2, outcome).setParameter(3, Date.valueOf(date))
                .setParameter(4, recordedBy).setParameter(5, Timestamp.from(Instant.now(clock)))
                .setParameter(6, renewalId, UUID.class).setParameter(7, renewalOutcome, String.class).executeUpdate();
    }
}
