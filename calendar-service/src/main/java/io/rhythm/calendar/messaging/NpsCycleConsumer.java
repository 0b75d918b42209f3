package io.rhythm.calendar.messaging;

import io.rhythm.calendar.service.Checklists;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.events.payload.CycleClosed;
import io.rhythm.platform.events.payload.CycleCreated;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Creates Appendix A's checklist for each NPS cycle nps-service creates (once, under redelivery) and ticks off what CycleClosed says is done. */
@ApplicationScoped
public class NpsCycleConsumer {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    Checklists checklists;

    @Incoming("nps-cycles")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onCycleEvent(ConsumerRecord<String, String> record) {
        inbox.process("calendar-nps-checklists", record, event -> {
            if (event.type().equals(EventCatalogue.CYCLE_CREATED.type())) {
                checklists.onCycleCreated(Json.read(event.data(), CycleCreated.class));
            } else if (event.type().equals(EventCatalogue.CYCLE_CLOSED.type())) {
                checklists.onCycleClosed(Json.read(event.data(), CycleClosed.class));
            }
        });
    }
}
