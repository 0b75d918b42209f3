package io.rhythm.platform.testing;

import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventSchemas;
import io.rhythm.platform.events.KafkaCloudEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches one topic of the real test broker from the moment it is opened (earlier records are not
 * seen), to assert on what a test caused; and produces records, well-formed or not, into topics.
 * Every CloudEvent it returns has been checked against its JSON Schema.
 */
public final class TopicProbe implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String topic) {
        TestInfrastructure.ensureRunning();
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, before the test acts
    }

    public static TopicProbe watch(String topic) {
        return new TopicProbe(topic);
    }

    /** Waits for a record matching the predicate; fails after the timeout. */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int checked = 0;
        while (Instant.now().isBefore(deadline)) {
            for (; checked < seen.size(); checked++) {
                if (match.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        for (; checked < seen.size(); checked++) {
            if (match.test(seen.get(checked))) {
                return seen.get(checked);
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout + " (saw " + seen.size() + ")");
    }

    /** Waits for a CloudEvent of the given type about the subject, and checks it against its schema. */
    public CloudEvent awaitEvent(String type, String subject, Duration timeout) {
        ConsumerRecord<String, String> record = awaitRecord(r -> type.equals(KafkaCloudEvents.header(r.headers(), KafkaCloudEvents.TYPE))
                && subject.equals(r.key()), timeout);
        return validated(record);
    }

    /** Every record seen so far (after polling for {@code settle} more), e.g. to prove something arrived only once. */
    public List<ConsumerRecord<String, String>> recordsAfter(Duration settle) {
        Instant until = Instant.now().plus(settle);
        while (Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** Parses a record as a CloudEvent and asserts it matches its catalogued schema. */
    public static CloudEvent validated(ConsumerRecord<String, String> record) {
        CloudEvent event = KafkaCloudEvents.fromRecord(record);
        assertThat(EventSchemas.problems(event)).as("schema problems of %s", event.type()).isEmpty();
        assertThat(record.key()).as("Kafka key is the subject").isEqualTo(event.subject());
        assertThat(KafkaCloudEvents.header(record.headers(), KafkaCloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        return event;
    }

    /** Sends a well-formed CloudEvent (binary mode), as another service's outbox would. */
    public static void send(String topic, CloudEvent event) {
        send(KafkaCloudEvents.toRecord(topic, event));
    }

    /** Sends an arbitrary record: for poison-message tests. */
    public static void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((k, v) -> recordHeaders.add(k, v.getBytes(StandardCharsets.UTF_8)));
        send(new ProducerRecord<>(topic, null, key, value, recordHeaders));
    }

    private static void send(ProducerRecord<String, String> record) {
        TestInfrastructure.ensureRunning();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
