package io.rhythm.platform.probe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestInfrastructure;
import io.rhythm.platform.testing.Tokens;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Outbox → Kafka → idempotent consumer, including a broker outage in the middle. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OutboxDeliveryTest {

    @Inject
    ProbeDb db;

    @Test
    void writeIsPublishedAsValidCloudEventCarryingTheCorrelationIdAndConsumedOnce() {
        try (TopicProbe topic = TopicProbe.watch(Topics.PLATFORM_PROBES)) {
            String id = create("delivery-" + UUID.randomUUID(), "corr-" + UUID.randomUUID());

            CloudEvent event = topic.awaitEvent(EventCatalogue.PROBE_RECORDED.type(), id, Duration.ofSeconds(30));
            assertThat(event.source()).isEqualTo("/rhythm/platform");
            assertThat(event.data().get("probeId").asText()).isEqualTo(id);
            assertThat(event.correlationId()).startsWith("corr-");

            await().atMost(Duration.ofSeconds(30)).until(() -> db.effects(id) == 1);
            assertThat(db.sentOutbox(id)).isEqualTo(1);
            assertThat(db.processed(event.id())).isEqualTo(1);
        }
    }

    @Test
    void brokerOutageDelaysEventsButLosesNoneAndDeliversExactlyOnce() {
        String id;
        try (TopicProbe topic = TopicProbe.watch(Topics.PLATFORM_PROBES)) {
            TestInfrastructure.stopKafka();
            try {
                id = create("outage-" + UUID.randomUUID(), null);
                // committed with the state, waiting for the broker
                assertThat(db.pendingOutbox(id)).isEqualTo(1);
                assertThat(db.effects(id)).isZero();
            } finally {
                TestInfrastructure.startKafka();
            }

            await().atMost(Duration.ofSeconds(90)).until(() -> db.effects(id) == 1);
            assertThat(db.pendingOutbox(id)).isZero();
            String probeId = id;
            List<ConsumerRecord<String, String>> published = topic.recordsAfter(Duration.ofSeconds(2)).stream()
                    .filter(r -> probeId.equals(r.key())).toList();
            assertThat(published).hasSize(1);
            TopicProbe.validated(published.get(0));
        }
        // and stays exactly once after the relay and consumer have had time to repeat themselves
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(db.effects(id)).isEqualTo(1);
    }

    private static String create(String label, String correlationId) {
        var request = given().header("Authorization", "Bearer " + Tokens.integration())
                .contentType("application/json")
                .body("{\"label\":\"" + label + "\"}");
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return request.post("/api/v1/probes").then().statusCode(201)
                .extract().path("id");
    }
}
