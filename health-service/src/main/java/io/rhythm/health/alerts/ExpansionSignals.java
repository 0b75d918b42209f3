package io.rhythm.health.alerts;

import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.alerts.ExpansionSnapshots;
import io.rhythm.health.domain.scoring.DefaultScoringModel;
import io.rhythm.health.domain.scoring.ExpansionAssessment;
import io.rhythm.health.domain.scoring.ExpansionRule;
import io.rhythm.health.domain.scoring.MonthlySnapshot;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.ExpansionSignalRaised;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Expansion signals (seed 001): builds a client's monthly snapshots from stored usage observations
 * and scores ({@link ExpansionSnapshots}), applies {@link ExpansionRule#DEFAULT}, and raises
 * {@code ExpansionSignalRaised} once per qualifying usage streak: a signal whose month lies inside the
 * current streak (which runs without a gap up to the latest month) means this streak was signalled.
 */
@ApplicationScoped
public class ExpansionSignals {

    /** How far back snapshots are built: enough for any streak worth reporting. */
    static final int MONTHS_BACK = 12;

    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;

    /** A cheap check before building snapshots: the latest month can only qualify with these current values. */
    public boolean worthAssessing(double currentHealth, double currentUsagePct) {
        return currentHealth > ExpansionRule.DEFAULT.healthAbove() && currentUsagePct >= ExpansionRule.DEFAULT.usageAtLeastPercent();
    }

    /** @return the raised signal's id, empty when the rule does not hold or this streak was signalled before */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> assess(Client client, double currentHealth, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        YearMonth first = current.minusMonths(MONTHS_BACK - 1L);
        Instant from = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        Map<YearMonth, Double> usage = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select distinct on (date_trunc('month', occurred_at at time zone 'UTC'))
                               cast(date_trunc('month', occurred_at at time zone 'UTC') as date), value
                        from signal_observation
                        where client_id = ?1 and metric = ?2 and occurred_at >= ?3 and occurred_at <= ?4
                        order by date_trunc('month', occurred_at at time zone 'UTC'), occurred_at desc, event_id desc""")
                .setParameter(1, client.id).setParameter(2, DefaultScoringModel.PLAN_LIMIT_USAGE_PCT)
                .setParameter(3, Timestamp.from(from)).setParameter(4, Timestamp.from(now)).getResultList()) {
            Object[] c = (Object[]) row;
            usage.put(YearMonth.from(SqlValues.localDate(c[0])), ((Number) c[1]).doubleValue());
        }
        Map<YearMonth, Double> health = new HashMap<>();
        for (YearMonth month : usage.keySet()) {
            if (month.equals(current)) {
                continue;
            }
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            List<?> score = em.createNativeQuery("""
                            select score from health_score where client_id = ?1 and scored_at < ?2
                            order by scored_at desc, id desc limit 1""")
                    .setParameter(1, client.id).setParameter(2, Timestamp.from(monthEnd)).getResultList();
            if (!score.isEmpty()) {
                health.put(month, ((Number) score.get(0)).doubleValue());
            }
        }
        List<MonthlySnapshot> snapshots = ExpansionSnapshots.of(usage, health, currentHealth, current);
        ExpansionAssessment assessment = ExpansionRule.DEFAULT.assess(snapshots);
        if (!assessment.raised()) {
            return Optional.empty();
        }
        YearMonth streakStart = ExpansionSnapshots.streakStart(assessment.latestMonth(), assessment.usageStreakMonths());
        boolean signalled = !em.createNativeQuery("""
                        select 1 from expansion_signal where client_id = ?1 and qualifying_month >= ?2 limit 1""")
                .setParameter(1, client.id).setParameter(2, streakStart.atDay(1)).getResultList().isEmpty();
        if (signalled) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        double usageNow = usage.get(assessment.latestMonth());
        int inserted = em.createNativeQuery("""
                        insert into expansion_signal (id, client_id, streak_start, qualifying_month, health_score,
                            plan_limit_usage_pct, streak_months, reason, raised_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (client_id, streak_start) do nothing""")
                .setParameter(1, id).setParameter(2, client.id).setParameter(3, streakStart.atDay(1))
                .setParameter(4, assessment.latestMonth().atDay(1)).setParameter(5, BigDecimal.valueOf(assessment.latestHealthScore()))
                .setParameter(6, usageNow).setParameter(7, assessment.usageStreakMonths()).setParameter(8, assessment.reason())
                .setParameter(9, Timestamp.from(now)).executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        outbox.publish(EventCatalogue.EXPANSION_SIGNAL_RAISED, client.id.toString(), new ExpansionSignalRaised(id.toString(),
                client.id.toString(), client.ownerCse, assessment.latestMonth().toString(), assessment.latestHealthScore(),
                usageNow, assessment.usageStreakMonths(), streakStart.toString(), assessment.reason(), now));
        return Optional.of(id);
    }
}
