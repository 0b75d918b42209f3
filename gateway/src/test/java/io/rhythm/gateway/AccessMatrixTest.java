package io.rhythm.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.testing.ContractFuzzer;
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
 * without a token, with an expired token, with a token signed by another key and with a token of another realm,
 * each time with the operation's <em>valid</em> request (built from its schema by the platform's
 * {@link ContractFuzzer}): a caller that is refused must be refused before anything else is looked at, so that a
 * denied role learns nothing about ids or bodies. The expected answers are data,
 * {@code src/test/resources/access-matrix.csv} (its format is described at its top): {@code D} denied (401 for the
 * four bad-token callers, 403 for a role), or the exact status an allowed caller gets (e.g. {@code 201}, or
 * {@code 404}: the ids are random), explained in the row's {@code why} when it is not a 2xx. An operation missing
 * from it, one it lists that no longer exists, a cell that differs, or a non-2xx allowed cell without a reason fails
 * the test, which prints each difference; what was observed is written to {@code target/access-matrix.observed.csv}
 * for {@code gateway/accept-access-matrix.sh} to copy over the expected rows once a human has checked them.
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
                if (path.getValue().has(method)) {
                    List<String> row = new ArrayList<>();
                    for (String caller : CALLERS) {
                        row.add(cell(call(document, method, path.getKey(), bearer.get(caller), caller)));
                    }
                    observed.put(method.toUpperCase() + " " + path.getKey(), String.join(",", row));
                }
            }));
            Map<String, Row> expected = expected();
            write(observed, expected);
            compare(observed, expected);
        }
    }

    /** What a status means in the matrix: D401 or D403 (refused; {@link #matches} reads them as D), or the status itself. */
    static String cell(int status) {
        return status == 401 || status == 403 ? "D" + status : String.valueOf(status);
    }

    /**
     * The operation's valid request (built from its schema by the contract fuzzer, seeded per operation and caller so
     * that two callers' creates do not collide), with an {@code Idempotency-Key} on writes and a stale
     * {@code If-Match} where the operation takes one.
     */
    private static int call(JsonNode document, String method, String path, String token, String caller) {
        ContractFuzzer.ValidRequest valid = ContractFuzzer.validRequest(document, path, method,
                (method + " " + path + " " + caller).hashCode());
        RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(false);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!method.equals("get")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        JsonNode operation = document.path("paths").path(path).path(method);
        operation.path("parameters").forEach(parameter -> {
            if (parameter.path("in").asText().equals("header") && parameter.path("name").asText().equals("If-Match")) {
                request.header("If-Match", "\"0\"");
            }
        });
        JsonNode content = operation.path("requestBody").path("content");
        if (valid.body() != null) {
            request.contentType("application/json").body(valid.body().getBytes(StandardCharsets.UTF_8));
        } else if (content.size() > 0) {
            String type = content.fieldNames().next();
            request.contentType(type.contains("*") ? "application/octet-stream" : type)
                    .body("access matrix".getBytes(StandardCharsets.UTF_8));
        } else {
            // no body, no media type (as curl -X POST sends it): RestAssured would otherwise name one, and a media type
            // the method does not consume is a 415 from the method matching, before any role check
            request.noContentType();
        }
        return request.request(method.toUpperCase(), valid.pathAndQuery()).statusCode();
    }

    /** One expected row: a cell per caller, and why an allowed caller gets something else than a 2xx. */
    record Row(List<String> cells, String why) {
    }

    private static Map<String, Row> expected() throws IOException {
        Map<String, Row> expected = new TreeMap<>();
        try (InputStream in = AccessMatrixTest.class.getResourceAsStream("/access-matrix.csv")) {
            assertThat(in).as("src/test/resources/access-matrix.csv").isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            assertThat(lines.get(0)).isEqualTo(HEADER);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", CALLERS.size() + 2);
                assertThat(fields).as("%s: an operation, %d cells and a why", line, CALLERS.size()).hasSize(CALLERS.size() + 2);
                assertThat(expected.put(fields[0], new Row(List.of(fields).subList(1, CALLERS.size() + 1),
                        fields[CALLERS.size() + 1].strip()))).as("%s listed twice", fields[0]).isNull();
            }
        }
        return expected;
    }

    static final String HEADER = "operation," + String.join(",", CALLERS) + ",why";

    private static void compare(Map<String, String> observed, Map<String, Row> expected) {
        List<String> problems = new ArrayList<>();
        List<String> diff = new ArrayList<>();
        List<String> knownDefects = new ArrayList<>();
        observed.forEach((operation, row) -> {
            Row want = expected.get(operation);
            if (want == null) {
                diff.add("+ " + operation + "," + row + "   (no entry: add it to access-matrix.csv)");
                return;
            }
            String[] got = row.split(",");
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < CALLERS.size(); i++) {
                String cell = want.cells().get(i);
                if (cell.startsWith("D~") && matches("D", got[i], i < 4)) {
                    differences.add(CALLERS.get(i) + " " + cell + " -> " + got[i] + " (refused now as the design says: set D)");
                } else if (!matches(cell, got[i], i < 4)) {
                    differences.add(CALLERS.get(i) + " " + cell + " -> " + got[i]);
                }
                if (cell.startsWith("D~")) {
                    knownDefects.add(operation + " as " + CALLERS.get(i) + ": " + got[i] + " (" + want.why() + ")");
                }
                if (!allowedAndServed(cell) && !cell.equals("D") && want.why().isBlank()) {
                    problems.add(operation + " as " + CALLERS.get(i) + ": cell " + cell + " needs a why");
                }
            }
            if (!differences.isEmpty()) {
                diff.add("~ " + operation + ": " + String.join(", ", differences));
                diff.add("- " + operation + "," + String.join(",", want.cells()));
                diff.add("+ " + operation + "," + row);
            }
        });
        expected.forEach((operation, want) -> {
            if (!observed.containsKey(operation)) {
                diff.add("- " + operation + "," + String.join(",", want.cells()) + "   (not in the API any more: remove it)");
            }
        });
        if (!knownDefects.isEmpty()) {
            System.err.println("access matrix: " + knownDefects.size() + " known defects (D~ cells: the design denies,"
                    + " the service does not yet):\n  " + String.join("\n  ", knownDefects));
        }
        if (!diff.isEmpty()) {
            String columns = "  operation," + String.join(",", CALLERS);
            problems.add(0, "the answers differ from access-matrix.csv (- expected, + observed; " + columns.strip() + "):\n"
                    + columns + "\n" + String.join("\n", diff.stream().map(line -> "  " + line).toList())
                    + "\nReview each difference against DESIGN.md's security model (an allowed role refused, or a status that"
                    + " makes no sense, is a bug in the service), then accept what is right with"
                    + " gateway/accept-access-matrix.sh and review its git diff.");
            System.err.println("access matrix:\n" + problems.get(0));
        }
        assertThat(problems).as("access matrix (observed: target/access-matrix.observed.csv)").isEmpty();
    }

    /** A cell that expects only successes: a 2xx status, or several separated by {@code |}. */
    private static boolean allowedAndServed(String cell) {
        return List.of(cell.split("\\|")).stream().allMatch(status -> status.matches("2\\d\\d"));
    }

    /**
     * Whether an observed cell is what is expected: {@code D} is 401 for a caller without a valid token and 403 for a
     * role; otherwise the exact status, or one of several separated by {@code |} ({@code D401}/{@code D403}: a refusal
     * that is not the role check, e.g. a missing webhook signature); {@code D~NNN} (a known defect: the design denies,
     * the service answers NNN today) that status.
     */
    static boolean matches(String expected, String observed, boolean badToken) {
        if (expected.startsWith("D~")) {
            return matches(expected.substring(2), observed, badToken);
        }
        if (expected.equals("D")) {
            return observed.equals(badToken ? "D401" : "D403");
        }
        return List.of(expected.split("\\|")).contains(observed);
    }

    /**
     * What this run saw, in the file's own format, for {@code gateway/accept-access-matrix.sh} to copy over the
     * expected rows after review: a cell the expectation matches is written as expected (so {@code D~}, alternatives
     * and {@code D401} stay as they are), any other is written as observed ({@code D} for the refusal the design
     * means: 401 for a bad token, 403 for a role).
     */
    private static void write(Map<String, String> observed, Map<String, Row> expected) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        observed.forEach((operation, row) -> {
            Row want = expected.get(operation);
            String[] got = row.split(",");
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < CALLERS.size(); i++) {
                if (want != null && matches(want.cells().get(i), got[i], i < 4)) {
                    cells.add(want.cells().get(i));
                } else {
                    cells.add(matches("D", got[i], i < 4) ? "D" : got[i]);
                }
            }
            csv.append(operation).append(',').append(String.join(",", cells)).append(',')
                    .append(want == null ? "" : want.why()).append('\n');
        });
        Files.writeString(Path.of("target", "access-matrix.observed.csv"), csv);
    }
}
