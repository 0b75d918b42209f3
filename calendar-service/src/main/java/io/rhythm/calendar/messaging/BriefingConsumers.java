package io.rhythm.calendar.messaging;

import io.rhythm.calendar.briefing.BriefProjections;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the Briefing Room's projections ({@link BriefProjections}) from health, segmentation and nps events.
 * Idempotent: each consumer name records the events it applied, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class BriefingConsumers {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    BriefProjections projections;

    @Incoming("brief-health-scores")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onHealthScore(ConsumerRecord<String, String> record) {
        inbox.process("calendar-brief-health", record, projections::apply);
    }

    @Incoming("brief-health-alerts")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onAlert(ConsumerRecord<String, String> record) {
        inbox.process("calendar-brief-alerts", record, projections::apply);
    }

    @Incoming("brief-segments")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onSegment(ConsumerRecord<String, String> record) {
        inbox.process("calendar-brief-segments", record, projections::apply);
    }

    @Incoming("brief-nps-responses")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onNpsResponse(ConsumerRecord<String, String> record) {
        inbox.process("calendar-brief-nps-responses", record, projections::apply);
    }

    @Incoming("brief-nps-cases")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onDetractorCase(ConsumerRecord<String, String> record) {
        inbox.process("calendar-brief-nps-cases", record, projections::apply);
    }
}
