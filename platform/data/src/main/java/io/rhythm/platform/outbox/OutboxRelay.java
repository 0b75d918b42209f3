package io.rhythm.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rhythm.platform.events.KafkaCloudEvents;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Future;

/**
 * Publishes the outbox to Kafka in id order and marks what was acknowledged as sent.
 * <ul>
 *   <li>One relay at a time per database (a PostgreSQL advisory lock), so several replicas keep order.</li>
 *   <li>Only the acknowledged prefix of a batch is marked sent; on the first failure the rest of
 *       the batch waits for the next tick, so one key's events are never published out of order.</li>
 *   <li>A broker outage fails fast (short blocking timeouts), leaves rows pending, and is retried on
 *       every tick; a crash between publish and mark may publish an event twice, which idempotent
 *       consumers absorb (at-least-once delivery, exactly-once effect).</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_ID = 0x5248_5954_484dL; // "RHYTHM"

    private static final String SELECT_PENDING = """
            select id, event_id, topic, event_key, event_type, source, occurred_at, correlation_id, payload::text
            from rhythm_outbox where sent_at is null order by id limit ?""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "rhythm.outbox.batch-size", defaultValue = "500")
    int batchSize;

    private volatile KafkaProducer<String, String> producer;
    private Counter published;
    private Counter failures;

    /** Set while a relay is queued or running, so that commits arriving meanwhile add no more work. */
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay-nudge"));

    /** Relays right after a transaction that wrote to the outbox commits, instead of waiting for the next tick. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (nudged.compareAndSet(false, true)) {
            nudges.submit(() -> {
                nudged.set(false);
                tick();
            });
        }
    }

    /** The safety net: also relays what a nudge missed (another replica's rows, a failed send). */
    @Scheduled(every = "${rhythm.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay tick failed, will retry: %s", e.toString());
        }
    }

    /** Publishes up to one batch; returns how many events were acknowledged by the broker. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!tryLock(connection)) {
                    return 0;
                }
                List<Pending> batch = loadPending(connection);
                if (batch.isEmpty()) {
                    return 0;
                }
                Delivery delivery = send(batch);
                markSent(connection, batch.subList(0, delivery.acknowledged()));
                if (delivery.error() != null) {
                    markFailed(connection, batch.get(delivery.acknowledged()).id(), delivery.error());
                }
                return delivery.acknowledged();
            }
        });
    }

    private Delivery send(List<Pending> batch) {
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(batch.size());
        String error = null;
        try {
            for (Pending pending : batch) {
                Future<RecordMetadata> future = kafka.send(pending.record());
                futures.add(future);
                if (future.isDone() && failed(future)) {
                    break; // e.g. metadata unavailable: the broker is down, stop here rather than block per row
                }
            }
            kafka.flush();
        } catch (RuntimeException e) {
            error = e.toString();
        }
        int acknowledged = 0;
        for (Future<RecordMetadata> future : futures) {
            try {
                future.get();
                acknowledged++;
            } catch (ExecutionException e) {
                error = e.getCause().toString();
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                break;
            }
        }
        if (acknowledged < batch.size() && error == null) {
            error = "not acknowledged";
        }
        published().increment(acknowledged);
        if (error != null) {
            failures().increment();
            LOG.warnf("Outbox relay: %d of %d events published, the rest wait for the broker: %s",
                    acknowledged, batch.size(), error);
            resetProducer();
        }
        return new Delivery(acknowledged, error);
    }

    private static boolean failed(Future<RecordMetadata> future) {
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_ID);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Pending> loadPending(Connection connection) throws SQLException {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    // the payload was validated against its schema when written; it is relayed as stored
                    batch.add(new Pending(rs.getLong(1), KafkaCloudEvents.toRecord(rs.getString(3),
                            rs.getObject(2, UUID.class).toString(), rs.getString(6), rs.getString(5),
                            rs.getTimestamp(7).toInstant(), rs.getString(4), rs.getString(8), rs.getString(9))));
                }
            }
        }
        return batch;
    }

    private static void markSent(Connection connection, List<Pending> sent) throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update rhythm_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = any(?)")) {
            update.setArray(1, connection.createArrayOf("bigint", sent.stream().map(Pending::id).toArray()));
            update.executeUpdate();
        }
    }

    private static void markFailed(Connection connection, long id, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update rhythm_outbox set attempts = attempts + 1, last_error = ? where id = ?")) {
            update.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.LINGER_MS_CONFIG, 5,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + UUID.randomUUID()),
                            new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private Counter published() {
        if (published == null) {
            published = registry.counter("rhythm.outbox.published");
        }
        return published;
    }

    private Counter failures() {
        if (failures == null) {
            failures = registry.counter("rhythm.outbox.publish.failures");
        }
        return failures;
    }

    @PreDestroy
    void close() {
        nudges.shutdownNow();
        resetProducer();
    }

    private record Pending(long id, ProducerRecord<String, String> record) {
    }

    private record Delivery(int acknowledged, String error) {
    }
}
