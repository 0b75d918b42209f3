package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.rhythm.nps.domain.webhook.WebhookSignature;
import io.rhythm.nps.testing.TestClock;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.ContactUpserted;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The signed survey webhook against real PostgreSQL and Kafka, with no Keycloak token: a good signature records the answer
 * (and publishes SurveyResponseSubmitted, channel WEBHOOK); bad, missing or replayed (stale) signatures are 401; a bad
 * body is 400 with field errors; a repeated event id is a duplicate that records nothing; an unknown email lands in the
 * unmatched queue, which leaders and marketing can list and CSEs cannot.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SurveyWebhookApiTest {

    private static final byte[] SECRET = "test-webhook-secret".getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "/api/v1/nps/responses/webhook";

    @Inject
    ContactDirectory contacts;
    @Inject
    EntityManager em;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signedAnswersAreRecordedOnceAndEverythingElseIsRefused() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String clientId = TestClients.publishNew("Webhook " + tag, "cse", "cam");
        String wendy = UUID.randomUUID().toString();
        ContactUpserted contact = new ContactUpserted(wendy, clientId, "Wendy Webhook", "wendy-" + tag + "@client.example", "CIO",
                "IT", List.of("DECISION_MAKER"), true, true, 0);
        TopicProbe.send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CONTACT_UPSERTED, clientId, Json.tree(contact), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.ofClient(UUID.fromString(clientId), false).size() == 1);
        Instant now = Instant.now();
        String eventId = "evt-" + tag;
        String body = Json.tree(Map.of("eventId", eventId, "email", "Wendy-" + tag + "@client.example", "clientId", clientId,
                "score", 4, "comment", "The product feels outdated", "submittedAt", now.minusSeconds(60).toString(),
                "surveyType", "NPS")).toString();

        // the signature is the credential
        post(body, null, null).statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("X-Rhythm-Signature"));
        String ts = String.valueOf(now.getEpochSecond());
        post(body, ts, "sha256=" + "0".repeat(64)).statusCode(401).body("detail", containsString("does not match"));
        post(body, ts, WebhookSignature.sign("wrong".getBytes(StandardCharsets.UTF_8), ts, body.getBytes(StandardCharsets.UTF_8)))
                .statusCode(401);
        post(body, null, WebhookSignature.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8))).statusCode(401)
                .body("detail", containsString("X-Rhythm-Timestamp"));
        // replay: correctly signed, but six minutes old
        String old = String.valueOf(now.minus(Duration.ofMinutes(6)).getEpochSecond());
        post(body, old, WebhookSignature.sign(SECRET, old, body.getBytes(StandardCharsets.UTF_8))).statusCode(401)
                .body("detail", containsString("tolerance"));
        // a body changed after signing
        post(body.replace("\"score\":4", "\"score\":10"), ts, WebhookSignature.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)))
                .statusCode(401);
        assertThat(count("select count(*) from webhook_event where event_id = ?1", eventId)).isZero();

        // good signature: recorded through the one recording path, with its event
        String responseId;
        try (TopicProbe responses = TopicProbe.watch(Topics.NPS_RESPONSES)) {
            responseId = signed(body).statusCode(201).body("result", equalTo("RECORDED")).body("eventId", equalTo(eventId))
                    .body("responseId", notNullValue()).extract().path("responseId");
            CloudEvent event = responses.awaitEvent(EventCatalogue.SURVEY_RESPONSE_SUBMITTED.type(), clientId, Duration.ofSeconds(20));
            assertThat(event.data().get("responseId").asText()).isEqualTo(responseId);
            assertThat(event.data().get("channel").asText()).isEqualTo("WEBHOOK");
            assertThat(event.data().get("contactId").asText()).isEqualTo(wendy);
            assertThat(event.data().get("score").asInt()).isEqualTo(4);
            assertThat(event.data().get("cycleId").isNull()).isTrue();
        }
        assertThat(count("select count(*) from survey_response where id = cast(?1 as uuid) and channel = 'WEBHOOK' "
                + "and themes @> '{PRODUCT_PERCEPTION}'", responseId)).isEqualTo(1);

        // the same event again (a retry by the tool): duplicate, nothing recorded twice
        signed(body).statusCode(200).body("result", equalTo("DUPLICATE")).body("responseId", equalTo(responseId));
        assertThat(count("select count(*) from survey_response where contact_id = cast(?1 as uuid)", wendy)).isEqualTo(1);

        // a bad body (correctly signed): 400 with every field error, nothing stored
        String bad = Json.tree(Map.of("email", "not-an-email", "score", 11, "submittedAt", "yesterday", "surveyType", "CSAT",
                "clientId", "nope")).toString();
        signed(bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("eventId", "email", "score", "submittedAt", "surveyType", "clientId"));
        signed("{not json").statusCode(400).contentType("application/problem+json");
        Map<String, Object> fractional = new LinkedHashMap<>(Map.of("eventId", "evt-frac-" + tag, "email", "wendy-" + tag
                + "@client.example", "score", 7.5, "submittedAt", now.toString()));
        signed(Json.tree(fractional).toString()).statusCode(400).body("errors.field", hasItem("score"));
        assertThat(count("select count(*) from webhook_event where event_id = ?1", "evt-frac-" + tag)).isZero();
        // an unknown cycle
        signed(Json.tree(Map.of("eventId", "evt-cyc-" + tag, "email", "wendy-" + tag + "@client.example", "score", 8,
                "submittedAt", now.toString(), "cycleId", UUID.randomUUID().toString())).toString()).statusCode(404);

        // an unknown respondent: the unmatched queue
        String strangerEvent = "evt-stranger-" + tag;
        String stranger = "stranger-" + tag + "@elsewhere.example";
        String unmatchedId = signed(Json.tree(Map.of("eventId", strangerEvent, "email", stranger, "score", 9,
                        "submittedAt", now.toString(), "clientExternalId", "hs-42")).toString())
                .statusCode(202).body("result", equalTo("UNMATCHED")).body("detail", containsString("unmatched queue"))
                .extract().path("unmatchedId");
        assertThat(count("select count(*) from survey_response r join contact_directory c on c.contact_id = r.contact_id "
                + "where lower(c.email) = ?1", stranger)).isZero();
        signed(Json.tree(Map.of("eventId", strangerEvent, "email", stranger, "score", 9, "submittedAt", now.toString())).toString())
                .statusCode(200).body("result", equalTo("DUPLICATE")).body("unmatchedId", equalTo(unmatchedId));

        // the unmatched list: leaders, marketing and admin; not CSEs, not anonymous
        as("marketing").queryParam("source", "webhook").queryParam("limit", 200).get("/api/v1/nps/responses/unmatched").then()
                .statusCode(200).body("items.source", everyItem(equalTo("webhook")))
                .body("items.find { it.id == '" + unmatchedId + "' }.email", equalTo(stranger))
                .body("items.find { it.id == '" + unmatchedId + "' }.payload.clientExternalId", equalTo("hs-42"))
                .body("items.find { it.id == '" + unmatchedId + "' }.reason", containsString("no contact"));
        as("avp").get("/api/v1/nps/responses/unmatched").then().statusCode(200);
        // a second stranger: paging walks both, newest first
        String second = signed(Json.tree(Map.of("eventId", strangerEvent + "-2", "email", "other-" + stranger, "score", 2,
                "submittedAt", now.toString())).toString()).statusCode(202).extract().path("unmatchedId");
        var first = as("admin").queryParam("limit", 1).queryParam("source", "webhook").get("/api/v1/nps/responses/unmatched")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(second))
                .body("nextCursor", notNullValue()).extract();
        as("admin").queryParam("limit", 1).queryParam("source", "webhook").queryParam("cursor", (String) first.path("nextCursor"))
                .get("/api/v1/nps/responses/unmatched").then().statusCode(200).body("items[0].id", equalTo(unmatchedId));
        as("cse").get("/api/v1/nps/responses/unmatched").then().statusCode(403);
        anonymous().get("/api/v1/nps/responses/unmatched").then().statusCode(401);
        as("avp").queryParam("source", "fax").get("/api/v1/nps/responses/unmatched").then().statusCode(400)
                .body("errors[0].field", equalTo("source"));
    }

    @Test
    void theTimestampToleranceFollowsTheServiceClock() {
        // the service's clock is two hours ahead: a signature stamped with real time is stale to it
        clock.advance(Duration.ofHours(2));
        String body = Json.tree(Map.of("eventId", "evt-clock-" + UUID.randomUUID(), "email", "x@y.example", "score", 5,
                "submittedAt", Instant.now().toString())).toString();
        String ts = String.valueOf(Instant.now().getEpochSecond());
        post(body, ts, WebhookSignature.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8))).statusCode(401)
                .body("detail", containsString("tolerance"));
    }

    private ValidatableResponse signed(String body) {
        String ts = String.valueOf(clock.instant().getEpochSecond());
        return post(body, ts, WebhookSignature.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static ValidatableResponse post(String body, String timestamp, String signature) {
        var request = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header(WebhookSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(WebhookSignature.SIGNATURE_HEADER, signature);
        }
        return request.post(PATH).then();
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, parameter)
                .getSingleResult()).longValue());
    }
}
