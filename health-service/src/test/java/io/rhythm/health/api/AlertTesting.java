package io.rhythm.health.api;

import io.restassured.response.ValidatableResponse;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.KafkaCloudEvents;
import io.rhythm.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.asIntegration;

/** Clients, signals and alert events for the alert @QuarkusTests. */
final class AlertTesting {

    private AlertTesting() {
    }

    static String newClient(String ownerCse) {
        return asIntegration().body(ClientApiTest.client("Alerted " + UUID.randomUUID(), ownerCse, "cam", "hs-" + UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> signal(String clientId, String metric, double value, Instant at) {
        return Map.of("eventId", metric + "-" + UUID.randomUUID(), "clientId", clientId, "metric", metric, "value", value,
                "occurredAt", at.toString());
    }

    @SafeVarargs
    static ValidatableResponse send(Map<String, Object>... signals) {
        return asIntegration().body(Map.of("signals", List.of(signals))).post("/api/v1/signals").then().statusCode(200);
    }

    static boolean is(ConsumerRecord<String, String> record, String type, String clientId) {
        return clientId.equals(record.key()) && type.equals(KafkaCloudEvents.header(record.headers(), KafkaCloudEvents.TYPE));
    }

    /** The alert event of a type about a client whose data has {@code alertType}, schema-checked. */
    static CloudEvent awaitAlertEvent(TopicProbe probe, String type, String clientId, String alertType) {
        return TopicProbe.validated(probe.awaitRecord(r -> is(r, type, clientId) && r.value().contains("\"" + alertType + "\""),
                Duration.ofSeconds(30)));
    }

    /** How many events of a type about a client the probe has seen, after letting the outbox settle. */
    static long count(TopicProbe probe, String type, String clientId, Duration settle) {
        return probe.recordsAfter(settle).stream().filter(r -> is(r, type, clientId)).count();
    }

    /** As {@link #count} for the events about one alert type. */
    static long count(TopicProbe probe, String type, String clientId, String alertType, Duration settle) {
        return probe.recordsAfter(settle).stream()
                .filter(r -> is(r, type, clientId) && r.value().contains("\"" + alertType + "\"")).count();
    }
}
