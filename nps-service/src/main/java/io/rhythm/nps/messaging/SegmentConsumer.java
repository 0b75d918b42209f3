package io.rhythm.nps.messaging;

import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.rhythm.platform.projection.ClientSegmentProjection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each client's current segment for the NPS breakdowns ({@link ClientSegmentProjection}). Idempotent:
 * a redelivered event (same ce_id) changes nothing.
 */
@ApplicationScoped
public class SegmentConsumer {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    ClientSegmentProjection segments;

    @Incoming("segments")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onSegment(ConsumerRecord<String, String> record) {
        inbox.process("nps-client-segments", record, segments::apply);
    }
}
