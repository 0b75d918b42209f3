package io.rhythm.segmentation.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ModelApiTest {

    /** Version 1 with spend thresholds moved: moderate from 150k, high from 600k. */
    static String draft(String moderateFrom, String highFrom, String satisfactionModerateFrom) {
        return """
                {"name": "2H 2026 review",
                 "satisfaction": {"npsWeight": 0.6, "healthWeight": 0.4, "npsWindowDays": 365,
                   "bands": [{"band": "LOW", "from": 0, "to": %3$s}, {"band": "MODERATE", "from": %3$s, "to": 75},
                             {"band": "HIGH", "from": 75, "to": null}]},
                 "spend": {"basis": "ABSOLUTE", "currency": "AUD",
                   "bands": [{"band": "LOW", "from": 0, "to": %1$s}, {"band": "MODERATE", "from": %1$s, "to": %2$s},
                             {"band": "HIGH", "from": %2$s, "to": null}]},
                 "grid": {"LOW": {"LOW": "MAINTAIN", "MODERATE": "NURTURE", "HIGH": "NURTURE"},
                          "MODERATE": {"LOW": "MAINTAIN", "MODERATE": "Sleeping Giant", "HIGH": "SLEEPING_GIANTS"},
                          "HIGH": {"LOW": "LEVERAGE", "MODERATE": "COLLABORATE", "HIGH": "Giant"}},
                 "confirmation": {"consecutiveInputs": 2},
                 "segments": [%4$s]}""".formatted(moderateFrom, highFrom, satisfactionModerateFrom, segments());
    }

    private static String segments() {
        StringBuilder s = new StringBuilder();
        for (String code : List.of("MAINTAIN", "LEVERAGE", "NURTURE", "COLLABORATE", "Sleeping Giants", "Giants")) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append("{\"code\": \"").append(code).append("\", \"csStrategy\": \"cs ").append(code)
                    .append("\", \"salesStrategy\": \"sales\", \"cadences\": {\"Partnership Meetings\": \"Monthly\", "
                            + "\"SERVICE_REVIEW\": \"Quarterly\", \"Health Check\": \"Bi-annual\", \"QBR\": \"QUARTERLY\", "
                            + "\"Executive Engagement\": \"As needed\"}}");
        }
        return s.toString();
    }

    @Test
    void versionOneIsTheSeedsModel() {
        JsonPath v1 = as("cse").get("/api/v1/segments/models/1").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).extract().jsonPath();
        assertThat(v1.getList("model.segments.code")).containsExactly("MAINTAIN", "LEVERAGE", "NURTURE", "COLLABORATE",
                "SLEEPING_GIANTS", "GIANTS");
        assertThat(v1.getString("model.segments[4].salesStrategy")).isEqualTo("Maintain contract value; careful expansion");
        assertThat(v1.getString("model.segments[0].csStrategy")).isEqualTo("Increase satisfaction through intensive support and communication");
        // the seed's Activity Register table, column by column
        assertThat(v1.getMap("model.segments[0].cadences")).containsEntry("PARTNERSHIP_MEETING", "MONTHLY")
                .containsEntry("HEALTH_CHECK", "QUARTERLY").containsEntry("EXECUTIVE_ENGAGEMENT", "AS_NEEDED");
        assertThat(v1.getMap("model.segments[1].cadences")).containsEntry("SERVICE_REVIEW", "QUARTERLY")
                .containsEntry("HEALTH_CHECK", "BI_ANNUAL").containsEntry("EXECUTIVE_ENGAGEMENT", "BI_ANNUAL");
        assertThat(v1.getMap("model.segments[2].cadences")).containsEntry("PARTNERSHIP_MEETING", "MONTHLY")
                .containsEntry("EXECUTIVE_ENGAGEMENT", "QUARTERLY");
        assertThat(v1.getMap("model.segments[5].cadences")).containsEntry("PARTNERSHIP_MEETING", "QUARTERLY")
                .containsEntry("HEALTH_CHECK", "BI_ANNUAL").containsEntry("QBR", "QUARTERLY").containsEntry("EXECUTIVE_ENGAGEMENT", "QUARTERLY");
        assertThat(v1.getString("model.grid.MODERATE.LOW")).isEqualTo("MAINTAIN");
        as("marketing").get("/api/v1/segments/models").then().statusCode(200).body("version", hasItem(1));
        asIntegration().get("/api/v1/segments/models").then().statusCode(403);
        anonymous().get("/api/v1/segments/models/1").then().statusCode(401);
        as("cse").get("/api/v1/segments/models/99999").then().statusCode(404);
    }

    @Test
    void invalidThresholdsAreA400WithFieldErrorsAndNothingIsStored() {
        int before = as("avp").get("/api/v1/segments/models").jsonPath().getList("version").size();
        // spend: MODERATE starts below LOW's end (overlap); satisfaction: MODERATE starts after LOW's end (gap)
        String bad = draft("150000", "600000", "60").replace("{\"band\": \"MODERATE\", \"from\": 150000", "{\"band\": \"MODERATE\", \"from\": 100000")
                .replace("{\"band\": \"MODERATE\", \"from\": 60", "{\"band\": \"MODERATE\", \"from\": 65");
        as("avp").body(bad).post("/api/v1/segments/models").then().statusCode(400)
                .body("errors.field", hasItems("spend.bands[1].from", "satisfaction.bands[1].from"));
        as("avp").body(draft("150000", "600000", "60").replace("\"npsWeight\": 0.6", "\"npsWeight\": 0.7"))
                .post("/api/v1/segments/models").then().statusCode(400).body("errors.field", hasItem("satisfaction.healthWeight"));
        as("avp").body(draft("150000", "600000", "60").replace("\"HIGH\": \"Giant\"", "\"HIGH\": \"COLLABORATE\""))
                .post("/api/v1/segments/models").then().statusCode(400).body("errors.field", hasItem("grid.HIGH.HIGH"));
        as("avp").body(draft("150000", "600000", "60").replace("\"Bi-annual\"", "\"Fortnightly\""))
                .post("/api/v1/segments/models").then().statusCode(400).body("errors.field", hasItem("segments[0].cadences.Health Check"));
        as("avp").body(draft("150000", "600000", "60").replace("\"name\": \"2H 2026 review\",", ""))
                .post("/api/v1/segments/models").then().statusCode(400).body("errors.field", hasItem("name"));
        as("avp").body(draft("150000", "600000", "60").replace("\"confirmation\"", "\"colour\": 1, \"confirmation\""))
                .post("/api/v1/segments/models").then().statusCode(400);
        assertThat(as("avp").get("/api/v1/segments/models").jsonPath().getList("version")).hasSize(before);
        as("cse").body(draft("150000", "600000", "60")).post("/api/v1/segments/models").then().statusCode(403);
    }

    @Test
    void aDraftsPreviewMatrixEqualsTheHandComputedOneAndActivationResegments() {
        String owner = "cam-" + UUID.randomUUID();
        // satisfaction from health alone (no NPS answers): 90 → HIGH, 65 → MODERATE
        String a = Events.client("A " + UUID.randomUUID(), "cse", owner, "100000.00");   // v1 LOW
        String b = Events.client("B " + UUID.randomUUID(), "cse", owner, "200000.00");   // v1 LOW, draft MODERATE
        String c = Events.client("C " + UUID.randomUUID(), "cse", owner, "700000.00");   // v1 MODERATE, draft HIGH
        String d = Events.client("D " + UUID.randomUUID(), "cse", owner, "300000.00");   // v1 MODERATE, draft MODERATE
        Map<String, Double> health = Map.of(a, 90.0, b, 90.0, c, 65.0, d, 90.0);
        health.forEach((id, score) -> Events.health(id, score, Instant.now()));
        Map<String, String> v1 = Map.of(a, "LEVERAGE", b, "LEVERAGE", c, "SLEEPING_GIANTS", d, "COLLABORATE");
        await().atMost(Duration.ofSeconds(30)).until(() -> v1.entrySet().stream().allMatch(e ->
                e.getValue().equals(as("avp").get("/api/v1/segments/clients/" + e.getKey()).jsonPath().getString("segment"))));

        int version = as("avp").body(draft("150000", "600000", "60")).post("/api/v1/segments/models").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("model.grid.HIGH.HIGH", equalTo("GIANTS"))
                .body("model.segments[4].code", equalTo("SLEEPING_GIANTS"))
                .extract().jsonPath().getInt("version");
        as("cse").post("/api/v1/segments/models/" + version + "/preview").then().statusCode(403);
        JsonPath preview = as("avp").post("/api/v1/segments/models/" + version + "/preview").then().statusCode(200)
                .body("modelVersion", equalTo(version)).extract().jsonPath();
        Map<String, String> proposed = new HashMap<>();
        for (Map<String, Object> p : preview.<Map<String, Object>>getList("assignments")) {
            if (health.containsKey(p.get("clientId"))) {
                proposed.put((String) p.get("clientId"), (String) p.get("proposedSegment"));
            }
        }
        assertThat(proposed).isEqualTo(Map.of(a, "LEVERAGE", b, "COLLABORATE", c, "SLEEPING_GIANTS", d, "COLLABORATE"));
        // hand-computed matrix of these four: LEVERAGE→LEVERAGE 1 (100k), LEVERAGE→COLLABORATE 1 (200k),
        // SLEEPING_GIANTS→SLEEPING_GIANTS 1 (700k), COLLABORATE→COLLABORATE 1 (300k)
        Map<String, List<String>> cells = new HashMap<>();
        Map<String, String> revenue = new HashMap<>();
        for (Map<String, Object> cell : preview.<Map<String, Object>>getList("matrix.cells")) {
            for (Map<String, Object> client : (List<Map<String, Object>>) cell.get("clientList")) {
                if (health.containsKey(client.get("clientId"))) {
                    String key = cell.get("from") + ">" + cell.get("to");
                    cells.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add((String) client.get("clientId"));
                    revenue.put((String) client.get("clientId"), (String) ((Map<String, Object>) client.get("revenue")).get("amount"));
                }
            }
        }
        assertThat(cells).isEqualTo(Map.of("LEVERAGE>LEVERAGE", List.of(a), "LEVERAGE>COLLABORATE", List.of(b),
                "SLEEPING_GIANTS>SLEEPING_GIANTS", List.of(c), "COLLABORATE>COLLABORATE", List.of(d)));
        assertThat(revenue.get(b)).isEqualTo("200000.00");

        // the same analysis between versions, for these clients only (owner filter)
        JsonPath byVersion = as("avp").get("/api/v1/segments/migrations?fromVersion=1&toVersion=" + version + "&owner=" + owner)
                .then().statusCode(200).body("clients", equalTo(4)).body("moved", equalTo(1))
                .body("movedRevenue.amount", equalTo("200000.00")).extract().jsonPath();
        assertThat(byVersion.getList("cells.from")).hasSize(4);
        as("cse2").get("/api/v1/segments/migrations?fromVersion=1&toVersion=" + version + "&owner=" + owner).then().statusCode(200)
                .body("clients", equalTo(0));
        as("avp").get("/api/v1/segments/migrations?fromVersion=1").then().statusCode(400).body("errors[0].field", equalTo("toVersion"));
        as("avp").get("/api/v1/segments/migrations").then().statusCode(400);
        as("avp").get("/api/v1/segments/migrations?from=2026-12-01&to=2026-01-01").then().statusCode(400);

        // activation: version becomes ACTIVE, the portfolio is re-segmented in the background
        as("cse").post("/api/v1/segments/models/" + version + "/activate").then().statusCode(403);
        try (TopicProbe migrations = TopicProbe.watch(Topics.SEGMENT_MIGRATIONS)) {
            String job = as("avp").post("/api/v1/segments/models/" + version + "/activate").then().statusCode(202)
                    .extract().jsonPath().getString("id");
            await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(as("avp").get("/api/v1/segments/jobs/" + job).jsonPath().getString("status")));
            // the batch's move reaches Kafka through the outbox, schema-valid, with its cause and model
            CloudEvent moved = migrations.awaitEvent(EventCatalogue.SEGMENT_MIGRATED.type(), b, Duration.ofSeconds(30));
            assertThat(moved.data().get("fromSegment").asText()).isEqualTo("LEVERAGE");
            assertThat(moved.data().get("toSegment").asText()).isEqualTo("COLLABORATE");
            assertThat(moved.data().get("cause").asText()).isEqualTo("MODEL_ACTIVATION");
            assertThat(moved.data().get("causeEventId").asText()).isEqualTo("model-" + version);
            assertThat(moved.data().get("modelVersion").asInt()).isEqualTo(version);
            JsonPath done = as("avp").get("/api/v1/segments/jobs/" + job).jsonPath();
            assertThat(done.getInt("done")).isEqualTo(done.getInt("total"));
            assertThat(done.getInt("changed")).isPositive();
        }
        as("avp").get("/api/v1/segments/clients/" + b).then().body("segment", equalTo("COLLABORATE"))
                .body("current.cause", equalTo("MODEL_ACTIVATION")).body("current.modelVersion", equalTo(version));
        as("avp").get("/api/v1/segments/models/1").then().body("status", equalTo("RETIRED"));
        as("avp").post("/api/v1/segments/models/" + version + "/activate").then().statusCode(409);
        // back to version 1's model (as a new version) so other tests see the seed's thresholds and cadences
        Map<String, Object> seed = as("avp").get("/api/v1/segments/models/1").jsonPath().getMap("model");
        int restored = as("avp").body(seed).post("/api/v1/segments/models").then().statusCode(201)
                .extract().jsonPath().getInt("version");
        // dated like a review's finalisation day: not after today (400, nothing activated), else moves from that day
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        as("avp").post("/api/v1/segments/models/" + restored + "/activate?effectiveFrom=" + today.plusDays(1)).then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveFrom"));
        as("avp").post("/api/v1/segments/models/" + restored + "/activate?effectiveFrom=12-06-2026").then().statusCode(400);
        as("avp").get("/api/v1/segments/models/" + restored).then().body("status", equalTo("DRAFT"));
        java.time.LocalDate dated = today.minusDays(30);
        try (TopicProbe migrations = TopicProbe.watch(Topics.SEGMENT_MIGRATIONS)) {
            String back = as("avp").post("/api/v1/segments/models/" + restored + "/activate?effectiveFrom=" + dated).then().statusCode(202)
                    .body("effectiveFrom", equalTo(dated.toString())).extract().jsonPath().getString("id");
            await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(as("avp").get("/api/v1/segments/jobs/" + back).jsonPath().getString("status")));
            CloudEvent moved = migrations.awaitEvent(EventCatalogue.SEGMENT_MIGRATED.type(), b, Duration.ofSeconds(30));
            assertThat(moved.data().get("toSegment").asText()).isEqualTo("LEVERAGE");
            assertThat(moved.data().get("effectiveAt").asText()).isEqualTo(dated + "T00:00:00Z");
        }
        as("avp").get("/api/v1/segments/clients/" + b).then().body("segment", equalTo("LEVERAGE"))
                .body("current.effectiveAt", equalTo(dated + "T00:00:00Z")).body("current.fromSegment", equalTo("COLLABORATE"));
        // a client the activation leaves where it is, entered today: in its segment from the activation's date on
        as("avp").get("/api/v1/segments/clients/" + a).then().body("segment", equalTo("LEVERAGE"))
                .body("since", equalTo(dated + "T00:00:00Z")).body("current.cause", equalTo("MODEL_ACTIVATION"))
                .body("current.fromSegment", equalTo("LEVERAGE")).body("current.modelVersion", equalTo(restored));
    }
}
