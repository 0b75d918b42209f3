package io.rhythm.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the merged OpenAPI document (all five services and the gateway's own) called by every role,
 * without a token, with an expired token, with a token signed by another key and with a token of another realm.
 * Allowed = any status but 401/403; denied = 401 or 403. The expected matrix is data:
 * {@code src/test/resources/access-matrix.csv} ({@code A} allow, {@code D} deny). An operation missing from it, one
 * it lists that no longer exists, or a cell that differs fails the test; what was observed is written to
 * {@code target/access-matrix.observed.csv} to review and copy when an operation is added on purpose.
 * Path parameters are random (a UUID for an id): the point is who may call, not what exists.
 */
@QuarkusTest
@TestProfile(AccessMatrixTest.GenerousLimits.class)
@QuarkusTestResource(value = ServiceProcesses.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "services", value = "health,nps,segmentation,planning,calendar"))
class AccessMatrixTest {

    public static class GenerousLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rhythm.gateway.rate-limit.enabled", "false");
        }
    }

    static final List<String> CALLERS = List.of("anonymous", "expired", "foreign-key", "foreign-realm",
            "cse", "cam", "avp", "vp", "evp", "marketing", "admin", "integration");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationAnswersEachCallerAsTheMatrixSays() throws IOException {
        JsonNode document = Json.mapper().readTree(given().get("/openapi").then().statusCode(200).extract().asString());
        assertThat(document.path("info").has("x-rhythm-unavailable"))
                .as("every service answered: %s", document.path("info").path("x-rhythm-unavailable")).isFalse();

        Map<String, String> bearer = new LinkedHashMap<>();
        try (ForeignTokens foreign = new ForeignTokens()) {
            bearer.put("expired", foreign.expired());
            bearer.put("foreign-key", foreign.signedByAnotherKey());
            bearer.put("foreign-realm", foreign.otherRealm());
            for (String role : CALLERS.subList(4, CALLERS.size() - 1)) {
                bearer.put(role, Tokens.forUser(role));
            }
            bearer.put("integration", Tokens.integration());

            // the refused tokens are refused for what they are: the same kinds of token, valid, are let in
            for (String caller : List.of("expired", "foreign-key", "foreign-realm")) {
                given().header("Authorization", "Bearer " + bearer.get(caller)).get("/api/v1/clients?limit=1")
                        .then().statusCode(401);
            }
            given().header("Authorization", "Bearer " + bearer.get("admin")).get("/api/v1/clients?limit=1")
                    .then().statusCode(200);

            Map<String, String> observed = new TreeMap<>();
            document.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    StringBuilder row = new StringBuilder();
                    for (String caller : CALLERS) {
                        int status = call(method, path.getKey(), path.getValue(), operation, bearer.get(caller));
                        row.append(',').append(status == 401 || status == 403 ? 'D' : 'A');
                    }
                    observed.put(method.toUpperCase() + " " + path.getKey(), row.substring(1));
                }
            }));
            write(observed);
            compare(observed, expected());
        }
    }

    private static int call(String method, String path, JsonNode pathItem, JsonNode operation, String token) {
        String uri = path;
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            if ("path".equals(parameter.path("in").asText())) {
                uri = uri.replace("{" + parameter.path("name").asText() + "}", sample(parameter.path("schema")));
            }
        }
        uri = uri.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.size() > 0) {
            String type = content.fieldNames().next();
            request.config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                            .encoderConfig().encodeContentTypeAs(type, io.restassured.http.ContentType.TEXT)))
                    .contentType(type.contains("*") ? "application/json" : type)
                    .body((type.contains("json") || type.contains("*") ? "{}" : "").getBytes(StandardCharsets.UTF_8));
        }
        return request.request(method.toUpperCase(), uri).statusCode();
    }

    private static String sample(JsonNode schema) {
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        String format = schema.path("format").asText();
        if (type.equals("integer") || type.equals("number")) {
            return "2026";
        }
        if (format.equals("date")) {
            return "2026-12-07";
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        return format.equals("uuid") ? UUID.randomUUID().toString() : "x" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, String> expected() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (InputStream in = AccessMatrixTest.class.getResourceAsStream("/access-matrix.csv")) {
            assertThat(in).as("src/test/resources/access-matrix.csv").isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            assertThat(lines.get(0)).isEqualTo("operation," + String.join(",", CALLERS));
            for (String line : lines.subList(1, lines.size())) {
                int comma = line.indexOf(',');
                expected.put(line.substring(0, comma), line.substring(comma + 1));
            }
        }
        return expected;
    }

    private static void compare(Map<String, String> observed, Map<String, String> expected) {
        List<String> problems = new ArrayList<>();
        observed.forEach((operation, row) -> {
            if (!expected.containsKey(operation)) {
                problems.add("no entry for " + operation + " (observed " + row + "): add it to access-matrix.csv");
            } else if (!expected.get(operation).equals(row)) {
                String[] want = expected.get(operation).split(",");
                String[] got = row.split(",");
                for (int i = 0; i < CALLERS.size(); i++) {
                    if (i >= want.length || !want[i].equals(got[i])) {
                        problems.add(operation + " as " + CALLERS.get(i) + ": expected "
                                + (i < want.length && want[i].equals("A") ? "allow" : "deny") + ", got "
                                + (got[i].equals("A") ? "allow" : "deny"));
                    }
                }
            }
        });
        expected.keySet().stream().filter(operation -> !observed.containsKey(operation))
                .forEach(operation -> problems.add(operation + " is in access-matrix.csv but not in the API any more"));
        assertThat(problems).as("access matrix (observed: target/access-matrix.observed.csv)").isEmpty();
    }

    private static void write(Map<String, String> observed) throws IOException {
        StringBuilder csv = new StringBuilder("operation," + String.join(",", CALLERS) + "\n");
        observed.forEach((operation, row) -> csv.append(operation).append(',').append(row).append('\n'));
        Files.writeString(Path.of("target", "access-matrix.observed.csv"), csv);
    }
}
