package io.rhythm.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Strict validation of Kubernetes objects against the schemas vendored under deploy/k8s/schemas:
 * the Kubernetes API's OpenAPI v3 documents ({@code kubernetes/<group>_<version>.json}) and the
 * operators' CRD schemas ({@code crds/<group>/<kind>_<version>.json}). "Strict" as the API
 * server's strict field validation: a field no schema names is an error, except where the schema
 * preserves unknown fields ({@code x-kubernetes-preserve-unknown-fields}, e.g. Kafka configs).
 * An object of a kind without a vendored schema is an error too.
 */
public final class Schemas {

    /** Draft 7, with the OpenAPI and Kubernetes extension keywords (x-kubernetes-*, example, ...) as plain annotations. */
    private static final JsonMetaSchema META = JsonMetaSchema.builder(JsonMetaSchema.getV7())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
            .metaSchema(META)
            .defaultMetaSchemaIri(META.getIri())
            .build();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();

    /** apiVersion + "/" + kind → the schema of that built-in kind. */
    private final Map<String, JsonSchema> byKind = new HashMap<>();
    /** apiVersion + "/" + lower-case kind → the schema of that custom resource (the files name kinds in lower case). */
    private final Map<String, JsonSchema> byCrdKind = new HashMap<>();

    public Schemas(Path schemasDir) {
        loadKubernetes(schemasDir.resolve("kubernetes"));
        loadCrds(schemasDir.resolve("crds"));
    }

    /** Every problem of the object against its kind's schema; empty when it validates. */
    public List<String> validate(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        JsonSchema schema = byKind.getOrDefault(key, byCrdKind.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText().toLowerCase()));
        if (schema == null) {
            return List.of("no vendored schema for " + key);
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(object)) {
            problems.add(m.getMessage());
        }
        return problems;
    }

    private void loadKubernetes(Path dir) {
        for (Path file : jsonFiles(dir)) {
            ObjectNode doc = (ObjectNode) read(file);
            ObjectNode schemas = (ObjectNode) doc.path("components").path("schemas");
            schemas.forEach(Schemas::strict);
            for (Map.Entry<String, JsonNode> def : Kustomize.iterable(schemas)) {
                for (JsonNode gvk : def.getValue().path("x-kubernetes-group-version-kind")) {
                    String group = gvk.path("group").asText();
                    String apiVersion = group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
                    ObjectNode root = Yaml.JSON.createObjectNode();
                    root.put("$ref", "#/components/schemas/" + def.getKey());
                    root.set("components", doc.get("components"));
                    byKind.putIfAbsent(apiVersion + "/" + gvk.path("kind").asText(), FACTORY.getSchema(root, CONFIG));
                }
            }
        }
    }

    private void loadCrds(Path dir) {
        for (Path file : jsonFiles(dir)) {
            String group = file.getParent().getFileName().toString();
            String name = file.getFileName().toString().replace(".json", "");
            int underscore = name.lastIndexOf('_');
            String kindLower = name.substring(0, underscore);
            String version = name.substring(underscore + 1);
            ObjectNode schema = (ObjectNode) read(file);
            // some generated CRD schemas (the Keycloak operator's) leave out the fields every object has
            ObjectNode properties = schema.with("properties");
            for (String field : List.of("apiVersion", "kind")) {
                if (!properties.has(field)) {
                    properties.putObject(field).put("type", "string");
                }
            }
            if (!properties.has("metadata")) {
                properties.putObject("metadata").put("type", "object");
            }
            strict(schema);
            byCrdKind.put(group + "/" + version + "/" + kindLower, FACTORY.getSchema(schema, CONFIG));
        }
    }

    /**
     * Makes a schema strict: every object schema that lists its properties and says nothing about
     * others gets {@code additionalProperties: false}, unless it preserves unknown fields.
     */
    static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode s)) {
            return;
        }
        if (s.has("properties") && !s.has("additionalProperties")
                && !s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            s.set("additionalProperties", BooleanNode.FALSE);
        }
        s.path("properties").forEach(Schemas::strict);
        if (s.get("additionalProperties") instanceof ObjectNode ap) {
            strict(ap);
        }
        strict(s.get("items"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (s.get(combinator) instanceof ArrayNode a) {
                a.forEach(Schemas::strict);
            }
        }
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Yaml.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
