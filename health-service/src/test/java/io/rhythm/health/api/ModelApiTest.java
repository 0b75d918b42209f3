package io.rhythm.health.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Versioned models: create, activate, the portfolio rescored in the background with progress, old
 * scores keeping their version. The test activates a copy of v1 (same weights, so other test classes'
 * numbers hold) and activates v1 again at the end.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ModelApiTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aNewVersionIsActivatedAndThePortfolioRescoredWithProgressKeepingOldScoresVersions() throws Exception {
        as("avp").get("/api/v1/health/models").then().statusCode(200)
                .body("find { it.model.version == 1 }.model.name", org.hamcrest.Matchers.notNullValue());
        String clientId = asIntegration().body(ClientApiTest.client("Model " + UUID.randomUUID(), "cse", "cam", "hs-" + UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        asIntegration().body(Map.of("signals", List.of(Map.of("eventId", "m-" + UUID.randomUUID(), "clientId", clientId,
                        "metric", "usage.active_users_pct", "value", 50, "occurredAt", "2026-11-20T00:00:00Z"))))
                .post("/api/v1/signals").then().statusCode(200).body("[0].outcome", equalTo("ACCEPTED"));
        int before = as("cse").get("/api/v1/clients/" + clientId + "/health").then().statusCode(200).extract().path("modelVersion");

        ObjectNode copy = (ObjectNode) mapper.readTree(as("avp").get("/api/v1/health/models/1").then().statusCode(200)
                .extract().body().asString()).get("model");
        copy.remove("version");
        copy.put("name", "Copy of v1 " + UUID.randomUUID());
        int version = as("vp").body(copy.toString()).post("/api/v1/health/models").then().statusCode(201)
                .body("active", equalTo(false)).extract().path("model.version");
        assertThat(version).isGreaterThan(1);

        try (TopicProbe scores = TopicProbe.watch(Topics.HEALTH_SCORES)) {
            String job = as("vp").post("/api/v1/health/models/" + version + "/activate").then().statusCode(202)
                    .header("Location", org.hamcrest.Matchers.containsString("/api/v1/health/recomputes/")).extract().path("id");
            awaitDone(job);
            as("avp").get("/api/v1/health/recomputes/" + job).then().body("percent", equalTo(100.0f))
                    .body("reason", equalTo("model-activation")).body("modelVersion", equalTo(version));

            CloudEvent rescored = TopicProbe.validated(scores.awaitRecord(r -> clientId.equals(r.key())
                    && r.value().contains("\"modelVersion\":" + version), Duration.ofSeconds(30)));
            assertThat(rescored.data().get("trigger").get("kind").asText()).isEqualTo("model-activation");
            assertThat(rescored.data().get("trigger").get("id").asText()).isEqualTo(job);
        } finally {
            String restore = as("vp").post("/api/v1/health/models/" + before + "/activate").then().statusCode(202).extract().path("id");
            awaitDone(restore);
        }
        as("cse").get("/api/v1/clients/" + clientId + "/health/history").then().statusCode(200)
                .body("items.modelVersion", hasItem(version)).body("items.modelVersion", hasItem(before))
                .body("items[0].modelVersion", equalTo(before));
    }

    @Test
    void invalidModelsListEveryProblemAndOnlyLeadersChangeModels() {
        String bad = """
                {"name": "Broken", "components": [{"component": "USAGE", "metrics": [{"key": "usage.active_users_pct",
                  "description": "x", "unit": "%", "normalisation": {"worst": 20, "best": 80}, "weight": 1.0}]}],
                 "stageWeights": {"MATURE": {"USAGE": 0.7}}}""";
        as("vp").body(bad).post("/api/v1/health/models").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("model"));
        as("vp").body("{\"components\": []}").post("/api/v1/health/models").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as("cse").body(bad).post("/api/v1/health/models").then().statusCode(403);
        as("avp").post("/api/v1/health/models/1/activate").then().statusCode(403);
        as("vp").post("/api/v1/health/models/9999/activate").then().statusCode(404);
        asIntegration().get("/api/v1/health/models").then().statusCode(403);
        as("avp").get("/api/v1/health/recomputes/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static void awaitDone(String job) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() ->
                "DONE".equals(as("avp").get("/api/v1/health/recomputes/" + job).then().statusCode(200).extract().path("status")));
    }
}
