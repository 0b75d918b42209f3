package io.rhythm.calendar.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PlannedActivityApiTest {

    @Test
    void aPlannedQbrPublishesNothingUntilHeldThenOneSchemaValidEngagementActivityLogged() {
        String clientId = knownClient();
        String lastMonth = LocalDate.now().minusMonths(1).toString();
        try (TopicProbe activities = TopicProbe.watch(Topics.CALENDAR_ACTIVITIES)) {
            Response planned = as("cse").body(plan(clientId, "QBR", lastMonth + "T10:00:00")).post("/api/v1/calendar/activities/planned");
            planned.then().statusCode(201).body("status", equalTo("PLANNED")).body("timeZone", equalTo("Australia/Sydney"))
                    .body("startsAt", equalTo(lastMonth + "T10:00:00")).body("attendees.kind", hasItem("CLIENT"));
            String id = planned.path("id");
            as("cse").body("{\"heldOn\": \"" + lastMonth + "\", \"outcomes\": \"Renewal on track\", \"actionItems\": "
                            + "[{\"description\": \"Send roadmap deck\", \"owner\": \"cse\", \"dueOn\": \"" + LocalDate.now() + "\"}]}")
                    .post("/api/v1/calendar/activities/" + id + "/hold").then().statusCode(200)
                    .body("status", equalTo("HELD")).body("occurredOn", equalTo(lastMonth)).body("heldBy", equalTo("cse"))
                    .body("actionItems[0].owner", equalTo("cse"));
            CloudEvent event = activities.awaitEvent(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED.type(), clientId, Duration.ofSeconds(30));
            assertThat(event.data().get("activityId").asText()).isEqualTo(id);
            assertThat(event.data().get("activityType").asText()).isEqualTo("QBR");
            assertThat(event.data().get("occurredOn").asText()).isEqualTo(lastMonth);
            as("cse").body("{\"heldOn\": \"" + lastMonth + "\"}").post("/api/v1/calendar/activities/" + id + "/hold").then().statusCode(409);
            assertThat(activities.recordsAfter(Duration.ofSeconds(3)).stream().filter(r -> clientId.equals(r.key())).count()).isEqualTo(1);
        }
    }

    @Test
    void aPlannedActivityIsMovedWithIfMatchOrCancelled() {
        String clientId = knownClient();
        String nextWeek = LocalDate.now().plusDays(7).toString();
        Response planned = as("cam").body(plan(clientId, "SERVICE_REVIEW", nextWeek + "T09:30:00")).post("/api/v1/calendar/activities/planned");
        String id = planned.path("id");
        String etag = planned.header("ETag");
        String move = "{\"startsAt\": \"" + nextWeek + "T15:00:00\", \"timeZone\": \"Pacific/Auckland\", \"durationMinutes\": 90}";
        as("cam").body(move).post("/api/v1/calendar/activities/" + id + "/reschedule").then().statusCode(428);
        as("cam").header("If-Match", "\"v9\"").body(move).post("/api/v1/calendar/activities/" + id + "/reschedule").then().statusCode(412);
        as("cam").header("If-Match", etag).body(move).post("/api/v1/calendar/activities/" + id + "/reschedule").then().statusCode(200)
                .body("timeZone", equalTo("Pacific/Auckland")).body("startsAt", equalTo(nextWeek + "T15:00:00")).body("version", equalTo(1));
        // a planned meeting next week cannot be marked held yet
        as("cam").body("{\"heldOn\": \"" + nextWeek + "\"}").post("/api/v1/calendar/activities/" + id + "/hold").then().statusCode(400)
                .body("errors[0].field", equalTo("heldOn"));
        as("cam").body("{\"reason\": \"Client postponed\"}").post("/api/v1/calendar/activities/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("Client postponed"));
        as("cam").body("{\"reason\": \"again\"}").post("/api/v1/calendar/activities/" + id + "/cancel").then().statusCode(409);
        as("cam").header("If-Match", "*").body(move).post("/api/v1/calendar/activities/" + id + "/reschedule").then().statusCode(409);
        as("cse").get("/api/v1/calendar/activities?status=CANCELLED&clientId=" + clientId).then().statusCode(200)
                .body("items.id", hasItem(id));
        as("cse").get("/api/v1/calendar/activities?status=LATE&clientId=" + clientId).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void badPlansAre400sWithFieldErrors() {
        String clientId = knownClient();
        as("cse").body(plan(clientId, "PARTY", "2026-12-20T10:00:00")).post("/api/v1/calendar/activities/planned").then().statusCode(400)
                .body("errors[0].field", equalTo("activityType"));
        as("cse").body(plan(clientId, "QBR", "2026-12-20T10:00:00").replace("Australia/Sydney", "Mars/Base"))
                .post("/api/v1/calendar/activities/planned").then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        as("cse").body(plan(clientId, "QBR", "2026-12-20T10:00:00").replace("\"durationMinutes\": 60", "\"durationMinutes\": 0"))
                .post("/api/v1/calendar/activities/planned").then().statusCode(400).body("errors[0].field", equalTo("durationMinutes"));
        as("cse").body(plan(clientId, "QBR", "2026-12-20T10:00:00").replace("\"kind\": \"CLIENT\", \"name\": \"Jo Citizen\"", "\"kind\": \"CLIENT\""))
                .post("/api/v1/calendar/activities/planned").then().statusCode(400).body("errors[0].field", equalTo("attendees[1].name"));
        as("cse").body(plan(clientId, "QBR", "2026-12-20T10:00:00").replace("\"notes\"", "\"colour\": 1, \"notes\""))
                .post("/api/v1/calendar/activities/planned").then().statusCode(400);
        as("cse").get("/api/v1/calendar/activities?status=PLANNED&clientId=" + clientId).then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void rolesAndPortfolioDecideWhoPlansAndSees() {
        String clientId = knownClient();
        String body = plan(clientId, "HEALTH_CHECK", "2026-12-21T10:00:00");
        anonymous().body(body).post("/api/v1/calendar/activities/planned").then().statusCode(401);
        as("marketing").body(body).post("/api/v1/calendar/activities/planned").then().statusCode(403);
        asIntegration().body(body).post("/api/v1/calendar/activities/planned").then().statusCode(403);
        as("cse2").body(body).post("/api/v1/calendar/activities/planned").then().statusCode(404);
        String id = as("avp").body(body).post("/api/v1/calendar/activities/planned").then().statusCode(201).extract().path("id");
        as("cse").get("/api/v1/calendar/activities/" + id).then().statusCode(200).header("ETag", "\"v0\"");
        as("marketing").get("/api/v1/calendar/activities/" + id).then().statusCode(200);
        as("cse2").get("/api/v1/calendar/activities/" + id).then().statusCode(404);
        as("cse2").body("{\"reason\": \"not mine\"}").post("/api/v1/calendar/activities/" + id + "/cancel").then().statusCode(404);
        as("marketing").body("{\"reason\": \"x\"}").post("/api/v1/calendar/activities/" + id + "/cancel").then().statusCode(403);
        anonymous().get("/api/v1/calendar/activities/" + id).then().statusCode(401);
        asIntegration().get("/api/v1/calendar/activities/" + id).then().statusCode(403);
    }

    private static String knownClient() {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/calendar/activities?clientId=" + clientId).statusCode() == 200);
        return clientId;
    }

    private static String plan(String clientId, String type, String startsAt) {
        return """
                {"clientId": "%s", "activityType": "%s", "title": "Review", "startsAt": "%s",
                 "timeZone": "Australia/Sydney", "durationMinutes": 60,
                 "attendees": [{"kind": "INTERNAL", "username": "cse"}, {"kind": "CLIENT", "name": "Jo Citizen", "email": "jo@example.org"}],
                 "notes": "Agenda"}""".formatted(clientId, type, startsAt);
    }
}
