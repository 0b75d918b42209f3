package io.rhythm.platform.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event with JSON data. On Kafka it travels in binary content mode: the
 * attributes are {@code ce_*} headers (see {@link KafkaCloudEvents}), the data is the record value,
 * and the record key is the subject (the aggregate id) so one aggregate's events stay ordered.
 *
 * @param correlationId extension attribute {@code correlationid}: ties the event to the request
 *                      or event that caused it (may be null)
 */
public record CloudEvent(String id, String source, String type, Instant time, String subject,
                         String correlationId, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event of a catalogued type, with a fresh id and the current time. */
    public static CloudEvent create(EventType type, String subject, JsonNode data, String correlationId) {
        return new CloudEvent(UUID.randomUUID().toString(), type.source(), type.type(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), subject, correlationId, data);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("CloudEvent attribute '" + name + "' is missing");
        }
    }
}
