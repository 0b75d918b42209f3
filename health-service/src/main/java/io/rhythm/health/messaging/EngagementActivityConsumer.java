package io.rhythm.health.messaging;

import io.rhythm.health.domain.EngagementSignal;
import io.rhythm.health.service.HealthScoring;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.events.payload.EngagementActivityLogged;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Engagement activities from calendar-service become engagement signals of the client. */
@ApplicationScoped
public class EngagementActivityConsumer {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    Clock clock;
    @Inject
    HealthScoring scoring;

    @Incoming("activities")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onActivity(ConsumerRecord<String, String> record) {
        inbox.process("engagement-signals", record, event -> {
            if (!event.type().equals(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED.type())) {
                return;
            }
            EngagementActivityLogged activity = Json.read(event.data(), EngagementActivityLogged.class);
            UUID activityId = UUID.fromString(activity.activityId());
            if (EngagementSignal.findById(activityId) != null) {
                return; // the same activity re-published under another event id
            }
            EngagementSignal signal = new EngagementSignal();
            signal.activityId = activityId;
            signal.clientId = UUID.fromString(activity.clientId());
            signal.activityType = activity.activityType();
            signal.occurredOn = activity.occurredOn();
            signal.loggedBy = activity.loggedBy();
            signal.receivedAt = Instant.now(clock);
            signal.persist();
            scoring.rescore(signal.clientId, "engagement", activity.activityId());
        });
    }
}
