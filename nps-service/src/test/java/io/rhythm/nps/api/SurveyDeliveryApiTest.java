package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rhythm.nps.domain.delivery.SurveyTokens;
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
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Survey delivery end to end against real PostgreSQL, Kafka, Keycloak and a real SMTP server (GreenMail):
 * frozen lists → invitations in the mailboxes → answers through the links → SurveyResponseSubmitted → reminders
 * only to those who have not answered; and every way a link or an answer can be refused.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SurveyDeliveryApiTest {

    @Inject
    ContactDirectory contacts;
    @Inject
    EntityManager em;

    @BeforeAll
    static void smtp() {
        SmtpServer.get();
    }

    @Test
    void invitationsRemindersAndAnswersThroughRealMail() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String clientName = "Delivery " + tag;
        String clientId = TestClients.publishNew(clientName, "cse", "cam");
        String ada = contact(clientId, "Ada Answers", "ada-" + tag + "@client.example", true);
        String ben = contact(clientId, "Ben Busy", "ben-" + tag + "@client.example", true);
        String eve = contact(clientId, "Eve Expired", "eve-" + tag + "@client.example", true);
        contact(clientId, "Una Subscribed", "una-" + tag + "@client.example", false);
        contact(clientId, "Ivan Invalid", "ivan-" + tag + "@client", true);
        String lou = contact(clientId, "Lou Later", "lou-" + tag + "@client.example", true);
        awaitContacts(clientId, 6);

        String cycleId = cycle("Delivery " + tag, LocalDate.now().plusDays(60));
        String cycleName = "Delivery " + tag;
        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/recipients/build?clientId=" + clientId).then().statusCode(200)
                .body("[0].included", equalTo(4));
        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/recipients/" + clientId + "/sign-off").then().statusCode(200);

        // not before the lists are frozen
        as("avp").post("/api/v1/nps/cycles/" + cycleId + "/invitations/send").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("frozen"));
        as("avp").post("/api/v1/nps/cycles/" + cycleId + "/recipients/freeze").then().statusCode(200);

        // Lou unsubscribes after the freeze: the defensive check keeps him out of the mail
        publish(clientId, lou, "Lou Later", "lou-" + tag + "@client.example", false, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.ofClient(UUID.fromString(clientId), false).stream()
                .anyMatch(c -> c.contactId().toString().equals(lou) && !c.subscribed()));

        // who may send
        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/invitations/send").then().statusCode(403);
        anonymous().post("/api/v1/nps/cycles/" + cycleId + "/invitations/send").then().statusCode(401);
        as("avp").post("/api/v1/nps/cycles/" + UUID.randomUUID() + "/invitations/send").then().statusCode(404);

        as("marketing").post("/api/v1/nps/cycles/" + cycleId + "/invitations/send").then().statusCode(200)
                .body("included", equalTo(4)).body("invited", equalTo(3)).body("skippedAlreadyInvited", equalTo(0))
                .body("skippedUnsubscribed", equalTo(1))
                .body("expiresAt", equalTo(LocalDate.now().plusDays(60 + 14 + 1) + "T00:00:00Z"));

        // the mail really went over SMTP, to the included and subscribed recipients only
        for (String email : List.of("ada", "ben", "eve")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to(email + "-" + tag + "@client.example").size() == 1);
        }
        for (String email : List.of("una-" + tag + "@client.example", "ivan-" + tag + "@client", "lou-" + tag + "@client.example")) {
            assertThat(SmtpServer.to(email)).as(email).isEmpty();
        }
        MimeMessage adaMail = SmtpServer.to("ada-" + tag + "@client.example").get(0);
        assertThat(SmtpServer.subject(adaMail)).contains(cycleName).doesNotContain("Reminder");
        assertThat(adaMail.getFrom()[0].toString()).contains("surveys@rhythm.example");
        assertThat(SmtpServer.text(adaMail)).contains("Dear Ada Answers", clientName,
                "How likely are you to recommend Rhythm Health Systems to a friend or colleague?");
        assertThat(SmtpServer.html(adaMail)).contains("<a href=\"" + SmtpServer.link(adaMail) + "\"");
        assertThat(SmtpServer.link(adaMail)).startsWith("http://127.0.0.1:28182/api/v1/surveys/respond/");
        String adaToken = SmtpServer.token(adaMail);
        assertThat(SurveyTokens.isWellFormed(adaToken)).isTrue();
        // only the token's SHA-256 is stored
        assertThat(count("select count(*) from survey_token where token_hash = sha256(convert_to(?1, 'UTF8'))", adaToken))
                .isEqualTo(1);

        // idempotent: nobody is invited twice
        as("avp").post("/api/v1/nps/cycles/" + cycleId + "/invitations/send").then().statusCode(200)
                .body("invited", equalTo(0)).body("skippedAlreadyInvited", equalTo(3)).body("skippedUnsubscribed", equalTo(1));

        // the link from the mail works, without logging in
        respondent().get(SmtpServer.link(adaMail)).then().statusCode(200)
                .body("question", equalTo("How likely are you to recommend Rhythm Health Systems to a friend or colleague?"))
                .body("scale.min", equalTo(0)).body("scale.max", equalTo(10))
                .body("cycleName", equalTo(cycleName)).body("clientName", equalTo(clientName))
                .body("commentMaxLength", equalTo(2000));

        try (TopicProbe responses = TopicProbe.watch(Topics.NPS_RESPONSES)) {
            String responseId = respondent().body(Map.of("score", 3, "comment", "The product feels outdated"))
                    .post("/api/v1/surveys/respond/" + adaToken).then().statusCode(201)
                    .body("score", equalTo(3)).body("responseId", notNullValue()).extract().path("responseId");
            CloudEvent event = responses.awaitEvent(EventCatalogue.SURVEY_RESPONSE_SUBMITTED.type(), clientId,
                    Duration.ofSeconds(20));
            assertThat(event.source()).isEqualTo(EventCatalogue.Sources.NPS);
            assertThat(event.data().get("responseId").asText()).isEqualTo(responseId);
            assertThat(event.data().get("cycleId").asText()).isEqualTo(cycleId);
            assertThat(event.data().get("contactId").asText()).isEqualTo(ada);
            assertThat(event.data().get("score").asInt()).isEqualTo(3);
            assertThat(event.data().get("category").asText()).isEqualTo("DETRACTOR");
            assertThat(event.data().get("themes").toString()).contains("PRODUCT_PERCEPTION");
            assertThat(event.data().get("sentiment").get("label").asText()).isEqualTo("NEGATIVE");
            assertThat(event.data().get("channel").asText()).isEqualTo("SURVEY_LINK");
        }
        assertThat(count("select count(*) from survey_response where cycle_id = cast(?1 as uuid) and themes @> '{PRODUCT_PERCEPTION}' "
                + "and sentiment_label = 'NEGATIVE' and comment = 'The product feels outdated'", cycleId)).isEqualTo(1);

        // single use
        respondent().body(Map.of("score", 10)).post("/api/v1/surveys/respond/" + adaToken).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already been used"));
        respondent().get("/api/v1/surveys/respond/" + adaToken).then().statusCode(409);

        // expired: Eve's invitation ends now
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update survey_invitation set expires_at = now() - interval '1 minute' where contact_id = cast(?1 as uuid)")
                .setParameter(1, eve).executeUpdate());
        String eveToken = SmtpServer.token(SmtpServer.to("eve-" + tag + "@client.example").get(0));
        respondent().get("/api/v1/surveys/respond/" + eveToken).then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("https://rhythm.io/problems/gone"));
        respondent().body(Map.of("score", 8)).post("/api/v1/surveys/respond/" + eveToken).then().statusCode(410);

        // reminders: only Ben (Ada answered, Eve's link expired), and not twice within the interval
        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/invitations/remind").then().statusCode(403);
        as("avp").post("/api/v1/nps/cycles/" + cycleId + "/invitations/remind").then().statusCode(200)
                .body("reminded", equalTo(1)).body("skippedResponded", equalTo(1)).body("skippedExpired", equalTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to("ben-" + tag + "@client.example").size() == 2);
        as("avp").post("/api/v1/nps/cycles/" + cycleId + "/invitations/remind").then().statusCode(200)
                .body("reminded", equalTo(0)).body("skippedRecentlyReminded", equalTo(1));
        assertThat(SmtpServer.to("ada-" + tag + "@client.example")).hasSize(1);
        assertThat(SmtpServer.to("eve-" + tag + "@client.example")).hasSize(1);
        assertThat(SmtpServer.to("lou-" + tag + "@client.example")).isEmpty();
        MimeMessage reminder = SmtpServer.to("ben-" + tag + "@client.example").stream()
                .filter(m -> SmtpServer.subject(m).startsWith("Reminder")).findFirst().orElseThrow();
        assertThat(SmtpServer.text(reminder)).contains("Dear Ben Busy");
        String benReminderToken = SmtpServer.token(reminder);
        String benInvitationToken = SmtpServer.token(SmtpServer.to("ben-" + tag + "@client.example").stream()
                .filter(m -> !SmtpServer.subject(m).startsWith("Reminder")).findFirst().orElseThrow());
        assertThat(benReminderToken).isNotEqualTo(benInvitationToken);
        assertThat(count("select reminders from survey_invitation where contact_id = cast(?1 as uuid)", ben)).isEqualTo(1);

        // bad answers are 400s with field errors, and leave the link usable
        respondent().body(Map.of("score", 11)).post("/api/v1/surveys/respond/" + benReminderToken).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("score"));
        respondent().body("{\"score\": 7.5}").post("/api/v1/surveys/respond/" + benReminderToken).then().statusCode(400)
                .body("errors[0].message", containsString("whole number"));
        respondent().body(Map.of("score", -1, "comment", "x".repeat(2001))).post("/api/v1/surveys/respond/" + benInvitationToken)
                .then().statusCode(400).body("errors.field", hasItem("comment")).body("errors.field", hasItem("score"));
        respondent().body("{\"comment\": \"no score\"}").post("/api/v1/surveys/respond/" + benInvitationToken).then()
                .statusCode(400).body("errors[0].field", equalTo("score"));

        // either of Ben's links answers; then both are used up
        respondent().body(Map.of("score", 9, "comment", "Great support team")).post("/api/v1/surveys/respond/" + benReminderToken)
                .then().statusCode(201);
        respondent().body(Map.of("score", 9)).post("/api/v1/surveys/respond/" + benInvitationToken).then().statusCode(409);
        as("avp").post("/api/v1/nps/cycles/" + cycleId + "/invitations/remind").then().statusCode(200)
                .body("reminded", equalTo(0)).body("skippedResponded", equalTo(2));
        assertThat(count("select count(*) from survey_invitation where cycle_id = cast(?1 as uuid) and responded_at is not null",
                cycleId)).isEqualTo(2);
    }

    @Test
    void unknownAndGarbageLinksAreNotFound() {
        String unknown = new SurveyTokens().newToken();
        respondent().get("/api/v1/surveys/respond/" + unknown).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://rhythm.io/problems/not-found"));
        respondent().body(Map.of("score", 9)).post("/api/v1/surveys/respond/" + unknown).then().statusCode(404);
        respondent().get("/api/v1/surveys/respond/not-a-token").then().statusCode(404);
        respondent().get("/api/v1/surveys/respond/" + "x".repeat(500)).then().statusCode(404);
    }

    @Test
    void theRespondEndpointIsRateLimitedPerAddressAndPerToken() {
        // test profile: 5 requests a minute
        String ip = randomIp();
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", ip + ", 10.0.0.1").get("/api/v1/surveys/respond/" + new SurveyTokens().newToken())
                    .then().statusCode(404);
        }
        given().header("X-Forwarded-For", ip).get("/api/v1/surveys/respond/" + new SurveyTokens().newToken()).then()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("type", equalTo("https://rhythm.io/problems/too-many-requests"));
        respondent().get("/api/v1/surveys/respond/" + new SurveyTokens().newToken()).then().statusCode(404); // another address

        String token = new SurveyTokens().newToken();
        for (int i = 0; i < 5; i++) {
            respondent().get("/api/v1/surveys/respond/" + token).then().statusCode(404);
        }
        int retryAfter = Integer.parseInt(respondent().body(Map.of("score", 5)).post("/api/v1/surveys/respond/" + token).then()
                .statusCode(429).extract().header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);
    }

    @Test
    void cyclesThatClosedAreNotSentAndSmtpFailuresAreClearAndResumable() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String clientId = TestClients.publishNew("Smtp " + tag, "cse", "cam");
        contact(clientId, "Sam Smtp", "sam-" + tag + "@client.example", true);
        awaitContacts(clientId, 1);

        String closed = cycle("Closed " + tag, LocalDate.now().minusDays(30));
        as("avp").post("/api/v1/nps/cycles/" + closed + "/recipients/build?clientId=" + clientId).then().statusCode(200);
        as("avp").post("/api/v1/nps/cycles/" + closed + "/recipients/freeze").then().statusCode(200);
        as("avp").post("/api/v1/nps/cycles/" + closed + "/invitations/send").then().statusCode(409)
                .body("detail", containsString("closed"));

        String open = cycle("Smtp " + tag, LocalDate.now().plusDays(30));
        as("avp").post("/api/v1/nps/cycles/" + open + "/recipients/build?clientId=" + clientId).then().statusCode(200);
        as("avp").post("/api/v1/nps/cycles/" + open + "/recipients/freeze").then().statusCode(200);
        SmtpServer.stop();
        try {
            as("avp").post("/api/v1/nps/cycles/" + open + "/invitations/send").then().statusCode(503)
                    .contentType("application/problem+json").body("detail", containsString("SMTP server 127.0.0.1:28125"));
            assertThat(count("select count(*) from survey_invitation where cycle_id = cast(?1 as uuid)", open)).isZero();
        } finally {
            SmtpServer.get();
        }
        // resumable: sending again once the server is back works. The mailer may still hold a pooled connection to the
        // stopped server, so the first attempt after the restart can fail the same way (503, nothing stored) — retry it.
        io.restassured.response.Response resumed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> as("avp").post("/api/v1/nps/cycles/" + open + "/invitations/send").then().extract().response(),
                        response -> response.statusCode() != 503);
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(resumed.<Integer>path("invited")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to("sam-" + tag + "@client.example").size() == 1);
    }

    /** A respondent's browser: no token, its own address (so tests do not share the per-address limit). */
    private static RequestSpecification respondent() {
        return given().header("X-Forwarded-For", randomIp()).contentType(ContentType.JSON);
    }

    private static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, parameter)
                .getSingleResult()).longValue());
    }

    private void awaitContacts(String clientId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.ofClient(UUID.fromString(clientId), false).size() == count);
    }

    private static String contact(String clientId, String name, String email, boolean subscribed) {
        String contactId = UUID.randomUUID().toString();
        publish(clientId, contactId, name, email, subscribed, 0);
        return contactId;
    }

    private static void publish(String clientId, String contactId, String name, String email, boolean subscribed, long version) {
        ContactUpserted contact = new ContactUpserted(contactId, clientId, name, email, "CIO", "IT", List.of("DECISION_MAKER"),
                subscribed, true, version);
        TopicProbe.send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CONTACT_UPSERTED, clientId, Json.tree(contact), null));
    }

    private static String cycle(String name, LocalDate openDate) {
        return as("avp").body("{\"name\": \"" + name + "\", \"openDate\": \"" + openDate + "\"}").post("/api/v1/nps/cycles")
                .then().statusCode(201).extract().path("id");
    }
}
