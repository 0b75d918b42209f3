package io.rhythm.calendar.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.EventType;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.AlertRaised;
import io.rhythm.platform.events.payload.AlertStatusChanged;
import io.rhythm.platform.events.payload.CadenceBreached;
import io.rhythm.platform.events.payload.DetractorCaseClosed;
import io.rhythm.platform.events.payload.DetractorCaseOpened;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.events.payload.SegmentMigrated;
import io.rhythm.platform.events.payload.SurveyResponseSubmitted;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class BriefApiTest {

    @Test
    void aBriefIsAssembledFromTheProjectionsAndTheLastThreeActivities() {
        String client = knownClient();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // health: a newer score, delivered twice, then an older one under another id (must not win)
        CloudEvent score = event(EventCatalogue.HEALTH_SCORE_CHANGED, client, new HealthScoreChanged(client, 1, 72.4, "STABLE",
                64.9, "AT_RISK", -7.5, List.of(new HealthScoreChanged.Driver("SUPPORT", 80.0, 45.0, -7.0)),
                List.of("ENTERED_AT_RISK"), new HealthScoreChanged.Trigger("signal", UUID.randomUUID().toString()), now.minusSeconds(60)));
        TopicProbe.send(Topics.HEALTH_SCORES, score);
        TopicProbe.send(Topics.HEALTH_SCORES, score);
        TopicProbe.send(Topics.HEALTH_SCORES, event(EventCatalogue.HEALTH_SCORE_CHANGED, client, new HealthScoreChanged(client, 1,
                null, null, 72.4, "STABLE", null, List.of(), List.of(), new HealthScoreChanged.Trigger("signal", "old"),
                now.minus(30, ChronoUnit.DAYS))));
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, event(EventCatalogue.SEGMENT_MIGRATED, client,
                new SegmentMigrated(client, null, "NURTURE", "satisfaction moderate, spend moderate", true, "system")));
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, event(EventCatalogue.CADENCE_BREACHED, client, new CadenceBreached(client,
                "SERVICE_REVIEW", "MONTHLY", "NURTURE", LocalDate.now().minusDays(10), LocalDate.now().minusDays(45),
                LocalDate.now().minusDays(9))));
        String alertOpen = UUID.randomUUID().toString();
        String alertResolved = UUID.randomUUID().toString();
        TopicProbe.send(Topics.HEALTH_ALERTS, alert(alertOpen, client, now));
        TopicProbe.send(Topics.HEALTH_ALERTS, alert(alertResolved, client, now.minusSeconds(3600)));
        TopicProbe.send(Topics.HEALTH_ALERTS, event(EventCatalogue.ALERT_STATUS_CHANGED, client, new AlertStatusChanged(
                alertResolved, client, "BILLING_ISSUE", "EXECUTING", "RESOLVED", "cse", "paid", now)));
        String openCase = UUID.randomUUID().toString();
        String closedCase = UUID.randomUUID().toString();
        TopicProbe.send(Topics.NPS_CASES, caseOpened(openCase, client, now));
        TopicProbe.send(Topics.NPS_CASES, caseOpened(closedCase, client, now.minusSeconds(7200)));
        TopicProbe.send(Topics.NPS_CASES, event(EventCatalogue.DETRACTOR_CASE_CLOSED, client, new DetractorCaseClosed(closedCase,
                UUID.randomUUID().toString(), client, "cse", now.minusSeconds(7200), now, now, "cse", "price", "discount", List.of())));
        CloudEvent latest = answer(client, 4, List.of("PRODUCT_PERCEPTION"), now.minusSeconds(600));
        TopicProbe.send(Topics.NPS_RESPONSES, answer(client, 10, List.of("SUPPORT_QUALITY"), now.minus(20, ChronoUnit.DAYS)));
        TopicProbe.send(Topics.NPS_RESPONSES, latest);
        TopicProbe.send(Topics.NPS_RESPONSES, latest);
        TopicProbe.send(Topics.NPS_RESPONSES, answer(client, 8, List.of(), now.minus(400, ChronoUnit.DAYS)));

        // four held activities (only the last three are shown), the newest with an open action item
        for (int i = 4; i >= 1; i--) {
            String id = as("cse").body(plan(client, LocalDate.now().minusDays(7L * i) + "T10:00:00")).post("/api/v1/calendar/activities/planned")
                    .then().statusCode(201).extract().path("id");
            as("cse").body("{\"heldOn\": \"" + LocalDate.now().minusDays(7L * i) + "\", \"actionItems\": [{\"description\": "
                            + "\"Send roadmap " + i + "\", \"owner\": \"cse\", \"dueOn\": \"" + LocalDate.now().plusDays(3) + "\"}]}")
                    .post("/api/v1/calendar/activities/" + id + "/hold").then().statusCode(200);
        }
        String meeting = as("cse").body(plan(client, LocalDate.now().plusDays(3) + "T10:00:00"))
                .post("/api/v1/calendar/activities/planned").then().statusCode(201).extract().path("id");
        String url = "/api/v1/calendar/activities/" + meeting + "/brief";

        // the shared Kafka may hold a backlog of other tests' health and NPS events before ours
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            JsonPath b = as("cse").get(url).then().statusCode(200).extract().jsonPath();
            return "AVAILABLE".equals(b.getString("health.status")) && "AVAILABLE".equals(b.getString("nps.status"))
                    && b.getInt("nps.data.answersLast365Days") == 2 && "AVAILABLE".equals(b.getString("segment.status"))
                    && "BREACHED".equals(b.getString("cadence.data.status")) && b.getList("openAlerts.data").size() == 1
                    && b.getList("openDetractorCases.data").size() == 1;
        });
        JsonPath brief = as("cse").get(url).then().statusCode(200).extract().jsonPath();
        assertThat(brief.getString("meeting.id")).isEqualTo(meeting);
        assertThat(brief.getString("client.id")).isEqualTo(client);
        assertThat(brief.getFloat("health.data.score")).isEqualTo(64.9f);
        assertThat(brief.getString("health.data.band")).isEqualTo("AT_RISK");
        assertThat(brief.getString("health.data.drivers[0].component")).isEqualTo("SUPPORT");
        assertThat(brief.getString("segment.data.segment")).isEqualTo("NURTURE");
        assertThat(brief.getBoolean("segment.data.sapRequired")).isTrue();
        assertThat(brief.getString("cadence.data.openBreaches[0].activityType")).isEqualTo("SERVICE_REVIEW");
        assertThat(brief.getInt("nps.data.latest.score")).isEqualTo(4);
        assertThat(brief.getList("nps.data.latest.themes")).containsExactly("PRODUCT_PERCEPTION");
        assertThat(brief.getInt("nps.data.promoters")).isEqualTo(1);
        assertThat(brief.getInt("nps.data.detractors")).isEqualTo(1);
        assertThat(brief.getFloat("nps.data.npsLast365Days")).isEqualTo(0.0f);
        assertThat(brief.getMap("nps.data.themesLast365Days")).containsEntry("PRODUCT_PERCEPTION", 1).containsEntry("SUPPORT_QUALITY", 1);
        assertThat(brief.getString("openAlerts.data[0].alertId")).isEqualTo(alertOpen);
        assertThat(brief.getString("openDetractorCases.data[0].caseId")).isEqualTo(openCase);
        assertThat(brief.getString("opportunities.status")).isEqualTo("MISSING");
        assertThat(brief.getString("opportunities.missingReason")).contains("planning.plans.v1");
        assertThat(brief.getString("risks.status")).isEqualTo("MISSING");
        assertThat(brief.getList("lastActivities.data")).hasSize(3);
        assertThat(brief.getString("lastActivities.data[0].occurredOn")).isEqualTo(LocalDate.now().minusDays(7).toString());
        assertThat(brief.getString("lastActivities.data[0].actionItems[0].description")).isEqualTo("Send roadmap 1");
        assertThat(brief.getString("lastActivities.data[2].occurredOn")).isEqualTo(LocalDate.now().minusDays(21).toString());

        // the service review held a week ago after the breach's last held day cures the breach
        String review = as("cse").body(plan(client, LocalDate.now().minusDays(1) + "T10:00:00").replace("QBR", "SERVICE_REVIEW"))
                .post("/api/v1/calendar/activities/planned").then().statusCode(201).extract().path("id");
        as("cse").body("{\"heldOn\": \"" + LocalDate.now().minusDays(1) + "\"}").post("/api/v1/calendar/activities/" + review + "/hold")
                .then().statusCode(200);
        as("cse").get(url).then().statusCode(200).body("cadence.data.status", equalTo("NO_OPEN_BREACH"));

        // row level: only people who may see the client
        as("cam").get(url).then().statusCode(200);
        as("avp").get(url).then().statusCode(200);
        as("cse2").get(url).then().statusCode(404);
        anonymous().get(url).then().statusCode(401);
        asIntegration().get(url).then().statusCode(403);
        as("cse").get("/api/v1/calendar/activities/" + UUID.randomUUID() + "/brief").then().statusCode(404);
    }

    @Test
    void aBriefForAClientWithNoNpsAnswerShowsNpsAsMissing() {
        String client = knownClient();
        String meeting = as("cse").body(plan(client, LocalDate.now().plusDays(2) + "T09:00:00"))
                .post("/api/v1/calendar/activities/planned").then().statusCode(201).extract().path("id");
        JsonPath brief = as("cse").get("/api/v1/calendar/activities/" + meeting + "/brief").then().statusCode(200).extract().jsonPath();
        assertThat(brief.getString("nps.status")).isEqualTo("MISSING");
        assertThat(brief.getString("nps.missingReason")).isEqualTo("no NPS answer from this client has been received");
        assertThat(brief.getMap("nps")).containsEntry("data", null);
        assertThat(brief.getString("health.status")).isEqualTo("MISSING");
        assertThat(brief.getString("segment.status")).isEqualTo("MISSING");
        assertThat(brief.getString("lastActivities.status")).isEqualTo("MISSING");
        assertThat(brief.getList("openAlerts.data")).isEmpty();
    }

    private static CloudEvent event(EventType type, String key, Object payload) {
        return CloudEvent.create(type, key, Json.tree(payload), null);
    }

    private static CloudEvent alert(String alertId, String client, Instant at) {
        return event(EventCatalogue.ALERT_RAISED, client, new AlertRaised(alertId, client, "BILLING_ISSUE", "HIGH", "OPEN", "cse",
                List.of("finance"), "payment failed", Map.of("billing.failedPayments", 1.0),
                List.of(new AlertRaised.SlaDeadline("ACKNOWLEDGED", at.plusSeconds(7200), "avp")), at));
    }

    private static CloudEvent caseOpened(String caseId, String client, Instant at) {
        return event(EventCatalogue.DETRACTOR_CASE_OPENED, client, new DetractorCaseOpened(caseId, UUID.randomUUID().toString(),
                null, client, UUID.randomUUID().toString(), 3, "cse", at, at.plusSeconds(86400), at.plusSeconds(172800),
                at.plusSeconds(259200), at));
    }

    private static CloudEvent answer(String client, int score, List<String> themes, Instant at) {
        String category = score >= 9 ? "PROMOTER" : score >= 7 ? "PASSIVE" : "DETRACTOR";
        return event(EventCatalogue.SURVEY_RESPONSE_SUBMITTED, client, new SurveyResponseSubmitted(UUID.randomUUID().toString(),
                null, client, UUID.randomUUID().toString(), score, category, themes,
                new SurveyResponseSubmitted.Sentiment(0.0, "NEUTRAL"), "SURVEY_LINK", at));
    }

    static String knownClient() {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/calendar/activities?clientId=" + clientId).statusCode() == 200);
        return clientId;
    }

    static String plan(String clientId, String startsAt) {
        return """
                {"clientId": "%s", "activityType": "QBR", "title": "QBR", "startsAt": "%s",
                 "timeZone": "Australia/Sydney", "durationMinutes": 60,
                 "attendees": [{"kind": "INTERNAL", "username": "cse"}]}""".formatted(clientId, startsAt);
    }
}
