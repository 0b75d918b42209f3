package io.rhythm.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The gateway's own operations with health-service behind it: rate limits (small ones, set by the profile), the
 * audit log, security headers, CORS and the body limit.
 */
@QuarkusTest
@TestProfile(GatewayOperationsTest.SmallLimits.class)
@QuarkusTestResource(value = ServiceProcesses.class, restrictToAnnotatedClass = true)
class GatewayOperationsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rhythm.gateway.rate-limit.people.limit", "20",
                    "rhythm.gateway.rate-limit.integration.limit", "40",
                    "rhythm.gateway.rate-limit.anonymous.limit", "5");
        }
    }

    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOG.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                    + " " + (record.getThrown() == null ? "" : record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void captureLogs() {
        java.util.logging.Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void stopCapturing() {
        java.util.logging.Logger.getLogger("").removeHandler(CAPTURE);
    }

    @Test
    void aPersonGets429WithRetryAfterOnceOverTheLimitAndEveryAnswerSaysWhereTheyStand() {
        Response first = as("marketing").get("/api/v1/clients?limit=1");
        first.then().statusCode(200).header("RateLimit-Limit", "20").header("RateLimit-Policy", "20;w=60");
        long remaining = Long.parseLong(first.header("RateLimit-Remaining"));
        assertThat(remaining).isBetween(0L, 19L);
        assertThat(Long.parseLong(first.header("RateLimit-Reset"))).isBetween(1L, 60L);
        for (long i = remaining; i > 0; i--) {
            as("marketing").get("/api/v1/clients?limit=1").then().statusCode(200);
        }
        as("marketing").get("/api/v1/clients?limit=1").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rhythm.io/problems/too-many-requests"))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Limit", "20");
        // per person: another user is not affected
        as("vp").get("/api/v1/clients?limit=1").then().statusCode(200).header("RateLimit-Limit", "20");
    }

    @Test
    void callersWithoutATokenAreLimitedPerAddressAsSeenThroughTrustedProxies() {
        // the test client is on loopback, a trusted proxy: its X-Forwarded-For names the client
        String address = "203.0.113." + (1 + new java.util.Random().nextInt(200));
        for (int i = 0; i < 5; i++) {
            anonymous().header("X-Forwarded-For", address).get("/api/v1/surveys/respond/t" + i)
                    .then().statusCode(502).header("RateLimit-Limit", "5");
        }
        anonymous().header("X-Forwarded-For", address).get("/api/v1/surveys/respond/t6").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        anonymous().header("X-Forwarded-For", "198.51.100.77").get("/api/v1/surveys/respond/t7").then().statusCode(502);
        // an integration client is counted per client id, with its own limit
        asIntegration().get("/api/v1/clients?limit=1").then().header("RateLimit-Limit", "40");
    }

    @Test
    void everyWriteIsAuditedWithoutBodiesOrTokensAndReadsAreNot() {
        String marker = "COMMENT-" + UUID.randomUUID();
        String created = "gw-audit-" + UUID.randomUUID();
        String location = asIntegration().header("X-Correlation-Id", created)
                .body("""
                        {"name": "Audit %s", "region": "APAC", "ownerCse": "cse", "ownerCam": "cam", "lifecycleStage": "ADOPTION"}"""
                        .formatted(UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String refused = "gw-audit-" + UUID.randomUUID();
        as("cse").header("X-Correlation-Id", refused)
                .body("{\"name\": \"x\", \"comment\": \"" + marker + "\"}")
                .put("/api/v1/clients/" + id).then().statusCode(403);
        String publicWrite = "gw-audit-" + UUID.randomUUID();
        anonymous().header("X-Correlation-Id", publicWrite).header("X-Forwarded-For", "192.0.2.10")
                .body("{\"score\": 3, \"comment\": \"" + marker + "\"}")
                .post("/api/v1/surveys/respond/" + marker).then().statusCode(502);
        String read = "gw-audit-" + UUID.randomUUID();
        as("avp").header("X-Correlation-Id", read).get(location).then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("admin")
                .get("/api/v1/audit?actor=cse&limit=200").then().statusCode(200)
                .body("items.find { it.correlationId == '" + refused + "' }", notNullValue()));
        Response page = as("admin").get("/api/v1/audit?from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                + "&limit=200");
        page.then().statusCode(200)
                .body("items.find { it.correlationId == '" + created + "' }.method", equalTo("POST"))
                .body("items.find { it.correlationId == '" + created + "' }.route", equalTo("/api/v1/clients"))
                .body("items.find { it.correlationId == '" + created + "' }.status", equalTo(201))
                .body("items.find { it.correlationId == '" + created + "' }.actorKind", equalTo("INTEGRATION"))
                .body("items.find { it.correlationId == '" + created + "' }.actorUsername", equalTo("rhythm-integration"))
                .body("items.find { it.correlationId == '" + created + "' }.roles", equalTo(List.of("integration")))
                .body("items.find { it.correlationId == '" + refused + "' }.route", equalTo("/api/v1/clients/{id}"))
                .body("items.find { it.correlationId == '" + refused + "' }.targetIds", equalTo(List.of(id)))
                .body("items.find { it.correlationId == '" + refused + "' }.status", equalTo(403))
                .body("items.find { it.correlationId == '" + refused + "' }.actorSubject", notNullValue())
                .body("items.find { it.correlationId == '" + publicWrite + "' }.actorKind", equalTo("ANONYMOUS"))
                .body("items.find { it.correlationId == '" + read + "' }", nullValue());
        assertThat(page.asString()).as("no body, token or comment in the audit log").doesNotContain(marker)
                .doesNotContain("Bearer").doesNotContain("eyJ");
        assertThat(LOG).as("nor in the gateway's log lines").noneMatch(line -> line.contains(marker));
        assertThat(LOG).as("the 502 of the public write was logged").anyMatch(line -> line.contains("respond"));
    }

    @Test
    void theAuditLogIsForAdminsOnlyPagedAndFiltered() {
        anonymous().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        as("avp").get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        asIntegration().get("/api/v1/audit").then().statusCode(403);
        as("admin").get("/api/v1/audit?from=yesterday&limit=0").then().statusCode(400)
                .contentType("application/problem+json");
        for (int i = 0; i < 3; i++) {
            as("cam").body("{}").post("/api/v1/clients").then().statusCode(403);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("admin").get("/api/v1/audit?actor=cam&limit=200")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
        Response first = as("admin").get("/api/v1/audit?actor=cam&limit=2");
        first.then().statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", notNullValue())
                .body("items.actorUsername", equalTo(List.of("cam", "cam")));
        String cursor = first.path("nextCursor");
        List<String> firstIds = first.jsonPath().getList("items.id", String.class);
        List<String> nextIds = as("admin").queryParam("cursor", cursor).get("/api/v1/audit?actor=cam&limit=2")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(nextIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
        as("admin").get("/api/v1/audit?actor=cam&to=2000-01-01").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void apiAnswersCarrySecurityHeadersAndHstsOnlyBehindTls() {
        as("evp").get("/api/v1/clients?limit=1").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Strict-Transport-Security", nullValue());
        as("evp").header("X-Forwarded-Proto", "https").get("/api/v1/clients?limit=1").then().statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        anonymous().get("/api/v1/clients").then().statusCode(401).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        given().get("/q/health/live").then().header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void corsAllowsTheConfiguredFrontEndsOnly() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/clients").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));
        as("evp").header("Origin", "http://localhost:5173").get("/api/v1/clients?limit=1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("RateLimit-Remaining"));
        Response foreign = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/clients");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        assertThat(foreign.statusCode()).isEqualTo(403);
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413Problems() {
        String big = "{\"name\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        asIntegration().body(big).post("/api/v1/clients").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void theMergedDocumentHasTheAuditLogAndTheRateLimitsOfEveryOperation() {
        Response document = given().get("/openapi");
        document.then().statusCode(200)
                .body("paths", hasKey("/api/v1/audit"))
                .body("paths.'/api/v1/audit'.get.responses", hasKey("403"))
                .body("paths.'/api/v1/clients'.post.responses.'429'.headers", hasKey("Retry-After"))
                .body("paths.'/api/v1/clients'.post.responses.'201'.headers", hasKey("RateLimit-Limit"))
                .body("components.headers", hasKey("RateLimit-Reset"));
    }
}
