package io.rhythm.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into one for the gateway: all paths, tags and component
 * schemas. A schema name two services define differently is renamed {@code <service>.<Name>} in the
 * second service's part, with its {@code $ref}s rewritten, so nothing is silently overwritten; likewise an
 * {@code operationId} another service already used becomes {@code <service>.<operationId>} (ids are unique in
 * the merged document). Security schemes a service defines besides the shared {@code bearer} (the survey
 * webhook's signature) are kept. Pure JSON work, no I/O.
 */
public final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiMerger() {
    }

    /**
     * @param documents service name → its OpenAPI document (JSON); null for a service that did not answer
     */
    public static ObjectNode merge(ObjectMapper mapper, String title, Map<String, JsonNode> documents) {
        ObjectNode merged = mapper.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", "v1");
        ObjectNode paths = mapper.createObjectNode();
        ObjectNode schemas = mapper.createObjectNode();
        Map<String, JsonNode> tags = new TreeMap<>();
        Map<String, JsonNode> securitySchemes = new TreeMap<>();
        Set<String> operationIds = new HashSet<>();
        ArrayNode unavailable = mapper.createArrayNode();

        for (Map.Entry<String, JsonNode> entry : new TreeMap<>(documents).entrySet()) {
            String service = entry.getKey();
            if (entry.getValue() == null) {
                unavailable.add(service);
                continue;
            }
            JsonNode document = entry.getValue().deepCopy();
            JsonNode serviceSchemas = document.path("components").path("schemas");
            Map<String, String> renames = new TreeMap<>();
            serviceSchemas.fieldNames().forEachRemaining(name -> {
                JsonNode existing = schemas.get(name);
                if (existing != null && !existing.equals(serviceSchemas.get(name))) {
                    renames.put(name, service + "." + name);
                }
            });
            if (!renames.isEmpty()) {
                rewriteRefs(document, renames);
            }
            document.path("components").path("schemas").fields().forEachRemaining(schema ->
                    schemas.set(renames.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
            document.path("paths").fields().forEachRemaining(path -> {
                publicOperationsSaySo(path.getValue());
                uniqueOperationIds(service, path.getValue(), operationIds);
                paths.set(path.getKey(), path.getValue());
            });
            document.path("components").path("securitySchemes").fields().forEachRemaining(scheme ->
                    securitySchemes.putIfAbsent(scheme.getKey(), scheme.getValue()));
            for (JsonNode tag : document.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), tag);
            }
        }

        if (!unavailable.isEmpty()) {
            info.put("description", "Services that did not answer and are missing here: " + unavailable);
            info.set("x-rhythm-unavailable", unavailable);
        }
        ArrayNode tagList = merged.putArray("tags");
        tags.values().forEach(tagList::add);
        merged.set("paths", sorted(mapper, paths));
        ObjectNode components = merged.putObject("components");
        components.set("schemas", sorted(mapper, schemas));
        RateLimitDocs.add(mapper, merged);
        ObjectNode schemes = components.putObject("securitySchemes");
        securitySchemes.forEach(schemes::set);
        ObjectNode bearer = schemes.putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        bearer.put("description", "Access token (JWT, RFC8725 best practices: RS256, issuer and expiry checked) "
                + "from Keycloak realm rhythm");
        merged.putArray("security").addObject().putArray("bearer");
        ObjectNode server = merged.putArray("servers").addObject();
        server.put("url", "/");
        server.put("description", "The gateway that served this document (local environment: ./rhythm up, "
                + "http://127.0.0.1:8080; production: behind TLS)");
        server.put("x-internal", false);
        return merged;
    }

    /** An operation without a security requirement is public (survey links, the signed webhook): explicit {@code []}. */
    private static void publicOperationsSaySo(JsonNode pathItem) {
        pathItem.fields().forEachRemaining(operation -> {
            if (operation.getValue() instanceof ObjectNode op && op.has("responses") && !op.has("security")) {
                op.putArray("security");
            }
        });
    }

    private static void uniqueOperationIds(String service, JsonNode pathItem, Set<String> seen) {
        pathItem.fields().forEachRemaining(operation -> {
            if (operation.getValue() instanceof ObjectNode op && op.path("operationId").isTextual()
                    && !seen.add(op.path("operationId").asText())) {
                op.put("operationId", service + "." + op.path("operationId").asText());
                seen.add(op.path("operationId").asText());
            }
        });
    }

    private static ObjectNode sorted(ObjectMapper mapper, ObjectNode node) {
        Map<String, JsonNode> byName = new TreeMap<>();
        node.fields().forEachRemaining(field -> byName.put(field.getKey(), field.getValue()));
        ObjectNode sorted = mapper.createObjectNode();
        byName.forEach(sorted::set);
        return sorted;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()
                        && field.getValue().asText().startsWith(SCHEMA_REF)) {
                    String name = field.getValue().asText().substring(SCHEMA_REF.length());
                    if (renames.containsKey(name)) {
                        field.setValue(TextNode.valueOf(SCHEMA_REF + renames.get(name)));
                    }
                } else {
                    rewriteRefs(field.getValue(), renames);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, renames));
        }
    }
}
