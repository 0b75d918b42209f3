package io.rhythm.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventSchemas;
import io.rhythm.platform.events.EventType;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.persistence.CopyRows;
import io.rhythm.platform.web.correlation.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits
 * (the {@link OutboxRelay} publishes it), so state and events never disagree, and a broker outage
 * delays events without losing them.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String COLUMNS = "event_id, topic, event_key, event_type, source, occurred_at, correlation_id, payload";
    private static final String COPY_TABLE = "rhythm_outbox (" + COLUMNS + ")";
    private static final String INSERT = "insert into " + COPY_TABLE + " values (?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<OutboxWritten> written;

    /**
     * Put before every topic written (none by default): a benchmark on shared infrastructure sets {@code bench.} so
     * that its events go to scratch topics, not to the ones tests and services read.
     */
    @ConfigProperty(name = "rhythm.outbox.topic-prefix")
    Optional<String> topicPrefix;

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
            insert.setString(2, topic(type));
            insert.setString(3, event.subject());
            insert.setString(4, event.type());
            insert.setString(5, event.source());
            insert.setObject(6, event.time().atOffset(ZoneOffset.UTC));
            insert.setString(7, event.correlationId());
            insert.setObject(8, Json.write(data), Types.OTHER);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + type.type() + " to the outbox", e);
        }
        written.fire(new OutboxWritten(topic(type))); // the relay picks it up as soon as the transaction commits
        return event;
    }

    /** An event to write: its aggregate id (Kafka key, {@code ce_subject}) and data. */
    public record Pending(String subject, Object payload) {
    }

    /**
     * Like {@link #publish}, for many events of one type: each payload is turned into its JSON tree once, that tree
     * is checked against the type's JSON Schema (the compiled schema is cached per type and version) and written as
     * the stored text, and all rows go in one {@code COPY} (ids in list order, so the relay keeps it). A payload that
     * does not match its schema fails the transaction, as with {@link #publish}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(EventType type, List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        String correlationId = CorrelationId.current();
        CopyRows rows = new CopyRows(COPY_TABLE);
        for (Pending pending : events) {
            JsonNode data = Json.tree(pending.payload());
            EventSchemas.requireValid(type, data);
            CloudEvent event = CloudEvent.create(type, pending.subject(), data, correlationId);
            rows.add(event.id()).add(topic(type)).add(event.subject()).add(event.type()).add(event.source())
                    .add(event.time()).add(event.correlationId()).add(Json.write(data)).endRow();
        }
        try (Connection connection = dataSource.getConnection()) {
            rows.copy(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + events.size() + " " + type.type() + " events to the outbox", e);
        }
        written.fire(new OutboxWritten(topic(type)));
    }

    private String topic(EventType type) {
        return topicPrefix.map(prefix -> prefix + type.topic()).orElse(type.topic());
    }
}
