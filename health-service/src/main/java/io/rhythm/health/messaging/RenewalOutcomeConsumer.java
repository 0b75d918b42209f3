package io.rhythm.health.messaging;

import io.rhythm.health.domain.Client;
import io.rhythm.health.service.Outcomes;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.events.payload.RenewalOutcomeRecorded;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/**
 * Renewal outcomes recorded in planning-service (planning.plans.v1, RenewalOutcomeRecorded) become the client's outcome
 * on the contract end date, the ground truth of backtests ({@link Outcomes#recordRenewal}); once per event. The other
 * planning events on the topic are not this service's business. An outcome about a client the registry does not know
 * is poison: it goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class RenewalOutcomeConsumer {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    Outcomes outcomes;

    @Incoming("renewal-outcomes")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onPlanningEvent(ConsumerRecord<String, String> record) {
        inbox.process("renewal-outcomes", record, event -> {
            if (!event.type().equals(EventCatalogue.RENEWAL_OUTCOME_RECORDED.type())) {
                return;
            }
            RenewalOutcomeRecorded outcome = Json.read(event.data(), RenewalOutcomeRecorded.class);
            UUID clientId = UUID.fromString(outcome.clientId());
            if (Client.findById(clientId) == null) {
                throw new MalformedEventException("RenewalOutcomeRecorded " + event.id() + " is about client " + clientId
                        + ", which the registry does not know");
            }
            outcomes.recordRenewal(clientId, UUID.fromString(outcome.renewalId()), outcome.outcome(),
                    outcome.contractEndDate(), outcome.recordedBy() == null ? "planning-service" : "planning:" + outcome.recordedBy());
        });
    }
}
