package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.health.alerts.AlertScheduler;
import io.rhythm.health.alerts.Alerts;
import io.rhythm.health.domain.alerts.AlertType;
import io.rhythm.health.domain.alerts.SlaPolicy;
import io.rhythm.health.alerts.MutableClock;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.rhythm.health.api.AlertTesting.awaitAlertEvent;
import static io.rhythm.health.api.AlertTesting.count;
import static io.rhythm.health.api.AlertTesting.newClient;
import static io.rhythm.health.api.AlertTesting.send;
import static io.rhythm.health.api.AlertTesting.signal;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * SLA timers and time-based rules with a controllable clock. The scan is called directly (the
 * @Scheduled timer calls the same method); the clock is frozen while a test runs and reset after.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AlertSlaApiTest {

    private static final String ESCALATED = EventCatalogue.ALERT_ESCALATED.type();

    @Inject
    MutableClock clock;
    @Inject
    AlertScheduler scheduler;
    @Inject
    Alerts alerts;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theShippedSlaPolicyIsTheSeedsAlertProtocolForEveryType() {
        SlaPolicy policy = QuarkusTransaction.requiringNew().call(() -> alerts.policy());
        for (AlertType type : AlertType.values()) {
            assertThat(policy.forType(type)).as(type.name()).isEqualTo(SlaPolicy.SEED_001.forType(type));
        }
    }

    @Test
    void aMissedSlaEscalatesToTheCsDirectorOncePerStage() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(t0);
        String clientId = newClient("cse");
        String alertId = AlertApiTest.criticalAlert(clientId);
        as("cse").get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("raisedAt", equalTo(t0.toString())).body("nextDueAt", equalTo(t0.plus(Duration.ofHours(2)).toString()));

        try (TopicProbe alerts = TopicProbe.watch(Topics.HEALTH_ALERTS)) {
            clock.freezeAt(t0.plus(Duration.ofHours(2))); // exactly at the deadline: in time
            scheduler.scan();
            as("cse").get("/api/v1/alerts/" + alertId).then().body("breached", equalTo(false)).body("sla[0].escalatedAt", nullValue());
            assertThat(count(alerts, ESCALATED, clientId, Duration.ofSeconds(1))).isZero();

            clock.freezeAt(t0.plus(Duration.ofHours(2)).plusSeconds(1)); // one second late
            scheduler.scan();
            CloudEvent escalated = TopicProbe.validated(alerts.awaitRecord(r -> AlertTesting.is(r, ESCALATED, clientId),
                    Duration.ofSeconds(30)));
            assertThat(escalated.data().get("alertId").asText()).isEqualTo(alertId);
            assertThat(escalated.data().get("missedStage").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(escalated.data().get("escalatedTo").asText()).isEqualTo("avp");
            assertThat(escalated.data().get("status").asText()).isEqualTo("OPEN");
            assertThat(escalated.data().get("owner").asText()).isEqualTo("cse");
            assertThat(Instant.parse(escalated.data().get("dueAt").asText())).isEqualTo(t0.plus(Duration.ofHours(2)));

            // scanning again (or after a restart: the state is in the database) escalates nothing twice
            scheduler.scan();
            scheduler.scan();
            assertThat(count(alerts, ESCALATED, clientId, Duration.ofSeconds(2))).isEqualTo(1);
        }
        String etag = as("cse").get("/api/v1/alerts/" + alertId).then().statusCode(200)
                .body("breached", equalTo(true)).body("sla[0].breached", equalTo(true))
                .body("sla[0].escalatedAt", equalTo(t0.plus(Duration.ofHours(2)).plusSeconds(1).toString()))
                .body("sla[1].breached", equalTo(false)).extract().header("ETag");
        as("avp").get("/api/v1/alerts?breached=true&limit=200&clientId=" + clientId).then().statusCode(200)
                .body("items.id", contains(alertId));

        // acknowledged late: it stays breached and is not escalated again; assessed in time (4 h): no escalation for it
        etag = as("cse").header("If-Match", etag).body(Map.of("to", "ACKNOWLEDGED", "note", "Back from leave"))
                .post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(200).extract().header("ETag");
        clock.freezeAt(t0.plus(Duration.ofHours(4)));
        as("cse").header("If-Match", etag).body(Map.of("to", "ASSESSED")).post("/api/v1/alerts/" + alertId + "/transitions")
                .then().statusCode(200);
        try (TopicProbe alerts = TopicProbe.watch(Topics.HEALTH_ALERTS)) {
            clock.freezeAt(t0.plus(Duration.ofHours(24)).plusSeconds(1)); // not planned within 24 h
            scheduler.scan();
            CloudEvent planned = TopicProbe.validated(alerts.awaitRecord(r -> AlertTesting.is(r, ESCALATED, clientId),
                    Duration.ofSeconds(30)));
            assertThat(planned.data().get("missedStage").asText()).isEqualTo("PLANNED");
            assertThat(planned.data().get("status").asText()).isEqualTo("ASSESSED");
            assertThat(count(alerts, ESCALATED, clientId, Duration.ofSeconds(2))).isEqualTo(1);
        }
        as("cse").get("/api/v1/alerts/" + alertId).then()
                .body("sla.find { it.stage == 'ACKNOWLEDGED' }.breached", equalTo(true))
                .body("sla.find { it.stage == 'ASSESSED' }.breached", equalTo(false))
                .body("sla.find { it.stage == 'ASSESSED' }.escalatedAt", nullValue())
                .body("sla.find { it.stage == 'PLANNED' }.escalatedAt", notNullValue());
    }

    @Test
    void fourteenDaysWithoutALoginSignalRaisesAnInactivityAlertFromTheScheduler() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(t0);
        String clientId = newClient("cse");
        try (TopicProbe alerts = TopicProbe.watch(Topics.HEALTH_ALERTS)) {
            send(signal(clientId, "usage.days_since_last_login", 10, t0.minusSeconds(60))).body("[0].outcome", equalTo("ACCEPTED"));
            as("cse").get("/api/v1/alerts?type=INACTIVITY&clientId=" + clientId).then().body("items", org.hamcrest.Matchers.hasSize(0));

            clock.freezeAt(t0.plus(Duration.ofDays(4)).minusSeconds(120)); // 13.99 days
            scheduler.scan();
            as("cse").get("/api/v1/alerts?type=INACTIVITY&clientId=" + clientId).then().body("items", org.hamcrest.Matchers.hasSize(0));

            clock.freezeAt(t0.plus(Duration.ofDays(4))); // 14 days without a newer login signal
            for (int i = 0; i < 5 && as("cse").get("/api/v1/alerts?type=INACTIVITY&clientId=" + clientId).then().extract()
                    .<java.util.List<?>>path("items").isEmpty(); i++) {
                scheduler.scan();
            }
            CloudEvent raised = awaitAlertEvent(alerts, EventCatalogue.ALERT_RAISED.type(), clientId, "INACTIVITY");
            assertThat(raised.data().get("evidence").get("usage.days_since_last_login").asDouble()).isEqualTo(14.0);
            assertThat(raised.data().get("raisedAt").asText()).isEqualTo(t0.plus(Duration.ofDays(4)).toString());
            scheduler.scan();
            assertThat(count(alerts, EventCatalogue.ALERT_RAISED.type(), clientId, "INACTIVITY", Duration.ofSeconds(2)))
                    .as("raised once while open").isEqualTo(1);
        }
        as("cse").get("/api/v1/clients/" + clientId + "/alerts").then().body("items.type", hasItem("INACTIVITY"))
                .body("items.type", not(hasItem("URGENT_TICKET")));
    }
}
