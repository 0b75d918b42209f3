package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.KafkaCloudEvents;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.rhythm.health.domain.LifecycleStage;
import io.rhythm.health.domain.scoring.DefaultScoringModel;
import io.rhythm.health.domain.scoring.HealthScorer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Signals in (HTTP and Kafka) → a real-time, explainable score → HealthScoreChanged. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class HealthScoreApiTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void signalsScoreTheClientAtOnceAndEveryScoreExplainsItself() {
        String clientId = newClient("cse");
        try (TopicProbe scores = TopicProbe.watch(Topics.HEALTH_SCORES)) {
            String lastUsage = "u5-" + UUID.randomUUID();
            send(signal("u1-" + UUID.randomUUID(), clientId, "usage.active_users_pct", 80, T0),
                    signal("u2-" + UUID.randomUUID(), clientId, "usage.login_days_last_30", 20, T0),
                    signal("u3-" + UUID.randomUUID(), clientId, "usage.days_since_last_login", 1, T0),
                    signal("u4-" + UUID.randomUUID(), clientId, "usage.feature_adoption_pct", 70, T0),
                    signal(lastUsage, clientId, "usage.plan_limit_usage_pct", 80, T0))
                    .body("outcome", contains("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"));
            CloudEvent first = scores.awaitEvent(EventCatalogue.HEALTH_SCORE_CHANGED.type(), clientId, Duration.ofSeconds(30));
            assertThat(first.data().get("score").asDouble()).isEqualTo(100.0);
            assertThat(first.data().get("band").asText()).isEqualTo("HEALTHY");
            assertThat(first.data().get("previousScore").isNull()).isTrue();
            assertThat(first.data().get("trigger").get("kind").asText()).isEqualTo("signal");

            String urgent = "s1-" + UUID.randomUUID();
            send(signal(urgent, clientId, "support.open_urgent_tickets", 2, T0.plusSeconds(60)))
                    .body("[0].outcome", equalTo("ACCEPTED"));
            CloudEvent drop = TopicProbe.validated(scores.awaitRecord(r -> clientId.equals(r.key())
                    && r.value().contains(urgent), Duration.ofSeconds(30)));
            // MATURE weighs usage .30 and support .20; with only those two known: .6 × 100 + .4 × 0
            assertThat(drop.data().get("score").asDouble()).isEqualTo(60.0);
            assertThat(drop.data().get("band").asText()).isEqualTo("AT_RISK");
            assertThat(drop.data().get("previousBand").asText()).isEqualTo("HEALTHY");
            assertThat(drop.data().get("delta").asDouble()).isEqualTo(-40.0);
            assertThat(drop.data().get("flags").toString()).contains("ENTERED_AT_RISK");
            assertThat(drop.data().get("drivers").get(0).get("component").asText()).isEqualTo("USAGE");
            assertThat(drop.data().get("drivers").findValuesAsText("component")).contains("SUPPORT");
        }

        var health = as("cse").get("/api/v1/clients/" + clientId + "/health").then().statusCode(200)
                .body("score", equalTo(60.0f)).body("band", equalTo("AT_RISK")).body("modelVersion", equalTo(1))
                .body("lifecycleStage", equalTo("MATURE"))
                .body("sincePrevious.previousScore", equalTo(100.0f)).body("sincePrevious.delta", equalTo(-40.0f))
                .body("flags", hasItem("ENTERED_AT_RISK"))
                .body("components.find { it.component == 'SUPPORT' }.inputs.find { it.key == 'support.open_urgent_tickets' }.raw",
                        equalTo(2.0f))
                .extract();
        List<Number> contributions = health.path("components.contribution");
        BigDecimal sum = contributions.stream().map(n -> new BigDecimal(n.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("60.0");

        as("cse").get("/api/v1/clients/" + clientId + "/health/history").then().statusCode(200)
                .body("items.score", contains(60.0f, 100.0f)).body("items.band", contains("AT_RISK", "HEALTHY"));
        as("cse").get("/api/v1/clients/" + clientId + "/health/history?from=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void anExpansionClientIsScoredWithTheExpansionWeights() {
        String clientId = asIntegration().body(ClientApiTest.client("Expanding " + UUID.randomUUID(), "cse", "cam",
                        "hs-" + UUID.randomUUID()).replace("\"MATURE\"", "\"EXPANSION\""))
                .post("/api/v1/clients").then().statusCode(201).body("lifecycleStage", equalTo("EXPANSION")).extract().path("id");
        send(signal("x1-" + UUID.randomUUID(), clientId, "usage.active_users_pct", 80, T0),
                signal("x2-" + UUID.randomUUID(), clientId, "support.open_urgent_tickets", 2, T0))
                .body("outcome", contains("ACCEPTED", "ACCEPTED"));
        // EXPANSION weighs usage .35 and support .15: with only those two known, .7 × 100 + .3 × 0 = 70
        // (MATURE, .30 and .20, would give 60)
        as("cse").get("/api/v1/clients/" + clientId + "/health").then().statusCode(200)
                .body("lifecycleStage", equalTo("EXPANSION")).body("score", equalTo(70.0f))
                .body("components.find { it.component == 'USAGE' }.stageWeight", equalTo(0.35f))
                .body("components.find { it.component == 'SUPPORT' }.stageWeight", equalTo(0.15f))
                .body("components.find { it.component == 'RELATIONAL' }.stageWeight", equalTo(0.25f));
    }

    @Test
    void duplicatesStaleSignalsUnknownClientsAndBadRowsAreAnsweredRowByRow() {
        String clientId = newClient("cse");
        String id = "d-" + UUID.randomUUID();
        send(signal(id, clientId, "usage.active_users_pct", 50, T0)).body("[0].outcome", equalTo("ACCEPTED"));
        String unknownClient = UUID.randomUUID().toString();
        send(signal(id, clientId, "usage.active_users_pct", 10, T0),
                signal("older-" + UUID.randomUUID(), clientId, "usage.active_users_pct", 10, T0.minusSeconds(3600)),
                signal("orphan-" + UUID.randomUUID(), unknownClient, "usage.active_users_pct", 10, T0),
                signal("bad-" + UUID.randomUUID(), clientId, "usage.happiness", 10, T0),
                signal("future-" + UUID.randomUUID(), clientId, "usage.active_users_pct", 10, Instant.now().plusSeconds(86_400)),
                Map.of("eventId", "no-client", "metric", "usage.active_users_pct", "value", 1, "occurredAt", T0.toString()),
                Map.of("eventId", "not-a-number", "clientId", clientId, "metric", "usage.active_users_pct", "value", "high",
                        "occurredAt", T0.toString()))
                .body("outcome", contains("DUPLICATE", "STALE", "UNMATCHED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"))
                .body("[3].errors[0].field", equalTo("metric"))
                .body("[4].errors[0].field", equalTo("occurredAt"))
                .body("[5].errors[0].field", equalTo("clientId"))
                .body("[6].errors[0].field", equalTo("value"));
        // the duplicate and the stale signal changed nothing: active users is still 50 → usage 50.0
        as("avp").get("/api/v1/clients/" + clientId + "/health").then().statusCode(200).body("score", equalTo(50.0f));
        as("admin").get("/api/v1/clients/unmatched?limit=200").then().body("items.reason", hasItem(containsString(unknownClient)));
        asIntegration().body("{\"signals\": []}").post("/api/v1/signals").then().statusCode(400).body("errors[0].field", equalTo("signals"));
    }

    @Test
    void signalsFromKafkaScoreTooAndPoisonGoesToTheDeadLetterTopic() {
        String clientId = newClient("cse");
        String eventId = "k-" + UUID.randomUUID();
        try (TopicProbe scores = TopicProbe.watch(Topics.HEALTH_SCORES);
             TopicProbe deadLetters = TopicProbe.watch(Topics.deadLetter("health"))) {
            TopicProbe.sendRaw(Topics.SIGNALS_INGEST, clientId, "{\"eventId\": \"" + eventId + "\", \"clientId\": \"" + clientId
                    + "\", \"metric\": \"financial.overdue_invoices\", \"value\": 0, \"occurredAt\": \"" + T0 + "\"}", Map.of());
            CloudEvent scored = TopicProbe.validated(scores.awaitRecord(r -> clientId.equals(r.key()), Duration.ofSeconds(30)));
            assertThat(scored.data().get("trigger").get("id").asText()).isEqualTo(eventId);

            TopicProbe.sendRaw(Topics.SIGNALS_INGEST, clientId, "{\"eventId\": \"p\", \"metric\": 3", Map.of());
            var dead = deadLetters.awaitRecord(r -> clientId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(KafkaCloudEvents.header(dead.headers(), "dead-letter-reason")).contains("not valid JSON");

            // poison amid good signals (one poll's batch, most likely): the good ones are stored, the bad ones dead-lettered
            String after = "k2-" + UUID.randomUUID();
            TopicProbe.sendRaw(Topics.SIGNALS_INGEST, clientId, "{\"eventId\": \"k1-" + UUID.randomUUID() + "\", \"clientId\": \""
                    + clientId + "\", \"metric\": \"financial.overdue_invoices\", \"value\": 1, \"occurredAt\": \""
                    + T0.plusSeconds(10) + "\"}", Map.of());
            TopicProbe.sendRaw(Topics.SIGNALS_INGEST, clientId, "{\"eventId\": \"x\", \"clientId\": \"" + clientId
                    + "\", \"metric\": \"usage.happiness\", \"value\": 1, \"occurredAt\": \"" + T0 + "\"}", Map.of());
            TopicProbe.sendRaw(Topics.SIGNALS_INGEST, clientId, "{\"eventId\": \"" + after + "\", \"clientId\": \"" + clientId
                    + "\", \"metric\": \"financial.overdue_invoices\", \"value\": 3, \"occurredAt\": \"" + T0.plusSeconds(20)
                    + "\"}", Map.of());
            var invalid = deadLetters.awaitRecord(r -> clientId.equals(r.key()) && r.value().contains("usage.happiness"),
                    Duration.ofSeconds(30));
            assertThat(KafkaCloudEvents.header(invalid.headers(), "dead-letter-reason")).contains("invalid signal").contains("metric");
            CloudEvent later = TopicProbe.validated(scores.awaitRecord(r -> clientId.equals(r.key()) && r.value().contains(after),
                    Duration.ofSeconds(30)));
            assertThat(later.data().get("trigger").get("id").asText()).isEqualTo(after);
        }
    }

    @Test
    void aBatchRescoresEachClientOnceWithTheNewestValueOfEachMetric() {
        String first = newClient("cse");
        String second = newClient("cse");
        String older = "b1-" + UUID.randomUUID();
        String newest = "b2-" + UUID.randomUUID();
        String between = "b3-" + UUID.randomUUID();
        String other = "b4-" + UUID.randomUUID();
        try (TopicProbe scores = TopicProbe.watch(Topics.HEALTH_SCORES)) {
            send(signal(older, first, "usage.active_users_pct", 20, T0),
                    signal(newest, first, "usage.active_users_pct", 80, T0.plusSeconds(60)),
                    signal(between, first, "usage.active_users_pct", 50, T0.plusSeconds(30)),
                    signal(older, first, "usage.active_users_pct", 20, T0),
                    signal(other, second, "usage.active_users_pct", 50, T0))
                    .body("outcome", contains("STALE", "ACCEPTED", "STALE", "DUPLICATE", "ACCEPTED"))
                    .body("[0].detail", containsString("newer"));
            CloudEvent scored = TopicProbe.validated(scores.awaitRecord(r -> first.equals(r.key()), Duration.ofSeconds(30)));
            assertThat(scored.data().get("trigger").get("id").asText()).isEqualTo(newest);
            assertThat(scored.data().get("score").asDouble()).isEqualTo(100.0); // 80 % active users: the top of the range
            CloudEvent secondScored = TopicProbe.validated(scores.awaitRecord(r -> second.equals(r.key()), Duration.ofSeconds(30)));
            assertThat(secondScored.data().get("trigger").get("id").asText()).isEqualTo(other);
            assertThat(secondScored.data().get("score").asDouble()).isEqualTo(50.0);
        }
        // one rescore per client for the whole call: one stored score, and every signal but the duplicate kept
        as("cse").get("/api/v1/clients/" + first + "/health/history").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].score", equalTo(100.0f));
        as("cse").get("/api/v1/clients/" + first + "/health").then().statusCode(200)
                .body("components.find { it.component == 'USAGE' }.inputs.find { it.key == 'usage.active_users_pct' }.raw",
                        equalTo(80.0f));
    }

    @Test
    void portfolioCountsBandsWithinTheCallersPortfolio() {
        String mine = newClient("cse2");
        send(signal("p-" + UUID.randomUUID(), mine, "usage.active_users_pct", 20, T0)).body("[0].outcome", equalTo("ACCEPTED"));
        var cse2 = as("cse2").get("/api/v1/health/portfolio?limit=200").then().statusCode(200)
                .body("items.clientId", hasItem(mine)).extract();
        assertThat(cse2.<Integer>path("countsByBand.CRITICAL")).isGreaterThanOrEqualTo(1);
        as("cse2").get("/api/v1/health/portfolio?band=CRITICAL&limit=200").then().statusCode(200)
                .body("items.clientId", hasItem(mine)).body("items.band", not(hasItem("HEALTHY")));
        as("cse").get("/api/v1/health/portfolio?limit=200").then().statusCode(200).body("items.clientId", not(hasItem(mine)));
        as("avp").get("/api/v1/health/portfolio?owner=cse2&limit=200").then().statusCode(200).body("items.clientId", hasItem(mine));
        as("avp").get("/api/v1/health/portfolio?band=GREEN").then().statusCode(400).body("errors[0].field", equalTo("band"));
        as("cse").get("/api/v1/clients/" + mine + "/health").then().statusCode(404);
    }

    @Test
    void onlyIntegrationsSendSignalsAndPeopleReadScores() {
        String clientId = newClient("cse");
        as("cse").body("{\"signals\": [{}]}").post("/api/v1/signals").then().statusCode(403);
        asIntegration().get("/api/v1/clients/" + clientId + "/health").then().statusCode(403);
        asIntegration().get("/api/v1/health/portfolio").then().statusCode(403);
        as("avp").get("/api/v1/clients/" + clientId + "/health").then().statusCode(404)
                .body("detail", containsString("no signals yet"));
    }

    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper mapper;

    @Test
    void aScoreIsStoredAsItsStageAndInputsAndItsExplanationRebuiltFromThem() throws Exception {
        String clientId = newClient("cse");
        send(signal("c1-" + UUID.randomUUID(), clientId, "usage.active_users_pct", 65, T0)).body("[0].outcome", equalTo("ACCEPTED"));
        try (Connection connection = db.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select explanation is null, stage, inputs::text from health_score where client_id = ?")) {
            select.setObject(1, UUID.fromString(clientId));
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean(1)).isTrue();
                assertThat(row.getString(2)).isEqualTo("MATURE");
                assertThat(mapper.readTree(row.getString(3)).get("usage.active_users_pct").asDouble()).isEqualTo(65.0);
            }
        }
        // 65 % active users on the default model's 20–80 % linear range: 75.0, the only component with data
        as("cse").get("/api/v1/clients/" + clientId + "/health").then().statusCode(200).body("score", equalTo(75.0f))
                .body("components.find { it.component == 'USAGE' }.inputs.find { it.key == 'usage.active_users_pct' }.raw",
                        equalTo(65.0f))
                .body("components.find { it.component == 'USAGE' }.contribution", equalTo(75.0f));
    }

    @Test
    void aScoreStoredWithItsWholeExplanationBeforeV11IsReadAsStored() throws Exception {
        String clientId = newClient("cse");
        send(signal("c2-" + UUID.randomUUID(), clientId, "usage.active_users_pct", 65, T0)).body("[0].outcome", equalTo("ACCEPTED"));
        // what V3..V10 stored: the whole explanation, no stage or inputs (here one that says 42 %, to tell it apart)
        String legacy = mapper.writeValueAsString(HealthScorer.score(DefaultScoringModel.v1(), LifecycleStage.MATURE,
                Map.of("usage.active_users_pct", 42.0)));
        try (Connection connection = db.getConnection(); PreparedStatement update = connection.prepareStatement(
                "update health_score set explanation = cast(? as jsonb), stage = null, inputs = null where client_id = ?")) {
            update.setString(1, legacy);
            update.setObject(2, UUID.fromString(clientId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        as("cse").get("/api/v1/clients/" + clientId + "/health").then().statusCode(200)
                .body("components.find { it.component == 'USAGE' }.inputs.find { it.key == 'usage.active_users_pct' }.raw",
                        equalTo(42.0f));
    }

    private static String newClient(String owner) {
        return asIntegration().body(ClientApiTest.client("Scored " + UUID.randomUUID(), owner, "cam", "hs-" + UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> signal(String eventId, String clientId, String metric, double value, Instant at) {
        return Map.of("eventId", eventId, "clientId", clientId, "metric", metric, "value", value, "occurredAt", at.toString());
    }

    @SafeVarargs
    private static io.restassured.response.ValidatableResponse send(Map<String, Object>... signals) {
        return asIntegration().body(Map.of("signals", List.of(signals))).post("/api/v1/signals").then().statusCode(200);
    }
}
