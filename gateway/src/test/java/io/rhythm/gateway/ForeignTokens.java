package io.rhythm.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.testing.TestInfrastructure;
import io.rhythm.platform.testing.Tokens;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Real tokens the gateway must refuse, made against the test Keycloak through its admin API: an expired one (a
 * client whose access tokens live 1 s, holding role admin), one from another realm (created here, with the same
 * role and client), and one signed by another key (a real admin token's claims and key id, signed with a fresh RSA
 * key). {@link #close()} removes what was created.
 */
final class ForeignTokens implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String KC = TestInfrastructure.KEYCLOAK_URL;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String otherRealm = "gw-other-" + suffix;
    private String expiringClientId;

    /** A token of realm rhythm with role admin, expired. */
    String expired() {
        String token = shortLived(1);
        sleepUntil(expiry(token) * 1000 + 2_000);
        return token;
    }

    /** A token of realm rhythm with role admin that lives {@code seconds} (one such client per instance). */
    String shortLived(int seconds) {
        String clientId = "gw-expiring-" + suffix;
        String secret = UUID.randomUUID().toString();
        expiringClientId = createServiceClient("rhythm", clientId, secret,
                Map.of("access.token.lifespan", String.valueOf(seconds)));
        grantRealmRole("rhythm", expiringClientId, "admin");
        return clientToken("rhythm", clientId, secret);
    }

    /** The token's exp claim (epoch seconds). */
    static long expiry(String token) {
        return Json.mapper().convertValue(claims(token).get("exp"), Long.class);
    }

    /** A token of another realm on the same Keycloak, with role admin there. */
    String otherRealm() {
        admin("POST", "/admin/realms", Map.of("realm", otherRealm, "enabled", true));
        admin("POST", "/admin/realms/" + otherRealm + "/roles", Map.of("name", "admin"));
        String secret = UUID.randomUUID().toString();
        String id = createServiceClient(otherRealm, "rhythm-integration", secret, Map.of());
        grantRealmRole(otherRealm, id, "admin");
        return clientToken(otherRealm, "rhythm-integration", secret);
    }

    /** A real admin token's header and claims, signed by a key Keycloak never issued. */
    String signedByAnotherKey() {
        String real = Tokens.forUser("admin");
        try {
            String header = new String(Base64.getUrlDecoder().decode(real.split("\\.")[0]), StandardCharsets.UTF_8);
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(new String(Base64.getUrlDecoder().decode(real.split("\\.")[1]), StandardCharsets.UTF_8));
            jws.setKey(key.getPrivateKey());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setKeyIdHeaderValue(Json.mapper().readTree(header).path("kid").asText());
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    @Override
    public void close() {
        try {
            if (expiringClientId != null) {
                admin("DELETE", "/admin/realms/rhythm/clients/" + expiringClientId, null);
            }
        } finally {
            send("DELETE", "/admin/realms/" + otherRealm, null, adminToken());
        }
    }

    static JsonNode claims(String token) {
        try {
            return Json.mapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String createServiceClient(String realm, String clientId, String secret, Map<String, String> attributes) {
        admin("POST", "/admin/realms/" + realm + "/clients", Map.of("clientId", clientId, "enabled", true,
                "publicClient", false, "secret", secret, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false, "attributes", attributes));
        return admin("GET", "/admin/realms/" + realm + "/clients?clientId=" + clientId, null).get(0).get("id").asText();
    }

    private void grantRealmRole(String realm, String clientUuid, String role) {
        String user = admin("GET", "/admin/realms/" + realm + "/clients/" + clientUuid + "/service-account-user", null)
                .get("id").asText();
        JsonNode roleRep = admin("GET", "/admin/realms/" + realm + "/roles/" + role, null);
        admin("POST", "/admin/realms/" + realm + "/users/" + user + "/role-mappings/realm", java.util.List.of(roleRep));
    }

    private static String clientToken(String realm, String clientId, String secret) {
        JsonNode json = form("/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        return json.get("access_token").asText();
    }

    private static String adminToken() {
        return form("/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin",
                "password", System.getProperty("rhythm.test.keycloak.admin-password", "admin"))).get("access_token").asText();
    }

    private JsonNode admin(String method, String path, Object body) {
        return send(method, path, body, adminToken());
    }

    private static JsonNode send(String method, String path, Object body, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(KC + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
                throw new IllegalStateException("Keycloak " + method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? null : Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode form(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(KC + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token at " + path + ": " + response.statusCode() + " " + response.body());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
