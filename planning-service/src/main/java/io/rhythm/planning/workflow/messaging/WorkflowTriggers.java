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

    /** CloudEvents type of the renewal window event (planning-service, topic planning.plans.v1). */
    public static final String RENEWAL_WINDOW_OPENED = "io.rhythm.planning.RenewalWindowOpened.v1";

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

    /**
     * Annual Renewal on planning's own RenewalWindowOpened (90 days before the contract ends; published by the account
     * plans/renewals part of this service). Matched by type name so that this consumer needs nothing of that part's
     * code; until the type is in the event catalogue the inbox skips it as unknown.
     */
    @Incoming("workflow-renewals")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onRenewal(ConsumerRecord<String, String> record) {
        inbox.process("workflow-renewal-trigger", record, event -> {
            if (!event.type().equals(RENEWAL_WINDOW_OPENED)) {
                return;
            }
            String clientId = event.data().path("clientId").asText(null);
            String renewalId = event.data().path("renewalId").asText(event.id());
            if (clientId == null) {
                throw new MalformedEventException(RENEWAL_WINDOW_OPENED + " " + event.id() + " has no clientId");
            }
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
