package io.rhythm.nps.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rhythm.nps.service.Milestones;
import io.rhythm.nps.testing.TestClock;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.KafkaCloudEvents;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A whole NPS cycle against real PostgreSQL, Kafka, Keycloak and a real SMTP server (GreenMail), with the
 * controllable clock: recipient lists built, signed off and frozen → invitations in the mailboxes → some answers
 * through their links → day 5: the pull lists exactly the non-responders → day 6: reminders reach only them (not the
 * one who unsubscribed) → day 12: final pull → the close date ends: closed, CycleClosed valid against its schema with
 * the right NPS, response rate and themes → a link used after the close is refused. Each step runs the milestone scan
 * itself ({@link Milestones#scan()}), twice where it matters: nothing happens twice.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class FullCycleApiTest {

    @Inject
    Milestones milestones;
    @Inject
    TestClock clock;
    @Inject
    ContactDirectory contacts;

    @BeforeAll
    static void smtp() {
        SmtpServer.get();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aWholeCycleFromRecipientListsToTheClose() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate open = LocalDate.now(ZoneOffset.UTC).plusDays(30); // Appendix A: pulls day 5 and 12, reminder day 6, close day 14
        String clientA = TestClients.publishNew("Full A " + tag, "cse", "cam");
        String clientB = TestClients.publishNew("Full B " + tag, "cse2", "cam2");
        Map<String, String> a = Map.of("ada", "Ada Adams", "ben", "Ben Brown", "cat", "Cat Cole", "una", "Una Unsub");
        Map<String, String> b = Map.of("dan", "Dan Dole", "eve", "Eve Evans");
        Map<String, String> ids = new java.util.HashMap<>();
        a.forEach((key, name) -> ids.put(key, contact(clientA, name, email(key, tag), true, 0)));
        b.forEach((key, name) -> ids.put(key, contact(clientB, name, email(key, tag), true, 0)));
        awaitContacts(clientA, 4);
        awaitContacts(clientB, 2);

        // 1. recipient lists: built and signed off by each client's CSE, frozen by the AVP
        String cycleId = as("avp").body("{\"name\": \"Full cycle " + tag + "\", \"openDate\": \"" + open + "\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        String cycle = "/api/v1/nps/cycles/" + cycleId;
        as("cse").post(cycle + "/recipients/build?clientId=" + clientA).then().statusCode(200).body("[0].included", equalTo(4));
        as("cse2").post(cycle + "/recipients/build?clientId=" + clientB).then().statusCode(200).body("[0].included", equalTo(2));
        as("cse").post(cycle + "/recipients/" + clientA + "/sign-off").then().statusCode(200);
        as("cse2").post(cycle + "/recipients/" + clientB + "/sign-off").then().statusCode(200);
        as("avp").post(cycle + "/recipients/freeze").then().statusCode(200);

        // 2. the survey opens: invitations arrive over SMTP
        at(open, 9);
        as("marketing").post(cycle + "/invitations/send").then().statusCode(200).body("invited", equalTo(6));
        for (String key : ids.keySet()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to(email(key, tag)).size() == 1);
        }

        // 3. some answer through their links (days 1–2); Una unsubscribes without answering
        at(open.plusDays(1), 10);
        answer(invitation(email("ada", tag)), 10, "Love the team, but the roadmap is unclear" /* complaints are counted (issue 17) */);
        answer(invitation(email("ben", tag)), 3, "The product feels outdated and legacy");
        at(open.plusDays(2), 15);
        answer(invitation(email("dan", tag)), 8, "Solid, but the look and feel is old-fashioned and clunky");
        contact(clientA, ids.get("una"), "Una Unsub", email("una", tag), false, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.ofClient(UUID.fromString(clientA), false).stream()
                .anyMatch(c -> c.contactId().toString().equals(ids.get("una")) && !c.subscribed()));

        // 4. day 5: the first pull lists exactly the non-responders — once, however often the scan runs
        at(open.plusDays(5), 0);
        milestones.scan();
        milestones.scan();
        String firstPull = as("avp").get(cycle + "/non-responder-pulls").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].milestone", equalTo("FIRST_NON_RESPONDER_PULL")).body("items[0].kind", equalTo("SCHEDULED"))
                .body("items[0].takenBy", equalTo("system")).body("items[0].dueDate", equalTo(open.plusDays(5).toString()))
                .body("items[0].invited", equalTo(6)).body("items[0].responded", equalTo(3))
                .body("items[0].nonResponders", equalTo(3)).body("items[0].clients", equalTo(2))
                .extract().path("items[0].id");
        as("avp").get(cycle + "/non-responder-pulls/" + firstPull + "/rows").then().statusCode(200)
                .body("items.name", contains("Cat Cole", "Una Unsub", "Eve Evans"))
                .body("items.subscribed", contains(true, false, true))
                .body("items.clientName", contains("Full A " + tag, "Full A " + tag, "Full B " + tag));
        // row-level: each CSE sees their own clients' non-responders
        as("cse").get(cycle + "/non-responder-pulls/" + firstPull + "/rows").then().statusCode(200)
                .body("items.name", contains("Cat Cole", "Una Unsub"));
        as("cse2").get(cycle + "/non-responder-pulls/" + firstPull).then().statusCode(200)
                .body("nonResponders", equalTo(1)).body("invited", nullValue());
        milestoneDoneBySystem(cycle, "FIRST_NON_RESPONDER_PULL");

        // 5. day 6: reminders go by themselves, only to those who have not answered and are still subscribed
        at(open.plusDays(6), 0);
        milestones.scan();
        for (String key : List.of("cat", "eve")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to(email(key, tag)).size() == 2);
            assertThat(SmtpServer.subject(SmtpServer.to(email(key, tag)).get(1))).startsWith("Reminder");
        }
        milestones.scan(); // again the same day, and a day later (past the 24 h reminder interval): no second reminder
        at(open.plusDays(7), 9);
        milestones.scan();
        Thread.sleep(500);
        assertThat(SmtpServer.to(email("cat", tag))).hasSize(2);
        assertThat(SmtpServer.to(email("eve", tag))).hasSize(2);
        for (String key : List.of("ada", "ben", "dan", "una")) {
            assertThat(SmtpServer.to(email(key, tag))).as(key).hasSize(1);
        }
        milestoneDoneBySystem(cycle, "REMINDER");

        // Eve answers through her reminder's link
        answer(SmtpServer.token(SmtpServer.to(email("eve", tag)).get(1)), 9, "Support is slow at times");

        // 6. day 12: the final pull; the first one is kept as it was
        at(open.plusDays(12), 0);
        milestones.scan();
        String finalPull = as("avp").get(cycle + "/non-responder-pulls").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].milestone", equalTo("FINAL_NON_RESPONDER_PULL"))
                .extract().path("items[0].id");
        as("avp").get(cycle + "/non-responder-pulls/" + finalPull + "/rows").then().statusCode(200)
                .body("items.name", contains("Cat Cole", "Una Unsub"))
                .body("items[0].reminders", equalTo(1)).body("items[1].reminders", equalTo(0));
        as("avp").get(cycle + "/non-responder-pulls/" + firstPull + "/rows").then().statusCode(200).body("items", hasSize(3));

        // 7. the close date (day 14) still takes answers; the cycle closes when it has ended
        at(open.plusDays(14), 23);
        milestones.scan();
        as("avp").get(cycle).then().statusCode(200).body("status", equalTo("OPEN"));
        String catToken = invitation(email("cat", tag));
        try (TopicProbe cycles = TopicProbe.watch(Topics.NPS_CYCLES)) {
            clock.freezeAt(open.plusDays(15).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(30));
            milestones.scan();
            CloudEvent closed = cycles.awaitEvent(EventCatalogue.CYCLE_CLOSED.type(), cycleId, Duration.ofSeconds(20));
            var data = closed.data();
            assertThat(closed.source()).isEqualTo(EventCatalogue.Sources.NPS);
            assertThat(data.get("cycleName").asText()).isEqualTo("Full cycle " + tag);
            assertThat(data.get("closedBy").asText()).isEqualTo("system");
            assertThat(data.get("closeDate").asText()).isEqualTo(open.plusDays(14).toString());
            var results = data.get("results");
            assertThat(results.get("responses").asInt()).isEqualTo(4);
            assertThat(results.get("invited").asInt()).isEqualTo(6);
            assertThat(results.get("invitedResponded").asInt()).isEqualTo(4);
            assertThat(results.get("responseRate").get("percent").asDouble()).isEqualTo(66.7);
            assertThat(results.get("responseRate").get("targetPercent").asInt()).isEqualTo(40);
            assertThat(results.get("responseRate").get("targetMet").asBoolean()).isTrue();
            assertThat(results.get("promoters").asInt()).isEqualTo(2);
            assertThat(results.get("passives").asInt()).isEqualTo(1);
            assertThat(results.get("detractors").asInt()).isEqualTo(1);
            assertThat(results.get("nps").asDouble()).isEqualTo(25.0);
            assertThat(results.get("npsRounded").asInt()).isEqualTo(25);
            assertThat(results.get("average").asDouble()).isEqualTo(7.5);
            assertThat(results.get("min").asInt()).isEqualTo(3);
            assertThat(results.get("max").asInt()).isEqualTo(10);
            assertThat(results.get("standardDeviation").asDouble()).isEqualTo(3.11);
            assertThat(results.get("smallSample").asBoolean()).isTrue();
            assertThat(results.get("confidenceInterval").get("lower").asDouble()).isLessThan(25.0);
            assertThat(results.get("confidenceInterval").get("upper").asDouble()).isGreaterThan(25.0);
            var top = results.get("topThemes");
            assertThat(top.get(0).get("theme").asText()).isEqualTo("PRODUCT_PERCEPTION");
            assertThat(top.get(0).get("name").asText()).isEqualTo("Product perception");
            assertThat(top.get(0).get("count").asInt()).isEqualTo(3);
            assertThat(top.get(0).get("percentOfResponses").asDouble()).isEqualTo(75.0);
            assertThat(top.findValuesAsText("theme")).contains("SUPPORT_RESPONSIVENESS");

            // the scan again: no second close, no second event
            milestones.scan();
            long closedEvents = cycles.recordsAfter(Duration.ofSeconds(3)).stream()
                    .filter(r -> cycleId.equals(r.key())
                            && EventCatalogue.CYCLE_CLOSED.type().equals(KafkaCloudEvents.header(r.headers(), KafkaCloudEvents.TYPE)))
                    .count();
            assertThat(closedEvents).isEqualTo(1);

            // the frozen results are exactly the event's
            String frozen = as("vp").get(cycle + "/closed-results").then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("closedBy", equalTo("system"))
                    .extract().asString();
            assertThat(io.rhythm.platform.events.Json.mapper().readTree(frozen).get("results")).isEqualTo(results);
        }
        as("avp").get(cycle).then().statusCode(200).body("status", equalTo("CLOSED")).body("closedBy", equalTo("system"));
        milestoneDoneBySystem(cycle, "SURVEY_CLOSE");

        // 8. links stop working after the close
        respondent().get("/api/v1/surveys/respond/" + catToken).then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("https://rhythm.io/problems/gone"))
                .body("detail", containsString("closed"));
        respondent().body(Map.of("score", 10)).post("/api/v1/surveys/respond/" + catToken).then().statusCode(410);
        as("avp").post(cycle + "/close").then().statusCode(409).contentType("application/problem+json");

        // 9. client letters drafted from the results; only the EVP approves them
        as("avp").post(cycle + "/letters/generate").then().statusCode(200);
        List<String> letters = as("avp").queryParam("cycleId", cycleId).get("/api/v1/nps/letters").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("DRAFT"))).extract().path("items.id");
        assertThat(letters).isNotEmpty();
        String letter = "/api/v1/nps/letters/" + letters.get(0);
        as("cse").post(letter + "/approve").then().statusCode(403);
        as("avp").post(letter + "/approve").then().statusCode(403);
        as("evp").post(letter + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        as("evp").post(letter + "/approve").then().statusCode(409);
    }

    private void at(LocalDate day, int hour) {
        clock.freezeAt(day.atTime(hour, 0).toInstant(ZoneOffset.UTC));
    }

    private void milestoneDoneBySystem(String cycle, String code) {
        as("avp").get(cycle + "/milestones").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.status", equalTo("DONE"))
                .body("find { it.code == '" + code + "' }.completedBy", equalTo("system"));
    }

    private static String invitation(String email) {
        MimeMessage message = SmtpServer.to(email).get(0);
        return SmtpServer.token(message);
    }

    private static void answer(String token, int score, String comment) {
        respondent().body(Map.of("score", score, "comment", comment)).post("/api/v1/surveys/respond/" + token).then()
                .statusCode(201);
    }

    private static RequestSpecification respondent() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().header("X-Forwarded-For", "203.0." + r.nextInt(256) + "." + r.nextInt(1, 255)).contentType(ContentType.JSON);
    }

    private static String email(String key, String tag) {
        return key + "-full-" + tag + "@client.example";
    }

    private void awaitContacts(String clientId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.ofClient(UUID.fromString(clientId), false).size() == count);
    }

    private static String contact(String clientId, String name, String email, boolean subscribed, long version) {
        return contact(clientId, UUID.randomUUID().toString(), name, email, subscribed, version);
    }

    private static String contact(String clientId, String contactId, String name, String email, boolean subscribed, long version) {
        TestClients.publishContact(clientId, contactId, name, email, subscribed, version);
        return contactId;
    }
}
