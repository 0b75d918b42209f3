package io.rhythm.platform.events;

import java.util.Objects;

/**
 * One kind of fact that travels between services: its CloudEvents {@code type}, the topic it is
 * published on, and where its JSON Schema and golden sample live on the classpath.
 *
 * @param type   CloudEvents type, {@code io.rhythm.<domain>.<EventName>.v<n>}
 * @param topic  Kafka topic, {@code <domain>.<aggregate>.v<n>}
 * @param source CloudEvents source of the producing service, {@code /rhythm/<service>}
 */
public record EventType(String type, String topic, String source) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(source, "source");
        if (!type.matches("io\\.rhythm\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v\\d+")) {
            throw new IllegalArgumentException("event type must look like io.rhythm.<domain>.<EventName>.v<n>: " + type);
        }
    }

    /** The event's name without domain or version, e.g. {@code ClientUpserted}. */
    public String name() {
        String[] parts = type.split("\\.");
        return parts[parts.length - 2];
    }

    /** The domain segment of the type, e.g. {@code health}. */
    public String domain() {
        return type.split("\\.")[2];
    }

    /** Classpath location of the event's JSON Schema. */
    public String schemaResource() {
        return "events/" + domain() + "/" + name() + "." + version() + ".schema.json";
    }

    /** Classpath location of the golden sample: a {@code data} payload that must validate. */
    public String sampleResource() {
        return "events/" + domain() + "/" + name() + "." + version() + ".sample.json";
    }

    private String version() {
        String[] parts = type.split("\\.");
        return parts[parts.length - 1];
    }
}
