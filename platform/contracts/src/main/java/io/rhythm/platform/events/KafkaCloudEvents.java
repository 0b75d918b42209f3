package io.rhythm.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode. */
public final class KafkaCloudEvents {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CONTENT_TYPE = "content-type";

    private KafkaCloudEvents() {
    }

    public static ProducerRecord<String, String> toRecord(String topic, CloudEvent event) {
        return toRecord(topic, event.id(), event.source(), event.type(), event.time(), event.subject(), event.correlationId(),
                Json.write(event.data()));
    }

    /**
     * A record from an event's attributes and its data already serialised as JSON (the outbox keeps it
     * so; relaying it as it is spares parsing and writing it again).
     */
    public static ProducerRecord<String, String> toRecord(String topic, String id, String source, String type, Instant time,
                                                          String subject, String correlationId, String dataJson) {
        return new ProducerRecord<>(topic, null, subject, dataJson, headers(id, source, type, time, subject, correlationId));
    }

    public static Headers headers(CloudEvent event) {
        return headers(event.id(), event.source(), event.type(), event.time(), event.subject(), event.correlationId());
    }

    private static Headers headers(String id, String source, String type, Instant time, String subject, String correlationId) {
        Headers headers = new RecordHeaders();
        put(headers, SPEC_VERSION, CloudEvent.SPEC_VERSION);
        put(headers, ID, id);
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        put(headers, TIME, time.toString());
        put(headers, SUBJECT, subject);
        put(headers, CONTENT_TYPE, CloudEvent.DATA_CONTENT_TYPE);
        if (correlationId != null) {
            put(headers, CORRELATION_ID, correlationId);
        }
        return headers;
    }

    /**
     * Reads a record written in binary mode.
     *
     * @throws MalformedEventException when a required attribute is missing or the data is not JSON
     */
    public static CloudEvent fromRecord(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String specVersion = header(headers, SPEC_VERSION);
        if (specVersion != null && !CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported CloudEvents specversion " + specVersion);
        }
        String time = header(headers, TIME);
        Instant instant;
        try {
            instant = time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp: " + time, e);
        }
        if (record.value() == null) {
            throw new MalformedEventException("event has no data");
        }
        JsonNode data;
        try {
            data = Json.mapper().readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event data is not valid JSON: " + e.getOriginalMessage(), e);
        }
        String subject = header(headers, SUBJECT);
        return new CloudEvent(header(headers, ID), header(headers, SOURCE), header(headers, TYPE), instant,
                subject != null ? subject : record.key(), header(headers, CORRELATION_ID), data);
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
