package io.rhythm.segmentation.messaging;

import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.rhythm.segmentation.domain.ActivityType;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Held engagement activities ({@code EngagementActivityLogged}, calendar-service) for the Activity Register: each
 * is kept once (by activity id) as its register type ({@link ActivityType#fromLogged}); types that count for none
 * (calls, emails, ...) and activities whose {@code status}, when the event carries one, is not HELD are skipped.
 */
@ApplicationScoped
public class ActivityConsumer {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    EntityManager em;

    /** The fields this consumer reads; newer producers may carry more. */
    record LoggedActivity(String activityId, String clientId, String activityType, LocalDate occurredOn, String status) {
    }

    @Incoming("activities")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onActivity(ConsumerRecord<String, String> record) {
        inbox.process("activity-register", record, event -> {
            if (!event.type().equals(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED.type())) {
                return;
            }
            LoggedActivity activity = Json.read(event.data(), LoggedActivity.class);
            Optional<ActivityType> type = ActivityType.fromLogged(activity.activityType());
            if (type.isEmpty() || (activity.status() != null && !activity.status().equalsIgnoreCase("HELD"))) {
                return;
            }
            em.createNativeQuery("""
                            insert into register_activity (activity_id, client_id, activity_type, logged_type, occurred_on)
                            values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                    .setParameter(1, UUID.fromString(activity.activityId())).setParameter(2, UUID.fromString(activity.clientId()))
                    .setParameter(3, type.get().name()).setParameter(4, activity.activityType())
                    .setParameter(5, activity.occurredOn()).executeUpdate();
        });
    }
}
