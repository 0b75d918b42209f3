package io.rhythm.calendar.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ActivityApiTest {

    @Test
    void aCseLogsAnEngagementAndEngagementActivityLoggedIsPublished() {
        String clientId = knownClient();
        try (TopicProbe activities = TopicProbe.watch(Topics.CALENDAR_ACTIVITIES)) {
            String id = as("cse").body(activity(clientId, "QBR", "2026-11-12"))
                    .post("/api/v1/calendar/activities").then().statusCode(201)
                    .body("loggedBy", equalTo("cse")).extract().path("id");
            CloudEvent event = activities.awaitEvent(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED.type(), clientId, Duration.ofSeconds(30));
            assertThat(event.data().get("activityId").asText()).isEqualTo(id);
            assertThat(event.data().get("activityType").asText()).isEqualTo("QBR");
        }
    }

    @Test
    void engagementsListNewestFirstAPageAtATime() {
        String clientId = knownClient();
        for (String date : new String[]{"2026-09-01", "2026-11-01", "2026-10-01"}) {
            as("cam").body(activity(clientId, "MEETING", date)).post("/api/v1/calendar/activities").then().statusCode(201);
        }
        String cursor = as("cse").get("/api/v1/calendar/activities?limit=2&clientId=" + clientId).then().statusCode(200)
                .body("items.occurredOn", contains("2026-11-01", "2026-10-01")).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        as("cse").get("/api/v1/calendar/activities?limit=2&clientId=" + clientId + "&cursor=" + cursor).then().statusCode(200)
                .body("items.occurredOn", contains("2026-09-01")).body("nextCursor", nullValue());
    }

    @Test
    void badInputIsA400NamingTheField() {
        String clientId = knownClient();
        as("cse").body(activity(clientId, "PARTY", "2026-11-01")).post("/api/v1/calendar/activities").then()
                .statusCode(400).body("errors[0].field", equalTo("activityType"));
        as("cse").body(activity(clientId, "CALL", LocalDate.now().plusDays(3).toString())).post("/api/v1/calendar/activities")
                .then().statusCode(400).body("errors[0].field", equalTo("occurredOn"));
        as("cse").body(activity(clientId, "CALL", "12/11/2026")).post("/api/v1/calendar/activities").then()
                .statusCode(400).body("errors[0].field", equalTo("occurredOn"));
        as("cse").get("/api/v1/calendar/activities?clientId=" + clientId).then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void rolesAndPortfolioDecideWhoMayLog() {
        String clientId = knownClient();
        anonymous().body(activity(clientId, "CALL", "2026-11-01")).post("/api/v1/calendar/activities").then().statusCode(401);
        as("marketing").body(activity(clientId, "CALL", "2026-11-01")).post("/api/v1/calendar/activities").then().statusCode(403);
        as("cse2").body(activity(clientId, "CALL", "2026-11-01")).post("/api/v1/calendar/activities").then().statusCode(404);
        as("marketing").get("/api/v1/calendar/activities?clientId=" + clientId).then().statusCode(200);
    }

    private static String knownClient() {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/calendar/activities?clientId=" + clientId).statusCode() == 200);
        return clientId;
    }

    private static String activity(String clientId, String type, String date) {
        return "{\"clientId\": \"" + clientId + "\", \"activityType\": \"" + type + "\", \"occurredOn\": \"" + date
                + "\", \"summary\": \"test\"}";
    }
}
