package io.rhythm.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.platform.events.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the test Keycloak, realm {@code rhythm}: demo users (password grant on the
 * public client {@code rhythm-frontend}) and the integration client (client credentials). Cached
 * until shortly before they expire.
 */
public final class Tokens {

    public static final String DEMO_PASSWORD = "rhythm";
    public static final String INTEGRATION_CLIENT = "rhythm-integration";
    public static final String INTEGRATION_SECRET = System.getProperty("rhythm.test.integration.secret", "integration-secret");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A token for a demo user: cse, cse2, cam, avp, vp, evp, marketing, admin. */
    public static String forUser(String username) {
        return cached("user:" + username, () -> request(Map.of(
                "grant_type", "password", "client_id", "rhythm-frontend",
                "username", username, "password", DEMO_PASSWORD, "scope", "openid")));
    }

    /** A token for the machine client that pushes CRM and usage data (role {@code integration}). */
    public static String integration() {
        return cached("client:" + INTEGRATION_CLIENT, () -> request(Map.of(
                "grant_type", "client_credentials", "client_id", INTEGRATION_CLIENT,
                "client_secret", INTEGRATION_SECRET)));
    }

    /** {@code Authorization} header value. */
    public static String bearer(String username) {
        return "Bearer " + forUser(username);
    }

    private static String cached(String key, java.util.function.Supplier<Cached> fetch) {
        Cached token = CACHE.get(key);
        if (token == null || token.expires().isBefore(Instant.now().plusSeconds(30))) {
            token = fetch.get();
            CACHE.put(key, token);
        }
        return token.value();
    }

    private static Cached request(Map<String, String> form) {
        TestInfrastructure.ensureRunning();
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestInfrastructure.KEYCLOAK_URL
                        + "/realms/rhythm/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(20))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            JsonNode json = Json.mapper().readTree(response.body());
            return new Cached(json.get("access_token").asText(), Instant.now().plusSeconds(json.get("expires_in").asLong()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + TestInfrastructure.KEYCLOAK_URL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Cached(String value, Instant expires) {
    }
}
