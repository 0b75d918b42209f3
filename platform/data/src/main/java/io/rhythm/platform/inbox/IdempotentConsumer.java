package io.rhythm.platform.inbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.EventSchemas;
import io.rhythm.platform.events.KafkaCloudEvents;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.web.correlation.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Processes each CloudEvent at most once per consumer: the {@code ce_id} is recorded in
 * {@code rhythm_processed_event} in the same transaction as the handler's effect, so a redelivered
 * or replayed event changes nothing.
 * <p>
 * A record that is not a valid CloudEvent of a known shape throws {@link MalformedEventException};
 * the messaging layer then sends it to the service's dead-letter topic (reason in the
 * {@code dead-letter-reason} header) and consumption goes on. Events of types this version does not
 * know are acknowledged and skipped, so producers can evolve first.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String MARK = """
            insert into rhythm_processed_event (consumer, event_id, event_type) values (?, ?, ?)
            on conflict do nothing""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    /**
     * @param consumer a stable name of the effect (e.g. {@code client-projection}); the same event is
     *                 processed once per consumer name
     * @return true when the handler ran, false for a duplicate or an unknown type
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<CloudEvent> handler) {
        CloudEvent event = KafkaCloudEvents.fromRecord(record);
        String previous = CorrelationId.current();
        CorrelationId.set(event.correlationId() != null ? event.correlationId() : previous);
        try {
            return process(consumer, event, handler);
        } finally {
            CorrelationId.set(previous);
        }
    }

    boolean process(String consumer, CloudEvent event, Consumer<CloudEvent> handler) {
        boolean known = EventCatalogue.byType(event.type()).isPresent();
        if (known) {
            List<String> problems = EventSchemas.problems(event);
            if (!problems.isEmpty()) {
                throw new MalformedEventException(event.type() + " " + event.id() + " is invalid: " + String.join("; ", problems));
            }
        }
        boolean ran = QuarkusTransaction.requiringNew().call(() -> {
            if (!markProcessed(consumer, event)) {
                return false;
            }
            if (known) {
                handler.accept(event);
            }
            return known;
        });
        String outcome = ran ? "processed" : known ? "duplicate" : "skipped-unknown-type";
        registry.counter("rhythm.inbox.events", "consumer", consumer, "outcome", outcome).increment();
        if (!ran) {
            LOG.debugf("%s: %s event %s (%s)", consumer, outcome, event.id(), event.type());
        }
        return ran;
    }

    private boolean markProcessed(String consumer, CloudEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(MARK)) {
            insert.setString(1, consumer);
            insert.setString(2, event.id());
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        }
    }
}
