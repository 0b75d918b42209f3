package io.rhythm.platform.probe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.KafkaCloudEvents;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.ProbeRecorded;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redelivery changes nothing; poison messages go to the dead-letter topic and consumption goes on. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class IdempotentConsumerTest {

    private static final String DEAD_LETTER = Topics.deadLetter("platform");

    @Inject
    ProbeDb db;

    @Test
    void sameCeIdDeliveredTwiceHasOneEffect() {
        String probeId = UUID.randomUUID().toString();
        CloudEvent first = probe(probeId, "duplicate");
        TopicProbe.send(Topics.PLATFORM_PROBES, first);
        TopicProbe.send(Topics.PLATFORM_PROBES, first);
        // a later event with the same key proves both copies have been consumed (same partition, in order)
        CloudEvent later = probe(probeId, "after the duplicate");
        TopicProbe.send(Topics.PLATFORM_PROBES, later);

        await().atMost(Duration.ofSeconds(30)).until(() -> db.processed(later.id()) == 1);
        assertThat(db.effects(probeId)).isEqualTo(2);
        assertThat(db.processed(first.id())).isEqualTo(1);
    }

    @Test
    void unparseableEventGoesToTheDeadLetterTopicWithItsReasonAndConsumptionContinues() {
        String probeId = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.watch(DEAD_LETTER)) {
            TopicProbe.sendRaw(Topics.PLATFORM_PROBES, probeId, "{this is not json", Map.of(
                    KafkaCloudEvents.ID, UUID.randomUUID().toString(),
                    KafkaCloudEvents.SOURCE, "/rhythm/platform",
                    KafkaCloudEvents.TYPE, EventCatalogue.PROBE_RECORDED.type(),
                    KafkaCloudEvents.SPEC_VERSION, "1.0"));
            CloudEvent next = probe(probeId, "after the poison");
            TopicProbe.send(Topics.PLATFORM_PROBES, next);

            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> probeId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(dead.value()).isEqualTo("{this is not json");
            assertThat(KafkaCloudEvents.header(dead.headers(), "dead-letter-reason")).contains("not valid JSON");
            await().atMost(Duration.ofSeconds(30)).until(() -> db.effects(probeId) == 1);
        }
    }

    @Test
    void eventWithoutIdOrViolatingItsSchemaIsDeadLetteredToo() {
        String missingId = UUID.randomUUID().toString();
        String badSchema = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.watch(DEAD_LETTER)) {
            TopicProbe.sendRaw(Topics.PLATFORM_PROBES, missingId,
                    Json.write(new ProbeRecorded(missingId, "no id")), Map.of(
                            KafkaCloudEvents.SOURCE, "/rhythm/platform",
                            KafkaCloudEvents.TYPE, EventCatalogue.PROBE_RECORDED.type()));
            TopicProbe.sendRaw(Topics.PLATFORM_PROBES, badSchema, "{\"probeId\":\"" + badSchema + "\"}", Map.of(
                    KafkaCloudEvents.ID, UUID.randomUUID().toString(),
                    KafkaCloudEvents.SOURCE, "/rhythm/platform",
                    KafkaCloudEvents.TYPE, EventCatalogue.PROBE_RECORDED.type()));

            var first = deadLetters.awaitRecord(r -> missingId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(KafkaCloudEvents.header(first.headers(), "dead-letter-reason")).contains("'id' is missing");
            var second = deadLetters.awaitRecord(r -> badSchema.equals(r.key()), Duration.ofSeconds(30));
            assertThat(KafkaCloudEvents.header(second.headers(), "dead-letter-reason")).contains("label");
        }
        assertThat(db.effects(missingId)).isZero();
        assertThat(db.effects(badSchema)).isZero();
    }

    private static CloudEvent probe(String probeId, String label) {
        return CloudEvent.create(EventCatalogue.PROBE_RECORDED, probeId, Json.tree(new ProbeRecorded(probeId, label)), null);
    }
}
