package io.rhythm.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates event data against the JSON Schema of its catalogued type. */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Formats (uuid, date) are asserted, not just annotated. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Problems with the event; empty when it is valid. */
    public static List<String> problems(CloudEvent event) {
        EventType type = EventCatalogue.byType(event.type()).orElse(null);
        if (type == null) {
            return List.of("unknown event type " + event.type());
        }
        if (!type.source().equals(event.source())) {
            return List.of("event source " + event.source() + " is not " + type.source());
        }
        return problems(type, event.data());
    }

    public static List<String> problems(EventType type, JsonNode data) {
        return schema(type).validate(data).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList();
    }

    /** @throws MalformedEventException listing every problem, when the data does not validate */
    public static void requireValid(EventType type, JsonNode data) {
        List<String> problems = problems(type, data);
        if (!problems.isEmpty()) {
            throw new MalformedEventException(type.type() + " does not match its schema: " + String.join("; ", problems));
        }
    }

    public static JsonNode goldenSample(EventType type) {
        return readResource(type.sampleResource());
    }

    private static JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type.type(), t -> FACTORY.getSchema(readResource(type.schemaResource()), CONFIG));
    }

    static JsonNode readResource(String path) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
