package io.rhythm.nps.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** HubSpot feedback_submissions rows: imported once, duplicates and bad rows answered row by row, unmatched kept. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class HubSpotImportApiTest {

    @Inject
    ContactDirectory contacts;

    @Test
    void rowsAreImportedOnceWithPerRowResults() {
        String clientId = TestClients.publishNew("Imported " + UUID.randomUUID(), "cse", "cam");
        String email = "jo-" + UUID.randomUUID() + "@client.example";
        TestClients.publishContact(clientId, UUID.randomUUID().toString(), "Jo Citizen", email, true, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.byEmail(email).size() == 1);
        String cycleId = as("avp").body("{\"name\": \"Import " + UUID.randomUUID() + "\", \"openDate\": \"2026-10-07\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        String unknown = "nobody-" + UUID.randomUUID() + "@client.example";
        Map<String, Object> good = Map.of("hs_survey_type", "NPS", "hs_value", "3", "hs_response_group", "detractor",
                "hs_content", "The product feels outdated and old-fashioned", "hs_submission_timestamp", "1760400000000",
                "email", email.toUpperCase(java.util.Locale.ROOT));

        try (TopicProbe responses = TopicProbe.watch(Topics.NPS_RESPONSES)) {
            asIntegration().body(Map.of("rows", List.of(good, good,
                            Map.of("hs_survey_type", "NPS", "hs_value", 9, "hs_submission_timestamp", "2026-10-14T00:00:00Z", "email", unknown),
                            Map.of("hs_survey_type", "NPS", "hs_value", 11, "hs_submission_timestamp", "2026-10-14T00:00:00Z", "email", email),
                            Map.of("hs_survey_type", "CSAT", "hs_value", 4, "hs_submission_timestamp", "2026-10-14T00:00:00Z", "email", email),
                            Map.of("hs_survey_type", "NPS", "hs_value", 9, "hs_response_group", "detractor",
                                    "hs_submission_timestamp", "2026-10-14T00:00:00Z", "email", email),
                            Map.of("hs_survey_type", "NPS", "hs_value", 9, "hs_submission_timestamp", "yesterday", "email", email))))
                    .post("/api/v1/nps/cycles/" + cycleId + "/responses/import/hubspot").then().statusCode(200)
                    .body("status", contains("IMPORTED", "DUPLICATE", "UNMATCHED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"))
                    .body("[3].errors[0].field", equalTo("hs_value"))
                    .body("[4].errors[0].field", equalTo("hs_survey_type"))
                    .body("[5].errors[0].field", equalTo("hs_response_group"))
                    .body("[6].errors[0].field", equalTo("hs_submission_timestamp"));

            CloudEvent event = responses.awaitEvent(EventCatalogue.SURVEY_RESPONSE_SUBMITTED.type(), clientId, Duration.ofSeconds(30));
            assertThat(event.data().get("channel").asText()).isEqualTo("IMPORT");
            assertThat(event.data().get("score").asInt()).isEqualTo(3);
            assertThat(event.data().get("themes").toString()).contains("PRODUCT_PERCEPTION");
            assertThat(event.data().get("respondedAt").asText()).startsWith("2025-10-14");
        }
        as("avp").get("/api/v1/nps/cycles/" + cycleId + "/results").then().statusCode(200).body("overall.count", equalTo(1));
        as("cse").body(Map.of("rows", List.of(good))).post("/api/v1/nps/cycles/" + cycleId + "/responses/import/hubspot")
                .then().statusCode(403);
        asIntegration().body(Map.of("rows", List.of())).post("/api/v1/nps/cycles/" + cycleId + "/responses/import/hubspot")
                .then().statusCode(400).body("errors[0].field", equalTo("rows"));
        asIntegration().body(Map.of("rows", List.of(good))).post("/api/v1/nps/cycles/" + UUID.randomUUID() + "/responses/import/hubspot")
                .then().statusCode(404);
    }
}
