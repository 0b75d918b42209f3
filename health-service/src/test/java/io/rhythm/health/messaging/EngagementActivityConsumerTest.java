package io.rhythm.health.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.EngagementActivityLogged;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** calendar.activities.v1 → engagement signals, once per activity however often it is delivered. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class EngagementActivityConsumerTest {

    @Test
    void loggedActivitiesBecomeEngagementSignalsOnce() {
        String clientId = asIntegration().body(io.rhythm.health.api.ClientApiTestSupport.client("Engaged " + UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        String activityId = UUID.randomUUID().toString();
        CloudEvent logged = CloudEvent.create(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED, clientId, Json.tree(
                new EngagementActivityLogged(activityId, clientId, "QBR", LocalDate.of(2026, 11, 12), "cse", "QBR with the CIO")), null);
        TopicProbe.send(Topics.CALENDAR_ACTIVITIES, logged);
        TopicProbe.send(Topics.CALENDAR_ACTIVITIES, logged);
        String laterId = UUID.randomUUID().toString();
        TopicProbe.send(Topics.CALENDAR_ACTIVITIES, CloudEvent.create(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED, clientId, Json.tree(
                new EngagementActivityLogged(laterId, clientId, "CALL", LocalDate.of(2026, 11, 20), "cse", null)), null));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("cse").get("/api/v1/clients/" + clientId + "/engagements").then().extract().<List<?>>path("").size() == 2);
        List<String> ids = as("cse").get("/api/v1/clients/" + clientId + "/engagements").then().statusCode(200)
                .extract().path("activityId");
        assertThat(ids).containsExactly(laterId, activityId);
    }
}
