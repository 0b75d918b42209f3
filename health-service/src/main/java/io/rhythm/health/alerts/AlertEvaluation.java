package io.rhythm.health.alerts;

import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.alerts.AlertDraft;
import io.rhythm.health.domain.alerts.AlertFacts;
import io.rhythm.health.domain.alerts.AlertRules;
import io.rhythm.health.domain.alerts.MetricReading;
import io.rhythm.health.domain.scoring.DefaultScoringModel;
import io.rhythm.health.service.HealthScoring;
import io.rhythm.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluates the alert rules ({@link AlertRules}) and the expansion rule for one client: after every
 * rescore, in the rescoring transaction (signals, engagements, client changes), and from the
 * scheduler for time-based rules ({@link AlertScheduler}).
 */
@ApplicationScoped
public class AlertEvaluation {

    /** The metrics the alert rules read. */
    private static final List<String> RULE_METRICS = List.of(DefaultScoringModel.DAYS_SINCE_LAST_LOGIN,
            DefaultScoringModel.PAYMENT_FAILURES_90_DAYS, DefaultScoringModel.OPEN_BILLING_DISPUTES,
            DefaultScoringModel.OPEN_URGENT_TICKETS, DefaultScoringModel.PLAN_LIMIT_USAGE_PCT);

    @Inject
    EntityManager em;
    @Inject
    Alerts alerts;
    @Inject
    ExpansionSignals expansion;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    void onRescored(@Observes HealthScoring.Rescored rescored) {
        evaluate(rescored.clientId(), Instant.now(clock));
    }

    /** Raises what the rules say should be open and is not; returns how many alerts were raised. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int evaluate(UUID clientId, Instant now) {
        Client client = Client.findById(clientId);
        if (client == null) {
            return 0;
        }
        Map<String, MetricReading> metrics = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select metric, value, occurred_at from client_metric
                        where client_id = ?1 and metric = any(cast(?2 as text[]))""")
                .setParameter(1, clientId).setParameter(2, "{" + String.join(",", RULE_METRICS) + "}").getResultList()) {
            Object[] c = (Object[]) row;
            metrics.put((String) c[0], new MetricReading(((Number) c[1]).doubleValue(), SqlValues.instant(c[2])));
        }
        List<?> score = em.createNativeQuery("select score from client_health where client_id = ?1")
                .setParameter(1, clientId).getResultList();
        Double health = score.isEmpty() ? null : ((Number) score.get(0)).doubleValue();

        int raised = 0;
        List<AlertDraft> drafts = AlertRules.evaluate(new AlertFacts(metrics, health, now));
        List<?> open = em.createNativeQuery("select type from alert where client_id = ?1 and status <> 'RESOLVED'")
                .setParameter(1, clientId).getResultList();
        for (AlertDraft draft : drafts) {
            // open already: nothing to raise (raise() would find it too; this spares the hot path a write)
            if (!open.contains(draft.type().name()) && alerts.raise(client, draft, now).isPresent()) {
                raised++;
            }
        }
        // what no rule raises any more and nobody has taken up resolves itself (e.g. a login after an inactivity alert)
        java.util.Set<String> due = drafts.stream().map(draft -> draft.type().name()).collect(java.util.stream.Collectors.toSet());
        for (Object type : open) {
            if (!due.contains(type)) {
                alerts.resolveCleared(clientId, io.rhythm.health.domain.alerts.AlertType.valueOf((String) type), now);
            }
        }
        MetricReading usage = metrics.get(DefaultScoringModel.PLAN_LIMIT_USAGE_PCT);
        if (health != null && usage != null && expansion.worthAssessing(health, usage.value())) {
            expansion.assess(client, health, now);
        }
        return raised;
    }
}
