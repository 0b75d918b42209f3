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
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import io.rhythm.health.domain.alerts.AlertType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.stream.Collectors;
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
        // all of the clients' readings: the rules look up only the metrics they read
        apply(rescored.clientIds(), rescored.metrics(), rescored.scores(), openAlerts(rescored.clientIds()), Instant.now(clock));
    }

    /** Raises what the rules say should be open and is not; returns how many alerts were raised. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int evaluate(UUID clientId, Instant now) {
        return evaluateAll(Set.of(clientId), now);
    }

    /**
     * {@link #evaluate} for many clients: the facts of all of them are read in three statements (this
     * runs after every rescore, so on the signal-ingest hot path); only raising, resolving and assessing
     * an expansion touch a client on its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int evaluateAll(Set<UUID> clientIds, Instant now) {
        if (clientIds.isEmpty()) {
            return 0;
        }
        Map<UUID, Map<String, MetricReading>> metrics = new HashMap<>();
        Map<UUID, Double> health = new HashMap<>();
        String ids = idArray(clientIds);
        for (Object row : em.createNativeQuery("""
                        select m.client_id, m.metric, m.value, m.occurred_at from unnest(cast(?1 as uuid[])) as u(id)
                        join client_metric m on m.client_id = u.id where m.metric = any(cast(?2 as text[]))""")
                .setParameter(1, ids).setParameter(2, "{" + String.join(",", RULE_METRICS) + "}").getResultList()) {
            Object[] c = (Object[]) row;
            metrics.computeIfAbsent((UUID) c[0], id -> new HashMap<>())
                    .put((String) c[1], new MetricReading(((Number) c[2]).doubleValue(), SqlValues.instant(c[3])));
        }
        for (Object row : em.createNativeQuery("select h.client_id, h.score from unnest(cast(?1 as uuid[])) as u(id) join client_health h on h.client_id = u.id")
                .setParameter(1, ids).getResultList()) {
            Object[] c = (Object[]) row;
            health.put((UUID) c[0], ((Number) c[1]).doubleValue());
        }
        return apply(clientIds, metrics, health, openAlerts(clientIds), now);
    }

    private static String idArray(Set<UUID> clientIds) {
        return "{" + clientIds.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}";
    }

    /** The types of the clients' alerts that are not resolved, by client. */
    private Map<UUID, List<String>> openAlerts(Set<UUID> clientIds) {
        Map<UUID, List<String>> open = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select a.client_id, a.type from unnest(cast(?1 as uuid[])) as u(id)
                        join alert a on a.client_id = u.id where a.status <> 'RESOLVED'""")
                .setParameter(1, idArray(clientIds)).getResultList()) {
            Object[] c = (Object[]) row;
            open.computeIfAbsent((UUID) c[0], id -> new ArrayList<>()).add((String) c[1]);
        }
        return open;
    }

    private int apply(Set<UUID> clientIds, Map<UUID, Map<String, MetricReading>> metrics, Map<UUID, Double> health,
                      Map<UUID, List<String>> open, Instant now) {
        int raised = 0;
        // Everything below writes with native SQL. Left on AUTO, each statement would first flush the
        // persistence context, dirty-checking every client loaded for raising so far: quadratic when a
        // model change raises alerts for thousands of clients at once.
        em.flush();
        FlushModeType mode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            for (UUID clientId : clientIds) {
                raised += apply(clientId, metrics.getOrDefault(clientId, Map.of()), health.get(clientId),
                        open.getOrDefault(clientId, List.of()), now);
            }
        } finally {
            em.setFlushMode(mode);
        }
        return raised;
    }

    private int apply(UUID clientId, Map<String, MetricReading> metrics, Double health, List<String> open, Instant now) {
        List<AlertDraft> drafts = AlertRules.evaluate(new AlertFacts(metrics, health, now));
        MetricReading usage = metrics.get(DefaultScoringModel.PLAN_LIMIT_USAGE_PCT);
        boolean assessExpansion = health != null && usage != null && expansion.worthAssessing(health, usage.value());
        Set<String> due = drafts.stream().map(draft -> draft.type().name()).collect(Collectors.toSet());
        boolean somethingToRaise = drafts.stream().anyMatch(draft -> !open.contains(draft.type().name()));
        if (!somethingToRaise && !assessExpansion && due.containsAll(open)) {
            return 0; // the common case on the hot path: nothing to do, and no need to load the client
        }
        Client client = Client.findById(clientId);
        if (client == null) {
            return 0;
        }
        int raised = 0;
        for (AlertDraft draft : drafts) {
            // open already: nothing to raise (raise() would find it too; this spares the hot path a write)
            if (!open.contains(draft.type().name()) && alerts.raise(client, draft, now).isPresent()) {
                raised++;
            }
        }
        // what no rule raises any more and nobody has taken up resolves itself (e.g. a login after an inactivity alert)
        for (String type : open) {
            if (!due.contains(type)) {
                alerts.resolveCleared(clientId, AlertType.valueOf(type), now);
            }
        }
        if (assessExpansion) {
            expansion.assess(client, health, now);
        }
        return raised;
    }
}
