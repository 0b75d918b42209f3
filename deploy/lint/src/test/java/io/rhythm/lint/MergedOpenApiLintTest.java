package io.rhythm.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rhythm.gateway.openapi.OpenApiMerger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lint gate (README "API contract"): the merged document the gateway serves at {@code GET /openapi} is
 * built here offline, from the documents the services' builds wrote to {@code <service>/target/openapi/openapi.json}
 * (the reactor packages every service before this module), with the gateway's own {@link OpenApiMerger}; then
 * {@code deploy/lint/lint.sh} lints it with Redocly CLI {@code recommended} and Spectral ({@code spectral:oas} +
 * the OWASP API Top 10 ruleset), versions pinned in {@code package-lock.json} and installed with {@code npm ci}
 * on first use. Any error fails the build; warnings (the rate-limit rules, until every operation declares its
 * limit headers) are counted and printed.
 */
class MergedOpenApiLintTest {

    static final List<String> SERVICES = List.of(
            "health-service", "nps-service", "segmentation-service", "planning-service", "calendar-service");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Path root = Path.of(System.getProperty("rhythm.root", "../..")).toAbsolutePath().normalize();

    /** Jackson's {@code JsonNode} getters, which a schema generated from a raw JSON field used to show. */
    static final Set<String> JACKSON_INTERNALS = Set.of("valueNode", "containerNode", "nodeType", "missingNode", "pojo",
            "floatingPointNumber", "integralNumber", "bigDecimal", "bigInteger", "textual", "binary", "array", "object");

    private ObjectNode merged() throws IOException {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path document = root.resolve(service).resolve("target/openapi/openapi.json");
            assertThat(document).as("%s is written by the service's build (./mvnw package -pl %s)", document, service)
                    .exists();
            documents.put(service, mapper.readTree(document.toFile()));
        }
        return OpenApiMerger.merge(mapper, "Rhythm API", documents);
    }

    @Test
    void noSchemaShowsJacksonInternals() throws IOException {
        ObjectNode merged = merged();
        List<String> leaks = new ArrayList<>();
        walk(merged, "#", leaks);
        assertThat(leaks).as("schemas that document Jackson's JsonNode instead of the data").isEmpty();
        assertThat(merged.at("/components/schemas").has("JsonNodeType")).isFalse();
        // the CRM bulk rows and the signal batches (issue 10: they were documented as JsonNode)
        for (String path : List.of("/api/v1/clients/bulk", "/api/v1/clients/bulk/hubspot", "/api/v1/clients/bulk/salesforce",
                "/api/v1/signals", "/api/v1/signals/support", "/api/v1/signals/billing", "/api/v1/signals/segment")) {
            JsonNode body = resolve(merged, merged.path("paths").path(path).path("post").path("requestBody")
                    .path("content").path("application/json").path("schema"));
            assertThat(body.path("type").asText()).as(path + " body").isEqualTo("object");
            body.path("properties").forEach(property -> {
                JsonNode resolved = resolve(merged, property);
                if (resolved.path("type").asText().equals("array")) {
                    assertThat(resolve(merged, resolved.path("items")).path("type").asText()).as(path + " items").isEqualTo("object");
                    assertThat(resolved.has("maxItems")).as(path + " maxItems").isTrue();
                }
            });
        }
    }

    private static void walk(JsonNode node, String where, List<String> leaks) {
        if (node.isObject()) {
            JsonNode properties = node.path("properties");
            if (properties.isObject()) {
                properties.fieldNames().forEachRemaining(name -> {
                    if (JACKSON_INTERNALS.contains(name)) {
                        leaks.add(where + "/properties/" + name);
                    }
                });
            }
            node.fields().forEachRemaining(field -> walk(field.getValue(), where + "/" + field.getKey(), leaks));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, leaks);
            }
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = document.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    @Test
    void theMergedDocumentHasNoLintErrors() throws IOException, InterruptedException {
        ObjectNode merged = merged();
        assertThat(merged.path("paths").size()).as("paths in the merged document").isGreaterThan(50);
        Path out = Path.of("target", "openapi", "merged-openapi.json").toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, merged.toPrettyString(), StandardCharsets.UTF_8);

        Path log = Path.of("target", "openapi", "lint.log").toAbsolutePath();
        Process lint = new ProcessBuilder("bash", root.resolve("deploy/lint/lint.sh").toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = lint.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            lint.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("[lint] merged document of " + SERVICES.size() + " services, "
                + merged.path("paths").size() + " paths (" + out + "):\n" + output);
        assertThat(finished).as("lint finished within 10 minutes").isTrue();
        assertThat(lint.exitValue()).as("lint.sh exit status (0 = no errors); its output:\n" + output).isZero();
    }
}
