package io.rhythm.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventSchemas;
import io.rhythm.platform.events.EventType;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.web.correlation.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits
 * (the {@link OutboxRelay} publishes it), so state and events never disagree, and a broker outage
 * delays events without losing them.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = """
            insert into rhythm_outbox (event_id, topic, event_key, event_type, source, occurred_at, correlation_id, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<OutboxWritten> written;

    /**
     * @param subject the aggregate id: the Kafka key and {@code ce_subject}
     * @param payload the event data; it must match the type's JSON Schema (a mismatch is a bug and fails the transaction)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(EventType type, String subject, Object payload) {
        JsonNode data = Json.tree(payload);
        EventSchemas.requireValid(type, data);
        CloudEvent event = CloudEvent.create(type, subject, data, CorrelationId.current());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, type.topic());
            insert.setString(3, event.subject());
            insert.setString(4, event.type());
            insert.setString(5, event.source());
            insert.setTimestamp(6, Timestamp.from(event.time()));
            insert.setString(7, event.correlationId());
            insert.setObject(8, Json.write(data), Types.OTHER);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + type.type() + " to the outbox", e);
        }
        written.fire(new OutboxWritten(type.topic())); // the relay picks it up as soon as the transaction commits
        return event;
    }

    /** An event to write: its aggregate id (Kafka key, {@code ce_subject}) and data. */
    public record Pending(String subject, Object payload) {
    }

    /** Like {@link #publish}, for many events of one type in one round trip (hot paths that handle batches). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(EventType type, List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            String correlationId = CorrelationId.current();
            for (Pending pending : events) {
                JsonNode data = Json.tree(pending.payload());
                EventSchemas.requireValid(type, data);
                CloudEvent event = CloudEvent.create(type, pending.subject(), data, correlationId);
                insert.setObject(1, UUID.fromString(event.id()));
                insert.setString(2, type.topic());
                insert.setString(3, event.subject());
                insert.setString(4, event.type());
                insert.setString(5, event.source());
                insert.setTimestamp(6, Timestamp.from(event.time()));
                insert.setString(7, event.correlationId());
                insert.setObject(8, Json.write(data), Types.OTHER);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + events.size() + " " + type.type() + " events to the outbox", e);
        }
        written.fire(new OutboxWritten(type.topic()));
    }
}
