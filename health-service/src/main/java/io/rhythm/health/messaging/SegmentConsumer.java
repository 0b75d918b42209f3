package io.rhythm.health.messaging;

import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.events.payload.SegmentMigrated;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * Keeps each client's current segment (segments.migrations.v1 is keyed by client, so one client's events
 * arrive in order; an older event, by ce_time, that comes again under another id never overwrites a newer segment).
 */
@ApplicationScoped
public class SegmentConsumer {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    EntityManager em;

    @Incoming("segments")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onSegment(ConsumerRecord<String, String> record) {
        inbox.process("client-segments", record, event -> {
            if (!event.type().equals(EventCatalogue.SEGMENT_MIGRATED.type())) {
                return;
            }
            SegmentMigrated migrated = Json.read(event.data(), SegmentMigrated.class);
            em.createNativeQuery("""
                            insert into client_segment (client_id, segment, sap_required, updated_at) values (?1, ?2, ?3, ?4)
                            on conflict (client_id) do update set segment = excluded.segment,
                                sap_required = excluded.sap_required, updated_at = excluded.updated_at
                            where client_segment.updated_at <= excluded.updated_at""")
                    .setParameter(1, UUID.fromString(migrated.clientId())).setParameter(2, migrated.toSegment())
                    .setParameter(3, migrated.sapRequired()).setParameter(4, Timestamp.from(event.time())).executeUpdate();
        });
    }
}
