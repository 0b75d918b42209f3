package io.rhythm.planning.workflow.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.planning.workflow.service.OverdueSteps;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.AlertRaised;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class WorkflowTriggersTest {

    @Inject
    OverdueSteps overdue;
    @Inject
    io.rhythm.planning.workflow.service.QuarterlyQbrs qbrs;

    @Test
    void everyClientGetsOneQbrPerQuarter() {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp")
                .body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"no-such\"}").post("/api/v1/workflows")
                .then().extract().<String>path("detail").contains("template"));
        assertThat(qbrs.startDue(LocalDate.of(2026, 12, 4))).isPositive();
        assertThat(qbrs.startDue(LocalDate.of(2026, 11, 1))).isZero(); // same quarter
        assertThat(workflows(clientId, "qbr")).hasSize(1);
        qbrs.startDue(LocalDate.of(2027, 1, 2));
        assertThat(workflows(clientId, "qbr")).hasSize(2);
        assertThat(io.rhythm.planning.workflow.service.QuarterlyQbrs.quarter(LocalDate.of(2027, 3, 31))).isEqualTo("2027-Q1");
    }

    @Test
    void aHealthDropStartsOneHealthCheckUnderRedeliveryAndWhileOneIsOpen() {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        CloudEvent drop = scoreChange(clientId, "STABLE", "AT_RISK");
        TopicProbe.send(Topics.HEALTH_SCORES, drop);
        TopicProbe.send(Topics.HEALTH_SCORES, drop); // redelivery
        await().atMost(Duration.ofSeconds(60)).until(() -> healthChecks(clientId).size() == 1);
        TopicProbe.send(Topics.HEALTH_SCORES, scoreChange(clientId, "AT_RISK", "CRITICAL")); // still open: no second one
        TopicProbe.send(Topics.HEALTH_SCORES, scoreChange(clientId, "HEALTHY", "STABLE")); // not a drop into risk
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> healthChecks(clientId).size() == 1);
        as("cse").get("/api/v1/workflows/" + healthChecks(clientId).get(0)).then().statusCode(200)
                .body("triggerKind", org.hamcrest.Matchers.equalTo("HEALTH_SCORE_DROP"))
                .body("startedBy", org.hamcrest.Matchers.equalTo("system"));
    }

    @Test
    void aBillingDisputeAlertStartsABillingDisputeResolution() {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        AlertRaised alert = new AlertRaised(UUID.randomUUID().toString(), clientId, "BILLING_ISSUE", "HIGH", "OPEN", "cse",
                List.of("finance"), "1 open billing dispute(s)", Map.of("financial.open_billing_disputes", 1.0), List.of(),
                Instant.now());
        CloudEvent event = CloudEvent.create(EventCatalogue.ALERT_RAISED, clientId, Json.tree(alert), null);
        TopicProbe.send(Topics.HEALTH_ALERTS, event);
        TopicProbe.send(Topics.HEALTH_ALERTS, event);
        await().atMost(Duration.ofSeconds(60)).until(() -> workflows(clientId, "billing-dispute-resolution").size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8))
                .until(() -> workflows(clientId, "billing-dispute-resolution").size() == 1);
    }

    @Test
    void aRenewalWindowStartsOneAnnualRenewal() {
        var type = EventCatalogue.RENEWAL_WINDOW_OPENED;
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        var data = Json.tree(Map.of("renewalId", UUID.randomUUID().toString(), "clientId", clientId,
                "contractEndDate", "2027-06-30", "kickoffDate", "2027-04-01", "daysRemaining", 90,
                "annualRevenue", Map.of("amount", "250000.00", "currency", "AUD"), "ownerCse", "cse", "ownerCam", "cam"));
        CloudEvent event = CloudEvent.create(type, clientId, data, null);
        TopicProbe.send(type.topic(), event);
        TopicProbe.send(type.topic(), event);
        await().atMost(Duration.ofSeconds(60)).until(() -> workflows(clientId, "annual-renewal").size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8)).until(() -> workflows(clientId, "annual-renewal").size() == 1);
    }

    @Test
    void anOverdueStepIsReportedOnce() {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("cse")
                .body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"qbr\"}").post("/api/v1/workflows").statusCode() == 201);
        try (TopicProbe events = TopicProbe.watch(Topics.PLANNING_WORKFLOWS)) {
            assertThat(overdue.notifyOverdue(LocalDate.now().plusDays(8))).isPositive();
            CloudEvent event = events.awaitEvent(EventCatalogue.WORKFLOW_STEP_OVERDUE.type(), clientId, Duration.ofSeconds(30));
            assertThat(event.data().get("stepName").asText()).isEqualTo("Pre-QBR data collection");
            assertThat(event.data().get("dueOn").asText()).isEqualTo(LocalDate.now().plusDays(7).toString());
        }
        assertThat(overdue.notifyOverdue(LocalDate.now().plusDays(8))).as("already reported steps are not reported again").isZero();
    }

    private static CloudEvent scoreChange(String clientId, String previousBand, String band) {
        HealthScoreChanged change = new HealthScoreChanged(clientId, 1, 72.0, previousBand, 64.0, band, -8.0, List.of(),
                List.of(), new HealthScoreChanged.Trigger("signal", UUID.randomUUID().toString()), Instant.now());
        return CloudEvent.create(EventCatalogue.HEALTH_SCORE_CHANGED, clientId, Json.tree(change), null);
    }

    private static List<String> healthChecks(String clientId) {
        return workflows(clientId, "client-health-check");
    }

    private static List<String> workflows(String clientId, String key) {
        return as("avp").get("/api/v1/workflows?limit=200&clientId=" + clientId + "&templateKey=" + key)
                .then().statusCode(200).extract().path("items.id");
    }
}
