package io.rhythm.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Failure strategy {@value #NAME} of every incoming channel: a record whose processing failed goes
 * to the service's dead-letter topic (SmallRye's dead-letter queue, reason in its headers) and
 * consumption goes on — except once the service has begun to stop. Then a failure is most likely
 * the shutdown itself (the database pool or ORM already closed), so the record is left
 * unacknowledged: its offset is not committed and it is delivered again after the restart, where
 * the idempotent consumer applies it once.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.NAME)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String NAME = "rhythm-dead-letter";
    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);

    private final AtomicBoolean stopping = new AtomicBoolean();

    @Inject
    @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
    KafkaFailureHandler.Factory deadLetterQueue;

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        return decide(deadLetterQueue.create(config, vertx, consumer, reportFailure), stopping);
    }

    /** The decision, apart from SmallRye's wiring (unit-tested). */
    static KafkaFailureHandler decide(KafkaFailureHandler deadLetters, AtomicBoolean stopping) {
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (stopping.get()) {
                    LOG.infof("Not dead-lettering %s-%d@%d during shutdown (%s): it will be redelivered after the restart",
                            record.getTopic(), record.getPartition(), record.getOffset(), reason.toString());
                    return Uni.createFrom().voidItem();
                }
                return deadLetters.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetters.terminate();
            }
        };
    }
}
