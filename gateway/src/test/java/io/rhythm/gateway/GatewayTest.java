package io.rhythm.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = ServiceProcesses.class, restrictToAnnotatedClass = true)
class GatewayTest {

    @Test
    void requestsWithoutAValidTokenAreRefusedAtTheEdge() {
        anonymous().get("/api/v1/clients").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://rhythm.io/problems/unauthorized"));
        given().header("Authorization", "Bearer forged.token.value").get("/api/v1/clients").then().statusCode(401)
                .contentType("application/problem+json");
    }

    /**
     * The gateway remembers verified tokens (edge.VerifiedTokenIdentities): a remembered token changed in its payload
     * or its signature is verified afresh and refused, and a remembered token is refused once its exp has passed.
     */
    @Test
    void aRememberedTokenIsRefusedOnceExpiredOrTampered() {
        try (ForeignTokens tokens = new ForeignTokens()) {
            String token = tokens.shortLived(8);
            given().auth().oauth2(token).get("/api/v1/audit?limit=1").then().statusCode(200); // verified, remembered
            given().auth().oauth2(token).get("/api/v1/audit?limit=1").then().statusCode(200);

            String[] parts = token.split("\\.");
            var claims = (com.fasterxml.jackson.databind.node.ObjectNode) ForeignTokens.claims(token);
            claims.put("exp", ForeignTokens.expiry(token) + 3_600); // a longer life, with the original signature
            String longer = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(claims.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
            int middle = parts[2].length() / 2;
            String otherSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, middle)
                    + (parts[2].charAt(middle) == 'A' ? 'Q' : 'A') + parts[2].substring(middle + 1);
            given().auth().oauth2(longer).get("/api/v1/audit?limit=1").then().statusCode(401);
            given().auth().oauth2(otherSignature).get("/api/v1/audit?limit=1").then().statusCode(401);
            given().auth().oauth2(token).get("/api/v1/audit?limit=1").then().statusCode(200);

            ForeignTokens.sleepUntil(ForeignTokens.expiry(token) * 1000 + 2_000);
            given().auth().oauth2(token).get("/api/v1/audit?limit=1").then().statusCode(401);
        }
    }

    @Test
    void aKeycloakTokenIsAcceptedAndForwardedToTheOwningService() {
        as("avp").header("X-Correlation-Id", "gw-test-1").get("/api/v1/clients?limit=1").then().statusCode(200)
                .header("X-Correlation-Id", "gw-test-1")
                .body("items", org.hamcrest.Matchers.notNullValue());
        // the service enforces roles itself with the forwarded token
        as("cse").body(client()).post("/api/v1/clients").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aWriteThroughTheGatewayReachesKafka() {
        try (TopicProbe clients = TopicProbe.watch(Topics.CLIENTS)) {
            String location = asIntegration().body(client()).post("/api/v1/clients").then().statusCode(201)
                    .header("Location", startsWith("/api/v1/clients/")).extract().header("Location");
            String id = location.substring(location.lastIndexOf('/') + 1);
            CloudEvent event = clients.awaitEvent(EventCatalogue.CLIENT_UPSERTED.type(), id, Duration.ofSeconds(30));
            assertThat(event.source()).isEqualTo("/rhythm/health-service");
            as("cse").get(location).then().statusCode(200).body("id", equalTo(id));
        }
    }

    @Test
    void unknownAreasAndUnreachableServicesAreProblemsNotHangs() {
        as("avp").get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("clients"));
        as("avp").get("/api/v1/segments/clients/" + UUID.randomUUID()).then().statusCode(502)
                .contentType("application/problem+json").body("detail", containsString("segmentation-service"));
    }

    @Test
    void badInputTheGatewayRefusesItselfIsAProblemToo() {
        as("avp").urlEncodingEnabled(false).get("/api/v1/alerts?owner=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("query.owner"));
        as("avp").get("/api/v1/clients?cursor=" + "a".repeat(9_000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414));
        as("avp").header("X-Padding", "b".repeat(20_000)).get("/api/v1/clients").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431));
    }

    @Test
    void surveyRespondentsNeedNoToken() {
        // nps-service is not running here: the point is that the gateway lets the call through (502, not 401)
        anonymous().get("/api/v1/surveys/respond/some-token").then().statusCode(502);
        anonymous().get("/api/v1/calendar/feeds/ics/some-secret").then().statusCode(502);
    }

    @Test
    void readinessReportsEveryDownstreamService() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'downstream services' }.data.'health-service'", equalTo("UP"))
                .body("checks.find { it.name == 'downstream services' }.data.'nps-service'", startsWith("DOWN"))
                .body("checks.find { it.name == 'downstream services' }.data.'calendar-service'", startsWith("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void mergedOpenApiDocumentsTheServicesBehindTheGatewayAndSaysWhichAreMissing() {
        given().get("/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/clients"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/clients/{id}"))
                .body("components.schemas", org.hamcrest.Matchers.hasKey("ClientRequest"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("info.x-rhythm-unavailable", org.hamcrest.Matchers.hasItem("nps-service"));
    }

    private static String client() {
        return """
                {"name": "Gateway %s", "region": "APAC", "ownerCse": "cse", "ownerCam": "cam", "lifecycleStage": "ADOPTION"}"""
                .formatted(UUID.randomUUID());
    }
}
