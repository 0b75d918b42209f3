package io.rhythm.platform.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.ProbeRecorded;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link OutboxWriter#publishAll} (COPY): the rows are those {@link OutboxWriter#publish} writes, in list order, with
 * the payload text as serialised (characters COPY must escape included), and the relay publishes them as valid
 * CloudEvents in that order; a payload that breaks its schema writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OutboxBatchTest {

    /** Every character COPY's text format escapes, plus JSON escapes and non-ASCII text. */
    private static final String AWKWARD = "tab\there, line\nbreak, cr\r, back\\slash, \"quoted\", \\N, é ü 日本, \u0001";

    @Inject
    OutboxWriter outbox;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchIsStoredInOrderAsSerialisedAndRelayedAsValidCloudEvents() throws Exception {
        String run = UUID.randomUUID().toString();
        List<OutboxWriter.Pending> events = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String subject = UUID.randomUUID().toString();
            subjects.add(subject);
            events.add(new OutboxWriter.Pending(subject, new ProbeRecorded(subject, run + " #" + i + " " + AWKWARD)));
        }
        try (TopicProbe topic = TopicProbe.watch(Topics.PLATFORM_PROBES)) {
            Instant before = Instant.now();
            QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(EventCatalogue.PROBE_RECORDED, events));

            List<Row> rows = rows(subjects);
            assertThat(rows).extracting(Row::subject).containsExactlyElementsOf(subjects); // id order = list order
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                assertThat(row.payload()).isEqualTo(Json.write(Json.tree(events.get(i).payload())));
                assertThat(Json.mapper().readTree(row.payload()).get("label").asText()).isEqualTo(run + " #" + i + " " + AWKWARD);
                assertThat(row.topic()).isEqualTo(Topics.PLATFORM_PROBES);
                assertThat(row.type()).isEqualTo(EventCatalogue.PROBE_RECORDED.type());
                assertThat(row.source()).isEqualTo("/rhythm/platform");
                assertThat(row.occurredAt()).isBetween(before.minusSeconds(1), Instant.now());
            }

            for (int i = 0; i < subjects.size(); i++) {
                String subject = subjects.get(i);
                ConsumerRecord<String, String> record = topic.awaitRecord(r -> subject.equals(r.key()), Duration.ofSeconds(30));
                CloudEvent event = TopicProbe.validated(record);
                assertThat(event.id()).isEqualTo(rows.get(i).eventId());
                assertThat(event.time()).isEqualTo(rows.get(i).occurredAt());
                JsonNode data = event.data();
                assertThat(data.get("label").asText()).isEqualTo(run + " #" + i + " " + AWKWARD);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> pending(subjects) == 0);
        }
    }

    @Test
    void aPayloadThatBreaksItsSchemaWritesNothingOfTheBatch() throws SQLException {
        String good = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        List<OutboxWriter.Pending> events = List.of(
                new OutboxWriter.Pending(good, new ProbeRecorded(good, "fine")),
                new OutboxWriter.Pending(bad, new ProbeRecorded("not-a-uuid", "")));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(
                () -> outbox.publishAll(EventCatalogue.PROBE_RECORDED, events)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ProbeRecorded")
                .hasMessageContaining("/probeId").hasMessageContaining("/label");
        assertThat(rows(List.of(good, bad))).isEmpty();
    }

    private record Row(String eventId, String subject, String topic, String type, String source, Instant occurredAt,
                       String payload) {
    }

    private List<Row> rows(List<String> subjects) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select event_id, event_key, topic, event_type, source, occurred_at, payload::text
                from rhythm_outbox where event_key = any(?) order by id""")) {
            ps.setArray(1, c.createArrayOf("text", subjects.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    private long pending(List<String> subjects) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from rhythm_outbox where event_key = any(?) and sent_at is null")) {
            ps.setArray(1, c.createArrayOf("text", subjects.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
