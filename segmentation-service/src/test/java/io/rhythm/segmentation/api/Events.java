package io.rhythm.segmentation.api;

import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.EngagementActivityLogged;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.events.payload.SurveyResponseSubmitted;
import io.rhythm.platform.testing.TopicProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;

/** The other services' events this service consumes, published onto the real topics as their producers do. */
final class Events {

    private Events() {
    }

    /** A new client with the given owners and revenue; waits until this service's directory has it. */
    static String client(String name, String cse, String cam, String revenue) {
        String id = UUID.randomUUID().toString();
        client(id, name, cse, cam, revenue, 0);
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> as("admin").get("/api/v1/segments/clients/" + id).statusCode() == 200);
        return id;
    }

    static CloudEvent client(String id, String name, String cse, String cam, String revenue, long version) {
        ClientUpserted client = new ClientUpserted(id, name, "APAC", "Health", cse, cam, "Enterprise", "MATURE",
                LocalDate.of(2027, 6, 30), revenue == null ? null : new Money(revenue, "AUD"), Map.of(), version);
        return send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CLIENT_UPSERTED, id, Json.tree(client), null));
    }

    static CloudEvent health(String clientId, double score, Instant scoredAt) {
        HealthScoreChanged changed = new HealthScoreChanged(clientId, 1, null, null, score, score >= 85 ? "HEALTHY" : "STABLE",
                null, List.of(), List.of(), new HealthScoreChanged.Trigger("signal", UUID.randomUUID().toString()), scoredAt);
        return send(Topics.HEALTH_SCORES, CloudEvent.create(EventCatalogue.HEALTH_SCORE_CHANGED, clientId, Json.tree(changed), null));
    }

    static CloudEvent nps(String clientId, int score) {
        String category = score >= 9 ? "PROMOTER" : score >= 7 ? "PASSIVE" : "DETRACTOR";
        SurveyResponseSubmitted answer = new SurveyResponseSubmitted(UUID.randomUUID().toString(), null, clientId,
                UUID.randomUUID().toString(), score, category, List.of(), new SurveyResponseSubmitted.Sentiment(0, "NEUTRAL"),
                "SURVEY_LINK", Instant.now());
        return send(Topics.NPS_RESPONSES, CloudEvent.create(EventCatalogue.SURVEY_RESPONSE_SUBMITTED, clientId, Json.tree(answer), null));
    }

    static CloudEvent activity(String clientId, String type, LocalDate on) {
        EngagementActivityLogged logged = new EngagementActivityLogged(UUID.randomUUID().toString(), clientId, type, on, "cse", "held");
        return send(Topics.CALENDAR_ACTIVITIES, CloudEvent.create(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED, clientId, Json.tree(logged), null));
    }

    static CloudEvent send(String topic, CloudEvent event) {
        TopicProbe.send(topic, event);
        return event;
    }

    static String override(String clientId, String segment, String reason, String effectiveFrom, String expiresOn) {
        return "{\"clientId\": \"" + clientId + "\", \"segment\": \"" + segment + "\", \"reason\": \"" + reason + "\""
                + (effectiveFrom == null ? "" : ", \"effectiveFrom\": \"" + effectiveFrom + "\"")
                + (expiresOn == null ? "" : ", \"expiresOn\": \"" + expiresOn + "\"") + "}";
    }
}
