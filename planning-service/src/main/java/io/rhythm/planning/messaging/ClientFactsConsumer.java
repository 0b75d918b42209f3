package io.rhythm.planning.messaging;

import io.rhythm.planning.service.HealthProjection;
import io.rhythm.planning.service.SatisfactionPlans;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.rhythm.platform.projection.ClientSegmentProjection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the client facts plans snapshot (health, NPS, engagement) and each client's segment, which drafts or flags its Satisfaction Action Plan; redeliveries change nothing. */
@ApplicationScoped
public class ClientFactsConsumer {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    HealthProjection health;
    @Inject
    ClientSegmentProjection segments;
    @Inject
    SatisfactionPlans saps;

    @Incoming("plan-health-scores")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onHealthScore(ConsumerRecord<String, String> record) {
        inbox.process("plan-health-scores", record, health::apply);
    }

    @Incoming("plan-nps-responses")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onNpsResponse(ConsumerRecord<String, String> record) {
        inbox.process("plan-nps-responses", record, health::apply);
    }

    @Incoming("plan-activities")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onActivity(ConsumerRecord<String, String> record) {
        inbox.process("plan-activities", record, health::apply);
    }

    @Incoming("plan-segments")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onSegment(ConsumerRecord<String, String> record) {
        inbox.process("plan-segments", record, event -> {
            segments.apply(event);
            saps.onSegment(event);
        });
    }
}
