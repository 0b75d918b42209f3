package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rhythm.nps.service.triggers.TriggerEvaluation;
import io.rhythm.nps.testing.TestClock;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.ContactUpserted;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Triggered surveys against real PostgreSQL, Kafka, Keycloak and a real SMTP server (GreenMail), with the test clock:
 * the evaluation sends the due surveys (quarterly relationship, onboarding day 30, pre-renewal) to the right contacts
 * only, the minimum interval holds (exactly reached is allowed; a blocked send waits or is skipped with the reason),
 * the post-ticket trigger is idempotent per ticket, and a send's link answers once.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class TriggeredSurveyApiTest {

    @Inject
    TestClock clock;
    @Inject
    TriggerEvaluation evaluation;
    @Inject
    ContactDirectory contacts;
    @Inject
    ClientDirectory clients;
    @Inject
    EntityManager em;

    @BeforeAll
    static void smtp() {
        SmtpServer.get();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void evaluationSendsRelationshipSurveysTicketsRespectTheMinimumIntervalAndLinksAnswerOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String clientName = "Triggers " + tag;
        String clientId = client(clientName, "cse", "cam", "MATURE", LocalDate.of(2027, 6, 30));
        String ada = contact(clientId, "Ada Active", "ada-" + tag + "@client.example", true, true);
        String noah = contact(clientId, "Noah Norole", "noah-" + tag + "@client.example", true, false);
        contact(clientId, "Una Unsubscribed", "una-" + tag + "@client.example", false, true);
        contact(clientId, "Ivan Invalid", "ivan-" + tag + "@client", true, true);
        awaitContacts(clientId, 4);
        Instant t0 = Instant.parse("2026-11-02T08:00:00Z");
        clock.freezeAt(t0);

        // who may evaluate
        as("cse").post("/api/v1/nps/triggers/evaluate?clientId=" + clientId).then().statusCode(403);
        anonymous().post("/api/v1/nps/triggers/evaluate?clientId=" + clientId).then().statusCode(401);
        as("avp").post("/api/v1/nps/triggers/evaluate?clientId=" + UUID.randomUUID()).then().statusCode(404);

        // an established client: quarterly relationship survey to every active contact; unsubscribed / invalid never
        as("avp").post("/api/v1/nps/triggers/evaluate?clientId=" + clientId).then().statusCode(200)
                .body("evaluatedOn", equalTo("2026-11-02")).body("clientsEvaluated", equalTo(1))
                .body("scheduled", equalTo(4)).body("sent", equalTo(2)).body("skipped", equalTo(2));
        for (String who : List.of("ada", "noah")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to(who + "-" + tag + "@client.example").size() == 1);
        }
        assertThat(SmtpServer.to("una-" + tag + "@client.example")).isEmpty();
        assertThat(SmtpServer.to("ivan-" + tag + "@client")).isEmpty();
        MimeMessage adaMail = SmtpServer.to("ada-" + tag + "@client.example").get(0);
        assertThat(SmtpServer.subject(adaMail)).startsWith("Quarterly relationship survey");
        assertThat(SmtpServer.text(adaMail)).contains("Dear Ada Active", "As part of our Quarterly relationship survey we",
                clientName, "How likely are you to recommend");

        // idempotent: evaluating again schedules and sends nothing
        as("admin").post("/api/v1/nps/triggers/evaluate?clientId=" + clientId).then().statusCode(200)
                .body("scheduled", equalTo(0)).body("sent", equalTo(0));
        assertThat(SmtpServer.to("ada-" + tag + "@client.example")).hasSize(1);

        // the list: relationship vs transactional on each send, skip reasons, portfolio only
        as("cse").queryParam("clientId", clientId).get("/api/v1/nps/survey-sends").then().statusCode(200)
                .body("items", hasSize(4)).body("items.kind", everyItem(equalTo("RELATIONSHIP_QUARTERLY")))
                .body("items.surveyType", everyItem(equalTo("RELATIONSHIP")))
                .body("items.reference", everyItem(startsWith("2026-Q4/")));
        as("cam").queryParam("clientId", clientId).queryParam("status", "skipped").get("/api/v1/nps/survey-sends").then()
                .statusCode(200).body("items", hasSize(2)).body("items.skipReason", hasItem("UNSUBSCRIBED"))
                .body("items.skipReason", hasItem("INVALID_EMAIL"));
        as("cse").queryParam("clientId", clientId).queryParam("limit", 3).get("/api/v1/nps/survey-sends").then()
                .statusCode(200).body("items", hasSize(3)).body("nextCursor", not(nullValue()));
        as("cse2").queryParam("clientId", clientId).get("/api/v1/nps/survey-sends").then().statusCode(404);
        as("cse2").queryParam("limit", 200).get("/api/v1/nps/survey-sends").then().statusCode(200)
                .body("items.clientId", not(hasItem(clientId)));
        anonymous().get("/api/v1/nps/survey-sends").then().statusCode(401);
        as("cse").queryParam("kind", "WEEKLY").get("/api/v1/nps/survey-sends").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
        String adaSend = as("marketing").queryParam("clientId", clientId).queryParam("status", "SENT")
                .get("/api/v1/nps/survey-sends").then().statusCode(200).body("items", hasSize(2))
                .extract().jsonPath().getString("items.find { it.contactId == '" + ada + "' }.id");
        as("cse").get("/api/v1/nps/survey-sends/" + adaSend).then().statusCode(200).body("email", equalTo("ada-" + tag + "@client.example"));
        as("cse2").get("/api/v1/nps/survey-sends/" + adaSend).then().statusCode(404);
        // only the token's SHA-256 is stored
        String adaToken = SmtpServer.token(adaMail);
        assertThat(count("select count(*) from survey_send where token_hash = sha256(convert_to(?1, 'UTF8'))", adaToken)).isEqualTo(1);

        // the link answers once, through the public respond endpoint; the event says which send it answered
        respondent().get("/api/v1/surveys/respond/" + adaToken).then().statusCode(200)
                .body("cycleName", equalTo("Quarterly relationship survey")).body("clientName", equalTo(clientName))
                .body("surveyKind", equalTo("RELATIONSHIP_QUARTERLY")).body("surveyType", equalTo("RELATIONSHIP"));
        try (TopicProbe responses = TopicProbe.watch(Topics.NPS_RESPONSES)) {
            String responseId = respondent().body(Map.of("score", 9, "comment", "Great support team"))
                    .post("/api/v1/surveys/respond/" + adaToken).then().statusCode(201).extract().path("responseId");
            CloudEvent event = responses.awaitEvent(EventCatalogue.SURVEY_RESPONSE_SUBMITTED.type(), clientId, Duration.ofSeconds(20));
            assertThat(event.data().get("responseId").asText()).isEqualTo(responseId);
            assertThat(event.data().get("cycleId").isNull()).isTrue();
            assertThat(event.data().get("surveySendId").asText()).isEqualTo(adaSend);
            assertThat(event.data().get("surveyKind").asText()).isEqualTo("RELATIONSHIP_QUARTERLY");
            assertThat(event.data().get("category").asText()).isEqualTo("PROMOTER");
        }
        respondent().body(Map.of("score", 3)).post("/api/v1/surveys/respond/" + adaToken).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(count("select count(*) from survey_response where survey_send_id = cast(?1 as uuid) and cycle_id is null", adaSend))
                .isEqualTo(1);
        as("cse").get("/api/v1/nps/survey-sends/" + adaSend).then().statusCode(200).body("status", equalTo("ANSWERED"));
        // an expired send link is 410, a garbage one 404
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update survey_send set expires_at = ?1 where contact_id = cast(?2 as uuid)")
                .setParameter(1, java.sql.Timestamp.from(t0.minusSeconds(1))).setParameter(2, noah).executeUpdate());
        String noahToken = SmtpServer.token(SmtpServer.to("noah-" + tag + "@client.example").get(0));
        respondent().get("/api/v1/surveys/respond/" + noahToken).then().statusCode(410)
                .body("detail", containsString("Quarterly relationship survey is no longer open"));
        respondent().body(Map.of("score", 8)).post("/api/v1/surveys/respond/" + noahToken).then().statusCode(410);
        respondent().get("/api/v1/surveys/respond/" + "A".repeat(43)).then().statusCode(404);

        // post-ticket: who may report, bad bodies, unknown ids
        Map<String, Object> ticket1 = Map.of("clientId", clientId, "contactEmail", "ADA-" + tag + "@client.example",
                "ticketId", "T-" + tag + "-1", "closedAt", t0.toString());
        as("cse").body(ticket1).post("/api/v1/nps/triggers/ticket-closed").then().statusCode(403);
        anonymous().contentType(ContentType.JSON).body(ticket1).post("/api/v1/nps/triggers/ticket-closed").then().statusCode(401);
        asIntegration().contentType(ContentType.JSON).body(Map.of("clientId", clientId, "contactId", ada, "closedAt", t0.toString()))
                .post("/api/v1/nps/triggers/ticket-closed").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("ticketId")));
        asIntegration().contentType(ContentType.JSON).body(Map.of("clientId", clientId, "contactId", ada,
                        "contactEmail", "ada-" + tag + "@client.example", "ticketId", "T-" + tag + "-0",
                        "closedAt", t0.plusSeconds(3600).toString()))
                .post("/api/v1/nps/triggers/ticket-closed").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("contactId")).body("errors.field", hasItem("closedAt"));
        asIntegration().contentType(ContentType.JSON).body(Map.of("clientId", UUID.randomUUID().toString(), "contactId", ada,
                "ticketId", "T-x", "closedAt", t0.toString())).post("/api/v1/nps/triggers/ticket-closed").then().statusCode(404);

        // surveyed today already: the ticket's survey is skipped, with the reason, not lost
        String ticketSend = asIntegration().contentType(ContentType.JSON).body(ticket1).post("/api/v1/nps/triggers/ticket-closed")
                .then().statusCode(201).body("kind", equalTo("POST_TICKET")).body("surveyType", equalTo("TRANSACTIONAL"))
                .body("status", equalTo("SKIPPED")).body("skipReason", equalTo("MIN_INTERVAL"))
                .body("skipDetail", containsString(t0.plus(Duration.ofDays(30)).toString())).extract().path("id");
        // idempotent on the ticket id; another contact for the same ticket is a conflict
        as("admin").body(ticket1).post("/api/v1/nps/triggers/ticket-closed").then().statusCode(200).body("id", equalTo(ticketSend));
        asIntegration().contentType(ContentType.JSON).body(Map.of("clientId", clientId, "contactId", noah, "ticketId", "T-" + tag + "-1",
                "closedAt", t0.toString())).post("/api/v1/nps/triggers/ticket-closed").then().statusCode(409);

        // one second short of the interval: still skipped; exactly reached: sent
        clock.freezeAt(t0.plus(Duration.ofDays(30)).minusSeconds(1));
        asIntegration().contentType(ContentType.JSON).body(Map.of("clientId", clientId, "contactId", ada, "ticketId", "T-" + tag + "-2",
                        "closedAt", t0.plus(Duration.ofDays(29)).toString())).post("/api/v1/nps/triggers/ticket-closed").then()
                .statusCode(201).body("status", equalTo("SKIPPED")).body("skipReason", equalTo("MIN_INTERVAL"));
        clock.freezeAt(t0.plus(Duration.ofDays(30)));
        asIntegration().contentType(ContentType.JSON).body(Map.of("clientId", clientId, "contactId", ada, "ticketId", "T-" + tag + "-3",
                        "closedAt", t0.plus(Duration.ofDays(29)).toString())).post("/api/v1/nps/triggers/ticket-closed").then()
                .statusCode(201).body("status", equalTo("SENT")).body("skipReason", nullValue());
        await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to("ada-" + tag + "@client.example").size() == 2);
        assertThat(SmtpServer.to("ada-" + tag + "@client.example").stream().map(SmtpServer::subject))
                .anySatisfy(s -> assertThat(s).startsWith("Support follow-up survey"));
        as("cse").queryParam("clientId", clientId).queryParam("kind", "POST_TICKET").get("/api/v1/nps/survey-sends").then()
                .statusCode(200).body("items", hasSize(3));
    }

    @Test
    void theRegistrysCustomerSinceDecidesTenureWhateverTheStageAndWhenFirstSeen() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // a MATURE client would count as established when first seen; its customer-since date says it is new
        String clientId = client("Since " + tag, "cse", "cam", "MATURE", null, LocalDate.of(2026, 9, 1));
        contact(clientId, "Sam Since", "sam-" + tag + "@client.example", true, true);
        awaitContacts(clientId, 1);
        UUID client = UUID.fromString(clientId);

        clock.freezeAt(Instant.parse("2026-09-20T09:00:00Z"));
        assertThat(evaluation.evaluate(client, "test").scheduled()).as("day 19: nothing due, no quarterly survey").isZero();
        clock.freezeAt(Instant.parse("2026-10-01T09:00:00Z")); // day 30 after customerSince
        TriggerEvaluation.EvaluationRun day30 = evaluation.evaluate(client, "test");
        assertThat(day30.scheduled()).isEqualTo(1);
        clock.freezeAt(Instant.parse("2026-11-30T09:00:00Z")); // day 90
        assertThat(evaluation.evaluate(client, "test").scheduled()).as("day 90 is not over 90 days").isZero();
        clock.freezeAt(Instant.parse("2026-12-01T09:00:00Z")); // day 91
        assertThat(evaluation.evaluate(client, "test").scheduled()).isEqualTo(1);
        as("avp").queryParam("clientId", clientId).get("/api/v1/nps/survey-sends").then().statusCode(200)
                .body("items", hasSize(2)).body("items.kind", hasItem("ONBOARDING_DAY_30"))
                .body("items.find { it.kind == 'RELATIONSHIP_QUARTERLY' }.reference", startsWith("2026-Q4/"));
    }

    @Test
    void onboardingOnDayThirtyAndRelationshipFromDayNinetyOne() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String clientId = client("Onboarding " + tag, "cse", "cam", "ONBOARDING", null);
        contact(clientId, "Oli Onboard", "oli-" + tag + "@client.example", true, true);
        awaitContacts(clientId, 1);
        UUID client = UUID.fromString(clientId);
        Instant start = Instant.parse("2026-06-01T09:00:00Z");

        clock.freezeAt(start); // first seen in the ONBOARDING stage: it started today
        assertThat(evaluation.evaluate(client, "test").scheduled()).isZero();
        clock.freezeAt(start.plus(Duration.ofDays(29)));
        assertThat(evaluation.evaluate(client, "test").scheduled()).isZero();
        clock.freezeAt(start.plus(Duration.ofDays(30)));
        TriggerEvaluation.EvaluationRun day30 = evaluation.evaluate(client, "test");
        assertThat(day30.scheduled()).isEqualTo(1);
        assertThat(day30.sent()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to("oli-" + tag + "@client.example").size() == 1);
        assertThat(SmtpServer.subject(SmtpServer.to("oli-" + tag + "@client.example").get(0))).startsWith("30-day onboarding survey");
        clock.freezeAt(start.plus(Duration.ofDays(31)));
        assertThat(evaluation.evaluate(client, "test").scheduled()).as("once").isZero();

        clock.freezeAt(start.plus(Duration.ofDays(90)));
        assertThat(evaluation.evaluate(client, "test").scheduled()).as("day 90 is not over 90 days").isZero();
        clock.freezeAt(start.plus(Duration.ofDays(91)));
        TriggerEvaluation.EvaluationRun day91 = evaluation.evaluate(client, "test");
        assertThat(day91.scheduled()).isEqualTo(1);
        assertThat(day91.sent()).isEqualTo(1);
        as("avp").queryParam("clientId", clientId).get("/api/v1/nps/survey-sends").then().statusCode(200)
                .body("items", hasSize(2)).body("items.kind", hasItem("ONBOARDING_DAY_30"))
                .body("items.kind", hasItem("RELATIONSHIP_QUARTERLY")).body("items.status", everyItem(equalTo("SENT")))
                .body("items.find { it.kind == 'ONBOARDING_DAY_30' }.surveyType", equalTo("TRANSACTIONAL"));
    }

    @Test
    void preRenewalSurveyWaitsForTheMinimumIntervalInsteadOfBeingLost() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate renewal = LocalDate.of(2027, 3, 1);
        String clientId = client("Renewal " + tag, "cse", "cam", "RENEWAL", renewal);
        contact(clientId, "Pia Prerenewal", "pia-" + tag + "@client.example", true, true);
        awaitContacts(clientId, 1);
        UUID client = UUID.fromString(clientId);
        Instant day = renewal.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plus(Duration.ofHours(9));

        clock.freezeAt(day.minus(Duration.ofDays(70))); // 2026-12-21: the Q4 relationship survey
        assertThat(evaluation.evaluate(client, "test").sent()).isEqualTo(1);
        clock.freezeAt(day.minus(Duration.ofDays(60))); // pre-renewal due, but surveyed 10 days ago
        TriggerEvaluation.EvaluationRun blocked = evaluation.evaluate(client, "test");
        assertThat(blocked.scheduled()).isEqualTo(1);
        assertThat(blocked.waiting()).isEqualTo(1);
        as("cse").queryParam("clientId", clientId).queryParam("kind", "PRE_RENEWAL_60_DAYS").get("/api/v1/nps/survey-sends").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].status", equalTo("SCHEDULED"))
                .body("items[0].skipDetail", startsWith("waiting")).body("items[0].dueAt",
                        equalTo(day.minus(Duration.ofDays(40)).toString()));
        clock.freezeAt(day.minus(Duration.ofDays(41)));
        assertThat(evaluation.evaluate(client, "test").sent()).isZero();
        // the interval has passed: the pre-renewal survey goes, then the new quarter's relationship survey waits in turn
        clock.freezeAt(day.minus(Duration.ofDays(40)).plusSeconds(3600));
        TriggerEvaluation.EvaluationRun later = evaluation.evaluate(client, "test");
        assertThat(later.sent()).isEqualTo(1);
        assertThat(later.waiting()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to("pia-" + tag + "@client.example").size() == 2);
        as("cse").queryParam("clientId", clientId).get("/api/v1/nps/survey-sends").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.find { it.kind == 'PRE_RENEWAL_60_DAYS' }.status", equalTo("SENT"))
                .body("items.find { it.reference.startsWith('2027-Q1') }.status", equalTo("SCHEDULED"))
                .body("items.findAll { it.status == 'SKIPPED' }", empty());
    }

    // --- helpers

    private static RequestSpecification respondent() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().header("X-Forwarded-For", "203.0." + r.nextInt(256) + "." + r.nextInt(1, 255)).contentType(ContentType.JSON);
    }

    private String client(String name, String cse, String cam, String stage, LocalDate renewal) {
        return client(name, cse, cam, stage, renewal, null);
    }

    private String client(String name, String cse, String cam, String stage, LocalDate renewal, LocalDate customerSince) {
        String id = UUID.randomUUID().toString();
        ClientUpserted client = new ClientUpserted(id, name, "APAC", "Health", cse, cam, "Enterprise", stage, renewal,
                new Money("250000.00", "AUD"), Map.of(), 0, customerSince);
        TopicProbe.send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CLIENT_UPSERTED, id, Json.tree(client), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> clients.find(UUID.fromString(id)).isPresent());
        return id;
    }

    private static String contact(String clientId, String name, String email, boolean subscribed, boolean withRole) {
        String contactId = UUID.randomUUID().toString();
        ContactUpserted contact = new ContactUpserted(contactId, clientId, name, email, withRole ? "CIO" : null,
                withRole ? "IT" : null, withRole ? List.of("DECISION_MAKER") : List.of(), subscribed, true, 0);
        TopicProbe.send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CONTACT_UPSERTED, clientId, Json.tree(contact), null));
        return contactId;
    }

    private void awaitContacts(String clientId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.ofClient(UUID.fromString(clientId), false).size() == count);
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, parameter)
                .getSingleResult()).longValue());
    }
}
