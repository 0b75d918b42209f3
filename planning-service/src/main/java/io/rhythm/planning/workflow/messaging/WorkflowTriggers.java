package io.rhythm.planning.workflow.messaging;

import io.rhythm.planning.workflow.domain.TriggerRules;
import io.rhythm.planning.workflow.domain.WorkflowInstance;
import io.rhythm.planning.workflow.domain.WorkflowStatus;
import io.rhythm.planning.workflow.service.Workflows;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.events.payload.AlertRaised;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.events.payload.RenewalWindowOpened;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/**
 * Starts workflows from other services' events: a Client Health Check when a score drops a client into At-Risk or
 * Critical (at most one open per client), a Billing Dispute Resolution when health-service raises a billing alert for
 * an open dispute. A redelivered event starts nothing (idempotent consumer, and the trigger key is unique).
 */
@ApplicationScoped
public class WorkflowTriggers {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    Workflows workflows;

    @Incoming("workflow-health-scores")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onHealthScore(ConsumerRecord<String, String> record) {
        inbox.process("workflow-health-check-trigger", record, event -> {
            if (!event.type().equals(EventCatalogue.HEALTH_SCORE_CHANGED.type())) {
                return;
            }
            HealthScoreChanged change = Json.read(event.data(), HealthScoreChanged.class);
            if (!TriggerRules.startsHealthCheck(change.previousBand(), change.band())) {
                return;
            }
            UUID clientId = UUID.fromString(change.clientId());
            if (WorkflowInstance.count("clientId = ?1 and status = ?2 and triggerKind = ?3", clientId,
                    WorkflowStatus.RUNNING, "HEALTH_SCORE_DROP") > 0) {
                return; // at most one open Health Check per client
            }
            workflows.startByTrigger(clientId, "client-health-check", "HEALTH_SCORE_DROP", "health-score:" + event.id());
        });
    }

    /** Annual Renewal on planning's own RenewalWindowOpened (90 days before the contract ends, published by the renewals part). */
    @Incoming("workflow-renewals")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onRenewal(ConsumerRecord<String, String> record) {
        inbox.process("workflow-renewal-trigger", record, event -> {
            if (!event.type().equals(EventCatalogue.RENEWAL_WINDOW_OPENED.type())) {
                return;
            }
            RenewalWindowOpened renewal = Json.read(event.data(), RenewalWindowOpened.class);
            if (renewal.clientId() == null) {
                throw new MalformedEventException(event.type() + " " + event.id() + " has no clientId");
            }
            String clientId = renewal.clientId();
            String renewalId = renewal.renewalId() == null ? event.id() : renewal.renewalId();
            workflows.startByTrigger(UUID.fromString(clientId), "annual-renewal", "RENEWAL_WINDOW_OPENED", "renewal:" + renewalId);
        });
    }

    @Incoming("workflow-health-alerts")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onAlert(ConsumerRecord<String, String> record) {
        inbox.process("workflow-billing-dispute-trigger", record, event -> {
            if (!event.type().equals(EventCatalogue.ALERT_RAISED.type())) {
                return;
            }
            AlertRaised alert = Json.read(event.data(), AlertRaised.class);
            if (TriggerRules.startsBillingDispute(alert.alertType(), alert.evidence())) {
                workflows.startByTrigger(UUID.fromString(alert.clientId()), "billing-dispute-resolution",
                        "BILLING_DISPUTE_OPENED", "alert:" + alert.alertId());
            }
        });
    }
}
