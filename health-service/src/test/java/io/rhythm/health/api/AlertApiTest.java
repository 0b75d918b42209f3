package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.rhythm.health.api.AlertTesting.awaitAlertEvent;
import static io.rhythm.health.api.AlertTesting.count;
import static io.rhythm.health.api.AlertTesting.newClient;
import static io.rhythm.health.api.AlertTesting.send;
import static io.rhythm.health.api.AlertTesting.signal;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Signals → alert rules → alerts (once while open) → AlertRaised; the workflow; who sees and moves what. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AlertApiTest {

    private static final String RAISED = EventCatalogue.ALERT_RAISED.type();

    @Test
    void aScoreBelowFiftyRaisesOneCriticalAlertForTheCseAndTellsTheCsDirector() {
        String clientId = newClient("cse");
        try (TopicProbe alerts = TopicProbe.watch(Topics.HEALTH_ALERTS)) {
            send(signal(clientId, "usage.active_users_pct", 20, Instant.now().minusSeconds(60))).body("[0].outcome", equalTo("ACCEPTED"));
            CloudEvent raised = awaitAlertEvent(alerts, RAISED, clientId, "CRITICAL_HEALTH");
            assertThat(raised.data().get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(raised.data().get("owner").asText()).isEqualTo("cse");
            assertThat(raised.data().get("alsoNotify").toString()).isEqualTo("[\"avp\"]");
            assertThat(raised.data().get("evidence").get("health.score").asDouble()).isLessThan(50.0);
            assertThat(raised.data().get("sla").findValuesAsText("stage"))
                    .containsExactly("ACKNOWLEDGED", "ASSESSED", "PLANNED", "EXECUTING", "RESOLVED");
            Instant raisedAt = Instant.parse(raised.data().get("raisedAt").asText());
            assertThat(Instant.parse(raised.data().get("sla").get(0).get("dueAt").asText())).isEqualTo(raisedAt.plus(Duration.ofHours(2)));
            assertThat(Instant.parse(raised.data().get("sla").get(4).get("dueAt").asText())).isEqualTo(raisedAt.plus(Duration.ofHours(72)));

            // still below 50: the open alert is not raised again
            send(signal(clientId, "usage.active_users_pct", 10, Instant.now().minusSeconds(30))).body("[0].outcome", equalTo("ACCEPTED"));
            assertThat(count(alerts, RAISED, clientId, Duration.ofSeconds(2))).isEqualTo(1);
        }
        as("cse").get("/api/v1/clients/" + clientId + "/alerts").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].type", equalTo("CRITICAL_HEALTH"))
                .body("items[0].status", equalTo("OPEN")).body("items[0].owner", equalTo("cse"))
                .body("items[0].breached", equalTo(false)).body("items[0].nextDueAt", notNullValue())
                .body("items[0].sla.stage", contains("ACKNOWLEDGED", "ASSESSED", "PLANNED", "EXECUTING", "RESOLVED"))
                .body("nextCursor", nullValue());
    }

    @Test
    void anUrgentTicketAsksForAReviewWithinFourHoursAndBillingIssuesTellFinance() {
        String clientId = newClient("cse");
        Instant at = Instant.now().minusSeconds(60);
        try (TopicProbe alerts = TopicProbe.watch(Topics.HEALTH_ALERTS)) {
            // usage 90 and one urgent ticket: 0.6 × 90 + 0.4 × 0 = 54, At-Risk, not Critical
            send(signal(clientId, "usage.active_users_pct", 90, at), signal(clientId, "support.open_urgent_tickets", 1, at))
                    .body("outcome", contains("ACCEPTED", "ACCEPTED"));
            CloudEvent urgent = awaitAlertEvent(alerts, RAISED, clientId, "URGENT_TICKET");
            assertThat(urgent.data().get("severity").asText()).isEqualTo("HIGH");
            assertThat(urgent.data().get("reason").asText()).contains("within 4 h");
            Instant raisedAt = Instant.parse(urgent.data().get("raisedAt").asText());
            assertThat(urgent.data().get("sla").get(1).get("stage").asText()).isEqualTo("ASSESSED");
            assertThat(Instant.parse(urgent.data().get("sla").get(1).get("dueAt").asText())).isEqualTo(raisedAt.plus(Duration.ofHours(4)));

            send(signal(clientId, "financial.open_billing_disputes", 1, at)).body("[0].outcome", equalTo("ACCEPTED"));
            CloudEvent billing = awaitAlertEvent(alerts, RAISED, clientId, "BILLING_ISSUE");
            assertThat(billing.data().get("alsoNotify").toString()).isEqualTo("[\"finance\"]");
            assertThat(billing.data().get("owner").asText()).isEqualTo("cse");
            assertThat(count(alerts, RAISED, clientId, Duration.ofSeconds(1))).isEqualTo(2);
        }
        as("avp").get("/api/v1/alerts?clientId=" + clientId + "&type=urgent_ticket").then().statusCode(200)
                .body("items.type", contains("URGENT_TICKET"));
        as("avp").get("/api/v1/alerts?clientId=" + clientId + "&severity=HIGH&limit=1").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", notNullValue());
        String cursor = as("avp").get("/api/v1/alerts?clientId=" + clientId + "&limit=1").then().extract().path("nextCursor");
        as("avp").get("/api/v1/alerts?clientId=" + clientId + "&limit=1&cursor=" + cursor).then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", nullValue());
        as("avp").get("/api/v1/alerts?clientId=" + clientId + "&status=RESOLVED").then().statusCode(200).body("items", hasSize(0));
        as("avp").get("/api/v1/alerts?clientId=" + clientId + "&owner=cse2").then().statusCode(200).body("items", hasSize(0));
        as("avp").get("/api/v1/alerts?severity=URGENT&status=DONE").then().statusCode(400)
                .body("type", equalTo("https://rhythm.io/problems/validation"))
                .body("errors.field", contains("status", "severity"));
    }

    @Test
    void theWorkflowOnlyMovesForwardWithIfMatchAndRecordsWhoWhenAndWhy() {
        String clientId = newClient("cse");
        String alertId = criticalAlert(clientId);
        String etag = as("cse").get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("status", equalTo("OPEN")).extract().header("ETag");
        assertThat(etag).isEqualTo("\"v0\"");

        as("cse").body(Map.of("to", "ACKNOWLEDGED")).post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(428);
        try (TopicProbe alerts = TopicProbe.watch(Topics.HEALTH_ALERTS)) {
            etag = as("cse").header("If-Match", etag).body(Map.of("to", "ACKNOWLEDGED", "note", "Called the sponsor"))
                    .post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED")).body("transitions[0].from", equalTo("OPEN"))
                    .body("transitions[0].to", equalTo("ACKNOWLEDGED")).body("transitions[0].by", equalTo("cse"))
                    .body("transitions[0].note", equalTo("Called the sponsor")).body("transitions[0].at", notNullValue())
                    .body("sla[0].reachedAt", notNullValue()).body("sla[0].breached", equalTo(false))
                    .body("sla[1].reachedAt", nullValue())
                    .extract().header("ETag");
            assertThat(etag).isEqualTo("\"v1\"");
            CloudEvent changed = TopicProbe.validated(alerts.awaitRecord(r -> AlertTesting.is(r,
                    EventCatalogue.ALERT_STATUS_CHANGED.type(), clientId), Duration.ofSeconds(30)));
            assertThat(changed.data().get("alertId").asText()).isEqualTo(alertId);
            assertThat(changed.data().get("previousStatus").asText()).isEqualTo("OPEN");
            assertThat(changed.data().get("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(changed.data().get("changedBy").asText()).isEqualTo("cse");
        }

        // stale ETag: 412; skipping a stage, going back or staying: 409 problem+json
        as("cse").header("If-Match", "\"v0\"").body(Map.of("to", "ASSESSED")).post("/api/v1/alerts/" + alertId + "/transitions")
                .then().statusCode(412).contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://rhythm.io/problems/precondition-failed"));
        for (String illegal : List.of("PLANNED", "RESOLVED", "OPEN", "ACKNOWLEDGED")) {
            as("cse").header("If-Match", etag).body(Map.of("to", illegal)).post("/api/v1/alerts/" + alertId + "/transitions")
                    .then().statusCode(409).contentType(containsString("application/problem+json"))
                    .body("type", equalTo("https://rhythm.io/problems/conflict"))
                    .body("detail", containsString("ACKNOWLEDGED cannot move to " + illegal));
        }
        as("cse").header("If-Match", etag).body(Map.of("to", "DONE")).post("/api/v1/alerts/" + alertId + "/transitions")
                .then().statusCode(400);
        as("cse").header("If-Match", etag).body(Map.of("to", "ASSESSED", "colour", "red"))
                .post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(400);

        // the CAM of the client may move it too; from ASSESSED an alert may be resolved directly
        etag = as("cam").header("If-Match", etag).body(Map.of("to", "ASSESSED", "note", "No intervention needed: data glitch"))
                .post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(200).extract().header("ETag");
        as("avp").header("If-Match", etag).body(Map.of("to", "RESOLVED")).post("/api/v1/alerts/" + alertId + "/transitions")
                .then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("transitions.by", contains("cse", "cam", "avp"))
                .body("transitions.to", contains("ACKNOWLEDGED", "ASSESSED", "RESOLVED"))
                .body("sla.reachedAt", not(hasItem(nullValue()))).body("breached", equalTo(false))
                .body("nextDueAt", nullValue());
        as("avp").header("If-Match", "*").body(Map.of("to", "RESOLVED")).post("/api/v1/alerts/" + alertId + "/transitions")
                .then().statusCode(409).body("detail", containsString("resolved"));

        // resolved, and the score is still below 50: the next evaluation raises a new alert
        try (TopicProbe alerts = TopicProbe.watch(Topics.HEALTH_ALERTS)) {
            send(signal(clientId, "usage.active_users_pct", 15, Instant.now().minusSeconds(10))).body("[0].outcome", equalTo("ACCEPTED"));
            CloudEvent again = awaitAlertEvent(alerts, RAISED, clientId, "CRITICAL_HEALTH");
            assertThat(again.data().get("alertId").asText()).isNotEqualTo(alertId);
        }
        as("cse").get("/api/v1/clients/" + clientId + "/alerts").then().statusCode(200)
                .body("items.status", contains("OPEN", "RESOLVED"));
    }

    @Test
    void aCseSeesAndMovesOnlyTheirClientsAlertsAndIntegrationsNeither() {
        String clientId = newClient("cse");
        String alertId = criticalAlert(clientId);

        as("cse2").get("/api/v1/alerts/" + alertId).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        as("cse2").get("/api/v1/clients/" + clientId + "/alerts").then().statusCode(404);
        as("cse2").get("/api/v1/alerts?limit=200&clientId=" + clientId).then().statusCode(200).body("items", hasSize(0));
        as("cse2").header("If-Match", "\"v0\"").body(Map.of("to", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(404);
        as("cse").get("/api/v1/alerts?limit=200&clientId=" + clientId).then().statusCode(200).body("items.id", contains(alertId));
        as("avp").get("/api/v1/alerts?owner=cse&clientId=" + clientId).then().statusCode(200).body("items.id", contains(alertId));
        as("marketing").get("/api/v1/alerts/" + alertId).then().statusCode(200);

        asIntegration().get("/api/v1/alerts").then().statusCode(403);
        asIntegration().get("/api/v1/alerts/" + alertId).then().statusCode(403);
        asIntegration().get("/api/v1/clients/" + clientId + "/alerts").then().statusCode(403);
        asIntegration().header("If-Match", "\"v0\"").body(Map.of("to", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(403);
        as("marketing").header("If-Match", "\"v0\"").body(Map.of("to", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(403);
        io.rhythm.platform.testing.Api.anonymous().get("/api/v1/alerts").then().statusCode(401);
        as("avp").get("/api/v1/alerts/" + java.util.UUID.randomUUID()).then().statusCode(404);
        // still untouched
        as("cse").get("/api/v1/alerts/" + alertId).then().statusCode(200).body("status", equalTo("OPEN")).header("ETag", "\"v0\"");
    }

    @Test
    void theAlertApiIsDocumented() {
        io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/alerts"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/alerts/{id}/transitions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/clients/{id}/alerts"));
    }

    /** A client below 50 and the id of its CRITICAL_HEALTH alert. */
    static String criticalAlert(String clientId) {
        send(signal(clientId, "usage.active_users_pct", 20, Instant.now().minusSeconds(60))).body("[0].outcome", equalTo("ACCEPTED"));
        return as("cse").get("/api/v1/clients/" + clientId + "/alerts").then().statusCode(200)
                .body("items.type", contains("CRITICAL_HEALTH")).extract().path("items[0].id");
    }
}
