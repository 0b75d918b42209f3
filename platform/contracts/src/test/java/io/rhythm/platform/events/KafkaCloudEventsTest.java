package io.rhythm.platform.events;

import io.rhythm.platform.events.payload.ProbeRecorded;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaCloudEventsTest {

    @Test
    void binaryModeRoundTripKeepsEveryAttributeAndKeysBySubject() {
        String probeId = UUID.randomUUID().toString();
        CloudEvent event = CloudEvent.create(EventCatalogue.PROBE_RECORDED, probeId,
                Json.tree(new ProbeRecorded(probeId, "round trip")), "corr-42");

        ProducerRecord<String, String> produced = KafkaCloudEvents.toRecord("platform.probes.v1", event);
        assertThat(produced.key()).isEqualTo(probeId);
        assertThat(KafkaCloudEvents.header(produced.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaCloudEvents.header(produced.headers(), "content-type")).isEqualTo("application/json");

        CloudEvent read = KafkaCloudEvents.fromRecord(consumed(produced.key(), produced.value(), produced));
        assertThat(read).isEqualTo(event);
        assertThat(EventSchemas.problems(read)).isEmpty();
    }

    @Test
    void recordWithoutIdIsMalformed() {
        var headers = new RecordHeaders();
        headers.add("ce_type", "io.rhythm.platform.ProbeRecorded.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/rhythm/platform".getBytes(StandardCharsets.UTF_8));
        var record = new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, "k", "{}", headers, Optional.empty());
        assertThatThrownBy(() -> KafkaCloudEvents.fromRecord(record))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("'id'");
    }

    @Test
    void unparseableDataIsMalformed() {
        CloudEvent event = CloudEvent.create(EventCatalogue.PROBE_RECORDED, "p", Json.tree(new ProbeRecorded("p", "x")), null);
        ProducerRecord<String, String> produced = KafkaCloudEvents.toRecord("t", event);
        assertThatThrownBy(() -> KafkaCloudEvents.fromRecord(consumed("p", "{not json", produced)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void unknownTypeAndWrongSourceAreReportedByTheSchemaCheck() {
        CloudEvent unknown = new CloudEvent("1", "/rhythm/x", "io.rhythm.x.Unknown.v1", java.time.Instant.now(), "s", null,
                Json.mapper().createObjectNode());
        assertThat(EventSchemas.problems(unknown)).containsExactly("unknown event type io.rhythm.x.Unknown.v1");
        CloudEvent wrongSource = new CloudEvent("1", "/rhythm/health-service", EventCatalogue.PROBE_RECORDED.type(),
                java.time.Instant.now(), "s", null, EventSchemas.goldenSample(EventCatalogue.PROBE_RECORDED));
        assertThat(EventSchemas.problems(wrongSource)).singleElement().asString().contains("is not /rhythm/platform");
    }

    private static ConsumerRecord<String, String> consumed(String key, String value, ProducerRecord<String, String> produced) {
        return new ConsumerRecord<>("t", 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value,
                produced.headers(), Optional.empty());
    }
}
