package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The few Rhythm API calls the bench makes: a client-credentials token, the bulk client upsert, the OpenAPI document. */
final class RhythmApi {

    static final int MAX_ROWS = 1000;
    static final String SOURCE = "bench";

    private final URI gateway;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private long tokenExpiresNanos;

    RhythmApi(Options options) {
        this(options.gateway, options.tokenUrl, options.clientId, options.clientSecret);
    }

    RhythmApi(URI gateway, URI tokenUrl, String clientId, String clientSecret) {
        this.gateway = gateway;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** A client-credentials token, fetched again a minute before it expires. */
    String token() throws Exception {
        if (token != null && System.nanoTime() < tokenExpiresNanos) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token request to " + tokenUrl + " answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode body = json.readTree(r.body());
        token = body.path("access_token").asText();
        long expiresIn = body.path("expires_in").asLong(300);
        tokenExpiresNanos = System.nanoTime() + Duration.ofSeconds(Math.max(10, expiresIn - 60)).toNanos();
        return token;
    }

    record Clients(String[] ids, double seconds, int created, int updated, int unchanged) {
    }

    /**
     * Creates (or finds again: the upsert is idempotent on externalIds.bench) clients "Bench 00001".. in
     * batches of 1,000 through {@code POST /api/v1/clients/bulk}; returns their ids in row order.
     */
    Clients ensureClients(int count) throws Exception {
        String[] ids = new String[count];
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Progress progress = new Progress("clients");
        long t0 = System.nanoTime();
        for (int start = 0; start < count; start += MAX_ROWS) {
            int end = Math.min(count, start + MAX_ROWS);
            ObjectNode body = json.createObjectNode().put("source", SOURCE);
            ArrayNode rows = body.putArray("rows");
            for (int i = start; i < end; i++) {
                String n = String.format(Locale.ROOT, "%05d", i + 1);
                ObjectNode row = rows.addObject().put("name", "Bench " + n).put("region", "APAC").put("ownerCse", "cse")
                        .put("lifecycleStage", "MATURE");
                row.putObject("externalIds").put(SOURCE, "b-" + n);
            }
            HttpResponse<String> r = post("/api/v1/clients/bulk", json.writeValueAsString(body), Duration.ofSeconds(300));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v1/clients/bulk (rows " + (start + 1) + ".." + end + ") answered "
                        + r.statusCode() + ": " + abbreviate(r.body()));
            }
            JsonNode results = json.readTree(r.body()).path("results");
            if (results.size() != end - start) {
                throw new IllegalStateException("bulk answer has " + results.size() + " results for " + (end - start) + " rows");
            }
            for (JsonNode result : results) {
                int row = result.path("row").asInt(-1);
                String status = result.path("status").asText();
                String clientId = result.path("clientId").asText(null);
                if (row < 0 || row >= end - start || clientId == null || clientId.isBlank()
                        || !List.of("CREATED", "UPDATED", "UNCHANGED").contains(status)) {
                    throw new IllegalStateException("bulk row " + row + " was not accepted: " + result);
                }
                ids[start + row] = clientId;
                switch (status) {
                    case "CREATED" -> created++;
                    case "UPDATED" -> updated++;
                    default -> unchanged++;
                }
            }
            int done = end;
            progress.tick(() -> String.format("%,d of %,d (%s)", done, count, Progress.rate(done / ((System.nanoTime() - t0) / 1e9))));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Progress.log(String.format("clients: %,d rows in %.1f s (%,d created, %,d updated, %,d unchanged)", count, seconds,
                created, updated, unchanged));
        return new Clients(ids, seconds, created, updated, unchanged);
    }

    /** The API paths in the gateway's merged OpenAPI document (JSON), or the service's own when the gateway has none. */
    List<String> apiPaths() throws Exception {
        List<String> paths = new ArrayList<>();
        for (String p : List.of("/openapi?format=json", "/q/openapi?format=json")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + p)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                try {
                    json.readTree(r.body()).path("paths").fieldNames().forEachRemaining(paths::add);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    // YAML despite the format parameter: pick the path keys out of the text
                    for (String line : r.body().split("\n")) {
                        if (line.startsWith("  /")) {
                            paths.add(line.strip().replaceAll(":$", "").replaceAll("^\"|\"$", ""));
                        }
                    }
                }
                return paths;
            }
        }
        return paths;
    }

    /** The gateway's merged OpenAPI document (JSON), or null when it has none. */
    JsonNode openApi() throws Exception {
        for (String p : List.of("/openapi?format=json", "/q/openapi?format=json")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + p)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                try {
                    return json.readTree(r.body());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A user's token (password grant of the realm's browser client, enabled for tests and demos). */
    String userToken(String username, String password) throws Exception {
        String form = "grant_type=password&client_id=rhythm-frontend&username=" + enc(username) + "&password=" + enc(password);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token request for " + username + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return json.readTree(r.body()).path("access_token").asText();
    }

    /** A call as someone else than the integration client (bearer = {@link #userToken}); body null for GET. */
    HttpResponse<String> callAs(String bearer, String method, String path, String body, Duration timeout) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(timeout)
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as {@code bearer} straight at a service (not through the gateway). */
    HttpResponse<String> callAt(URI service, String bearer, String path, Duration timeout) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service + path)).timeout(timeout)
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, Duration timeout) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, Duration timeout) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
