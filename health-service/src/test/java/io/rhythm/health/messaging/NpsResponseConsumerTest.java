package io.rhythm.health.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.health.api.ClientApiTestSupport;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.SurveyResponseSubmitted;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.awaitility.Awaitility.await;

/** nps.responses.v1 → the relational input: the mean of the client's respondents in the cycle, once per answer. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class NpsResponseConsumerTest {

    @Test
    void answersSetTheRelationalInputToTheCyclesMean() {
        String clientId = asIntegration().body(ClientApiTestSupport.client("Surveyed " + UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        String cycleId = UUID.randomUUID().toString();
        CloudEvent detractor = answer(clientId, cycleId, 3, Instant.parse("2026-10-10T01:00:00Z"));
        TopicProbe.send(Topics.NPS_RESPONSES, detractor);
        TopicProbe.send(Topics.NPS_RESPONSES, detractor); // redelivered: counted once
        TopicProbe.send(Topics.NPS_RESPONSES, answer(clientId, cycleId, 9, Instant.parse("2026-10-11T01:00:00Z")));

        await().atMost(Duration.ofSeconds(30)).until(() -> relational(clientId) != null && relational(clientId) == 6.0f);
        // an answer to an older cycle arriving late does not replace the newer cycle's mean
        TopicProbe.send(Topics.NPS_RESPONSES, answer(clientId, UUID.randomUUID().toString(), 10, Instant.parse("2026-04-10T01:00:00Z")));
        // an answer to a triggered survey outside the cycles (no cycle) is not the relationship score, and is no poison
        TopicProbe.send(Topics.NPS_RESPONSES, answer(clientId, null, 0, Instant.parse("2026-10-12T02:00:00Z")));
        String marker = UUID.randomUUID().toString();
        TopicProbe.send(Topics.NPS_RESPONSES, answer(clientId, marker, 8, Instant.parse("2026-10-12T01:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> relational(clientId) != null && relational(clientId) == 8.0f);
    }

    private static Float relational(String clientId) {
        var response = as("avp").get("/api/v1/clients/" + clientId + "/health");
        if (response.statusCode() != 200) {
            return null;
        }
        return response.path("components.find { it.component == 'RELATIONAL' }.inputs[0].raw");
    }

    private static CloudEvent answer(String clientId, String cycleId, int score, Instant at) {
        SurveyResponseSubmitted response = new SurveyResponseSubmitted(UUID.randomUUID().toString(), cycleId, clientId,
                UUID.randomUUID().toString(), score, score <= 6 ? "DETRACTOR" : score <= 8 ? "PASSIVE" : "PROMOTER",
                List.of(), new SurveyResponseSubmitted.Sentiment(0.0, "NEUTRAL"), "SURVEY_LINK", at);
        return CloudEvent.create(EventCatalogue.SURVEY_RESPONSE_SUBMITTED, clientId, Json.tree(response), null);
    }
}
