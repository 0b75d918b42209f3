package io.rhythm.platform.inbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision alone; the dead-lettering itself is exercised against Kafka in IdempotentConsumerTest. */
class DeadLetterUnlessStoppingTest {

    private final List<Object> deadLettered = new ArrayList<>();
    private final KafkaFailureHandler deadLetters = new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            deadLettered.add(record.getPayload());
            return Uni.createFrom().voidItem();
        }
    };
    private final IncomingKafkaRecord<String, String> record = new IncomingKafkaRecord<>(
            new ConsumerRecord<>("clients.v1", 0, 42L, "key", "payload"), "clients", 0, null, null, false);

    @Test
    void deadLettersFailuresWhileRunning() {
        AtomicBoolean stopping = new AtomicBoolean(false);
        DeadLetterUnlessStopping.decide(deadLetters, stopping).handle(record, new IllegalStateException("bad"), Metadata.empty())
                .await().indefinitely();
        assertThat(deadLettered).containsExactly("payload");
    }

    @Test
    void leavesFailuresForRedeliveryOnceStopping() {
        AtomicBoolean stopping = new AtomicBoolean(true);
        DeadLetterUnlessStopping.decide(deadLetters, stopping)
                .handle(record, new IllegalArgumentException("EntityManagerFactory closed"), Metadata.empty())
                .await().indefinitely();
        assertThat(deadLettered).isEmpty();
    }
}
