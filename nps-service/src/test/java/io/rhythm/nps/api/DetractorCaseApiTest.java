package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rhythm.nps.service.closedloop.ClosedLoop;
import io.rhythm.nps.service.closedloop.ClosedLoopScheduler;
import io.rhythm.nps.testing.TestClock;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.KafkaCloudEvents;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The closed loop against real PostgreSQL, Kafka and Keycloak: detractor answers open one case each,
 * breached stages escalate once (TestClock), the workflow is enforced, closing publishes, and passives and
 * promoters get their follow-ups.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DetractorCaseApiTest {

    @Inject
    ContactDirectory contacts;
    @Inject
    ClientDirectory directory;
    @Inject
    TestClock clock;
    @Inject
    ClosedLoopScheduler scheduler;
    @Inject
    ClosedLoop closedLoop;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A client of cse/cam with one contact per email, known to the projections, and a cycle. */
    private record Setup(String clientId, String cycleId, List<String> emails) {
    }

    private Setup setup(int contactCount) {
        String clientId = TestClients.publishNew("Loop " + UUID.randomUUID(), "cse", "cam");
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < contactCount; i++) {
            String email = "loop-" + i + "-" + UUID.randomUUID() + "@client.example";
            TestClients.publishContact(clientId, UUID.randomUUID().toString(), "Contact " + i, email, true, 0);
            emails.add(email);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(clientId)).isPresent()
                && emails.stream().allMatch(e -> contacts.byEmail(e).size() == 1));
        String cycleId = as("avp").body("{\"name\": \"Loop " + UUID.randomUUID() + "\", \"openDate\": \"2026-10-07\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        return new Setup(clientId, cycleId, emails);
    }

    /** An answer submitted now (by the test clock): the case's clocks start at the submission (issue 17). */
    private Map<String, Object> row(String email, int score, String comment) {
        return Map.of("hs_survey_type", "NPS", "hs_value", String.valueOf(score), "hs_content", comment,
                "hs_submission_timestamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), "email", email);
    }

    private static void importRows(String cycleId, List<Map<String, Object>> rows, String... statuses) {
        asIntegration().body(Map.of("rows", rows)).post("/api/v1/nps/cycles/" + cycleId + "/responses/import/hubspot")
                .then().statusCode(200).body("status", contains(statuses));
    }

    private static String onlyCaseOf(String clientId) {
        return as("avp").queryParam("clientId", clientId).get("/api/v1/nps/cases").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
    }

    @Test
    void aDetractorAnswerOpensOneCaseAndPublishesDetractorCaseOpened() {
        Setup s = setup(1);
        Instant before = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try (TopicProbe probe = TopicProbe.watch(Topics.NPS_CASES)) {
            Map<String, Object> detractor = row(s.emails().get(0), 3, "The product feels outdated");
            importRows(s.cycleId(), List.of(detractor), "IMPORTED");
            CloudEvent opened = probe.awaitEvent(EventCatalogue.DETRACTOR_CASE_OPENED.type(), s.clientId(), Duration.ofSeconds(30));
            assertThat(opened.data().get("owner").asText()).isEqualTo("cse");
            assertThat(opened.data().get("score").asInt()).isEqualTo(3);
            assertThat(opened.data().get("cycleId").asText()).isEqualTo(s.cycleId());
            Instant openedAt = Instant.parse(opened.data().get("openedAt").asText());
            assertThat(openedAt).isAfterOrEqualTo(before);
            Instant submittedAt = Instant.parse(opened.data().get("submittedAt").asText());
            assertThat(submittedAt).isAfterOrEqualTo(before).isBeforeOrEqualTo(openedAt);
            assertThat(Instant.parse(opened.data().get("outreachDueAt").asText())).isEqualTo(submittedAt.plus(Duration.ofHours(24)));
            assertThat(Instant.parse(opened.data().get("rootCauseDueAt").asText())).isEqualTo(submittedAt.plus(Duration.ofHours(48)));
            assertThat(Instant.parse(opened.data().get("actionPlanDueAt").asText())).isEqualTo(submittedAt.plus(Duration.ofHours(72)));

            // the same answer delivered again: the import sees a duplicate; recording the same response id
            // again (a redelivery reaching the recorder) opens nothing either
            importRows(s.cycleId(), List.of(detractor), "DUPLICATE");
            String caseId = onlyCaseOf(s.clientId());
            String responseId = opened.data().get("responseId").asText();
            QuarkusTransaction.requiringNew().run(() -> closedLoop.responseRecorded(UUID.fromString(responseId),
                    UUID.fromString(s.cycleId()), UUID.fromString(s.clientId()), UUID.randomUUID(), 3));
            assertThat(onlyCaseOf(s.clientId())).isEqualTo(caseId);
            long openedEvents = probe.recordsAfter(Duration.ofSeconds(2)).stream()
                    .filter(r -> s.clientId().equals(r.key()))
                    .filter(r -> EventCatalogue.DETRACTOR_CASE_OPENED.type().equals(KafkaCloudEvents.header(r.headers(), KafkaCloudEvents.TYPE)))
                    .count();
            assertThat(openedEvents).isEqualTo(1);

            as("cse").get("/api/v1/nps/cases/" + caseId).then().statusCode(200)
                    .body("responseId", equalTo(responseId))
                    .body("status", equalTo("OPEN"))
                    .body("nextStatus", equalTo("CONTACTED"))
                    .body("owner", equalTo("cse"))
                    .body("comment", equalTo("The product feels outdated"))
                    .body("stages.stage", contains("OUTREACH", "ROOT_CAUSE", "ACTION_PLAN"))
                    .body("stages.state", contains("PENDING", "PENDING", "PENDING"))
                    .body("breached", equalTo(false));
            as("cam").get("/api/v1/nps/cases/" + caseId).then().statusCode(200);
            // not theirs: 404, as if it did not exist; marketing has no access to cases
            as("cse2").get("/api/v1/nps/cases/" + caseId).then().statusCode(404);
            as("cse2").queryParam("clientId", s.clientId()).get("/api/v1/nps/cases").then().statusCode(200).body("items", empty());
            as("marketing").get("/api/v1/nps/cases/" + caseId).then().statusCode(403);
            as("marketing").get("/api/v1/nps/cases").then().statusCode(403);
            as("cse").get("/api/v1/nps/cases/" + UUID.randomUUID()).then().statusCode(404);
            as("cse").queryParam("cycleId", s.cycleId()).get("/api/v1/nps/cases").then().statusCode(200)
                    .body("items.id", contains(caseId));
        }
    }

    @Test
    void aDetractorAnswerThroughTheSurveyLinkOpensACase() {
        SmtpServer.get();
        Setup s = setup(1);
        String email = s.emails().get(0);
        String cycleId = as("avp").body("{\"name\": \"Loop link " + UUID.randomUUID() + "\", \"openDate\": \""
                + LocalDate.now().plusDays(60) + "\"}").post("/api/v1/nps/cycles").then().statusCode(201)
                .extract().path("id");
        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/recipients/build?clientId=" + s.clientId()).then().statusCode(200);
        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/recipients/" + s.clientId() + "/sign-off").then().statusCode(200);
        as("avp").post("/api/v1/nps/cycles/" + cycleId + "/recipients/freeze").then().statusCode(200);
        as("avp").post("/api/v1/nps/cycles/" + cycleId + "/invitations/send").then().statusCode(200).body("invited", equalTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to(email).size() == 1);
        String token = SmtpServer.token(SmtpServer.to(email).get(0));

        try (TopicProbe probe = TopicProbe.watch(Topics.NPS_CASES)) {
            String responseId = given().header("X-Forwarded-For", "203.0.113." + (1 + ThreadLocalRandom.current().nextInt(250)))
                    .contentType(ContentType.JSON).body(Map.of("score", 6, "comment", "Too many outages"))
                    .post("/api/v1/surveys/respond/" + token).then().statusCode(201).extract().path("responseId");
            CloudEvent opened = probe.awaitEvent(EventCatalogue.DETRACTOR_CASE_OPENED.type(), s.clientId(), Duration.ofSeconds(30));
            assertThat(opened.data().get("responseId").asText()).isEqualTo(responseId);
            assertThat(opened.data().get("score").asInt()).isEqualTo(6);
            // the link is single use: a second submission is refused and opens nothing
            given().header("X-Forwarded-For", "203.0.113.251").contentType(ContentType.JSON)
                    .body(Map.of("score", 2)).post("/api/v1/surveys/respond/" + token).then().statusCode(409);
            as("cse").queryParam("clientId", s.clientId()).get("/api/v1/nps/cases").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].responseId", equalTo(responseId))
                    .body("items[0].cycleId", equalTo(cycleId));
        }
    }

    @Test
    void aBreachedStageEscalatesOnceAndTheWorkflowRunsToClosed() {
        Setup s = setup(1);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(t0);
        try (TopicProbe probe = TopicProbe.watch(Topics.NPS_CASES)) {
            importRows(s.cycleId(), List.of(row(s.emails().get(0), 5, "Support is slow")), "IMPORTED");
            String caseId = onlyCaseOf(s.clientId());

            clock.freezeAt(t0.plus(Duration.ofHours(24)));   // exactly at the deadline: still on time
            scheduler.scan();
            as("cse").get("/api/v1/nps/cases/" + caseId).then().body("stages[0].state", equalTo("PENDING"))
                    .body("escalated", equalTo(false));

            clock.freezeAt(t0.plus(Duration.ofHours(24)).plusSeconds(1));
            assertThat(scheduler.scan().escalations()).isPositive();
            CloudEvent escalated = probe.awaitEvent(EventCatalogue.DETRACTOR_CASE_ESCALATED.type(), s.clientId(), Duration.ofSeconds(30));
            assertThat(escalated.data().get("caseId").asText()).isEqualTo(caseId);
            assertThat(escalated.data().get("missedStage").asText()).isEqualTo("OUTREACH");
            assertThat(escalated.data().get("escalatedTo").asText()).isEqualTo("avp");
            assertThat(escalated.data().get("owner").asText()).isEqualTo("cse");
            assertThat(scheduler.scan().escalations()).isZero();   // not again on the next scan
            as("cse").get("/api/v1/nps/cases/" + caseId).then().statusCode(200)
                    .body("stages[0].state", equalTo("BREACHED"))
                    .body("stages[0].escalatedTo", equalTo("avp"))
                    .body("stages[0].escalatedAt", notNullValue())
                    .body("stages[1].state", equalTo("PENDING"))
                    .body("breached", equalTo(true))
                    .body("escalated", equalTo(true))
                    .body("escalatedTo", equalTo("avp"));
            as("avp").queryParam("clientId", s.clientId()).queryParam("escalated", true).get("/api/v1/nps/cases")
                    .then().statusCode(200).body("items.id", contains(caseId));
            as("avp").queryParam("clientId", s.clientId()).queryParam("breached", false).get("/api/v1/nps/cases")
                    .then().statusCode(200).body("items", empty());

            String transitions = "/api/v1/nps/cases/" + caseId + "/transitions";
            // bad input: 400 with field errors, nothing changed
            as("cse").body("{\"to\": \"DONE\"}").post(transitions).then().statusCode(400).body("errors[0].field", equalTo("to"));
            as("cse").body("{\"text\": \"x\"}").post(transitions).then().statusCode(400).body("errors[0].field", equalTo("to"));
            as("cse").body("{\"to\": \"CONTACTED\", \"colour\": \"red\"}").post(transitions).then().statusCode(400);
            // skipping a step: 409
            as("cse").body("{\"to\": \"RESOLVED\"}").post(transitions).then().statusCode(409)
                    .body("detail", containsString("next step is CONTACTED"));
            // not theirs / not allowed
            as("cse2").body("{\"to\": \"CONTACTED\"}").post(transitions).then().statusCode(404);
            as("marketing").body("{\"to\": \"CONTACTED\"}").post(transitions).then().statusCode(403);
            as("cse").get("/api/v1/nps/cases/" + caseId).then().body("status", equalTo("OPEN"));

            as("cse").body("{\"to\": \"CONTACTED\", \"text\": \"Called Jo\"}").post(transitions).then().statusCode(200)
                    .body("status", equalTo("CONTACTED"))
                    .body("stages[0].state", equalTo("MET_LATE"))
                    .body("transitions[0].by", equalTo("cse"))
                    .body("transitions[0].text", equalTo("Called Jo"));
            as("cse").body("{\"to\": \"ROOT_CAUSE_IDENTIFIED\"}").post(transitions).then().statusCode(400)
                    .body("errors[0].field", equalTo("text"));
            as("cse").body("{\"to\": \"ROOT_CAUSE_IDENTIFIED\", \"text\": \"Two tickets open for three weeks\"}")
                    .post(transitions).then().statusCode(200).body("rootCause", equalTo("Two tickets open for three weeks"))
                    .body("stages[1].state", equalTo("MET"));
            as("avp").body("{\"to\": \"ACTION_PLANNED\", \"text\": \"Escalate tickets; weekly check-in\"}")
                    .post(transitions).then().statusCode(200).body("stages[2].state", equalTo("MET"))
                    .body("transitions[2].by", equalTo("avp"));

            // notes: append-only, with author; blank is a 400; others' cases 404
            String notes = "/api/v1/nps/cases/" + caseId + "/notes";
            as("cse").body("{\"text\": \"Sponsor happier after the call\"}").post(notes).then().statusCode(201)
                    .body("author", equalTo("cse"));
            as("cse").body("{\"text\": \"  \"}").post(notes).then().statusCode(400).body("errors[0].field", equalTo("text"));
            as("cse2").body("{\"text\": \"hi\"}").post(notes).then().statusCode(404);

            Instant resolvedAt = clock.instant();
            as("cse").body("{\"to\": \"RESOLVED\"}").post(transitions).then().statusCode(200)
                    .body("followUpDueAt", equalTo(resolvedAt.plus(Duration.ofDays(30)).toString()))
                    .body("followUpRequestedAt", nullValue());
            scheduler.scan();
            as("cse").get("/api/v1/nps/cases/" + caseId).then().body("followUpRequestedAt", nullValue());
            clock.freezeAt(resolvedAt.plus(Duration.ofDays(30)));
            as("avp").queryParam("clientId", s.clientId()).queryParam("followUpDue", true).get("/api/v1/nps/cases")
                    .then().statusCode(200).body("items.id", contains(caseId));
            assertThat(scheduler.scan().followUpsRequested()).isPositive();
            as("cse").get("/api/v1/nps/cases/" + caseId).then()
                    .body("followUpRequestedAt", equalTo(resolvedAt.plus(Duration.ofDays(30)).toString()))
                    .body("notes.text", contains("Sponsor happier after the call"));
            assertThat(scheduler.scan().followUpsRequested()).isZero();

            as("cse").body("{\"to\": \"CLOSED\", \"text\": \"Follow-up survey scored 8\"}").post(transitions).then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("closedBy", equalTo("cse")).body("nextStatus", nullValue());
            CloudEvent closed = probe.awaitEvent(EventCatalogue.DETRACTOR_CASE_CLOSED.type(), s.clientId(), Duration.ofSeconds(30));
            assertThat(closed.data().get("caseId").asText()).isEqualTo(caseId);
            assertThat(closed.data().get("closedBy").asText()).isEqualTo("cse");
            assertThat(closed.data().get("rootCause").asText()).isEqualTo("Two tickets open for three weeks");
            assertThat(closed.data().get("breachedStages").toString()).isEqualTo("[\"OUTREACH\"]");
            as("cse").body("{\"to\": \"OPEN\"}").post(transitions).then().statusCode(409);
            as("avp").queryParam("clientId", s.clientId()).queryParam("status", "closed").get("/api/v1/nps/cases")
                    .then().statusCode(200).body("items.id", contains(caseId));
            as("avp").queryParam("status", "FINISHED").queryParam("clientId", "nope").get("/api/v1/nps/cases")
                    .then().statusCode(400).body("errors.field", contains("status", "clientId"));
        }
    }

    @Test
    void aDetractorAnswerWithoutACommentOpensACaseThatCanBeReadAndWorked() {
        Setup s = setup(1);
        Map<String, Object> bare = new java.util.HashMap<>(row(s.emails().get(0), 2, "-"));
        bare.remove("hs_content"); // a score, no comment
        importRows(s.cycleId(), List.of(bare), "IMPORTED");
        String caseId = onlyCaseOf(s.clientId());
        as("cse").get("/api/v1/nps/cases/" + caseId).then().statusCode(200).body("comment", nullValue())
                .body("score", equalTo(2));
        as("cse").body("{\"to\": \"CONTACTED\"}").post("/api/v1/nps/cases/" + caseId + "/transitions").then()
                .statusCode(200).body("status", equalTo("CONTACTED"));
    }

    @Test
    void aCaseOfAClientWithoutOwnerIsUnassignedAndSeenByLeadersOnly() {
        UUID unknownClient = UUID.randomUUID();
        UUID responseId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                closedLoop.responseRecorded(responseId, null, unknownClient, UUID.randomUUID(), 0));
        String caseId = as("vp").queryParam("clientId", unknownClient.toString()).get("/api/v1/nps/cases").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].owner", nullValue())
                .body("items[0].cycleId", nullValue()).extract().path("items[0].id");
        as("cse").get("/api/v1/nps/cases/" + caseId).then().statusCode(404);
        as("admin").get("/api/v1/nps/cases/" + caseId).then().statusCode(200).body("responseId", equalTo(responseId.toString()));
    }

    @Test
    void listsArePagedWithACursor() {
        UUID client = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            clock.freezeAt(Instant.now().plusSeconds(i));
            QuarkusTransaction.requiringNew().run(() ->
                    closedLoop.responseRecorded(UUID.randomUUID(), null, client, UUID.randomUUID(), 2));
        }
        var first = as("avp").queryParam("clientId", client.toString()).queryParam("limit", 2).get("/api/v1/nps/cases")
                .then().statusCode(200).body("items", hasSize(2)).extract();
        String next = first.path("nextCursor");
        List<String> firstIds = first.path("items.id");
        as("avp").queryParam("clientId", client.toString()).queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/v1/nps/cases").then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", nullValue()).body("items[0].id", not(in(firstIds)));
        as("avp").queryParam("cursor", "garbage").get("/api/v1/nps/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as("avp").queryParam("limit", 0).get("/api/v1/nps/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void passivesAndPromotersGetTheirFollowUpsAndPromotersAreAdvocacyCandidates() {
        Setup s = setup(3);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(now);
        importRows(s.cycleId(), List.of(row(s.emails().get(0), 8, "Good, reporting could be better"),
                row(s.emails().get(1), 10, "Fantastic team"), row(s.emails().get(2), 7, "OK")),
                "IMPORTED", "IMPORTED", "IMPORTED");
        // no case for passives and promoters
        as("avp").queryParam("clientId", s.clientId()).get("/api/v1/nps/cases").then().body("items", empty());

        as("cse").queryParam("clientId", s.clientId()).get("/api/v1/nps/follow-ups").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.kind", hasItem("PASSIVE_IMPROVEMENT"))
                .body("items.kind", hasItem("PROMOTER_THANK_YOU"))
                .body("items.owner", contains("cse", "cse", "cse"))
                .body("items.status", contains("OPEN", "OPEN", "OPEN"))
                .body("items[0].dueAt", equalTo(now.plus(Duration.ofDays(7)).toString()));
        String passive = as("cse").queryParam("clientId", s.clientId()).queryParam("kind", "passive_improvement")
                .get("/api/v1/nps/follow-ups").then().statusCode(200).body("items", hasSize(2))
                .body("items.task", hasItem("Ask what would make it a 9–10")).extract().path("items[0].id");
        as("cse").queryParam("kind", "ANGRY").get("/api/v1/nps/follow-ups").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));

        // advocacy candidates: the promoter only; marketing and leaders see all, CSEs their own clients
        for (String user : List.of("cse", "marketing", "evp")) {
            as(user).queryParam("clientId", s.clientId()).get("/api/v1/nps/advocacy-candidates").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].score", equalTo(10))
                    .body("items[0].comment", equalTo("Fantastic team"))
                    .body("items[0].opportunities", contains("REFERENCE", "CASE_STUDY", "REVIEW"));
        }
        as("cse2").queryParam("clientId", s.clientId()).get("/api/v1/nps/advocacy-candidates").then().statusCode(200)
                .body("items", empty());
        as("cse2").queryParam("clientId", s.clientId()).get("/api/v1/nps/follow-ups")
                .then().statusCode(200).body("items", empty());
        as("marketing").get("/api/v1/nps/follow-ups").then().statusCode(403);
        asIntegration().get("/api/v1/nps/advocacy-candidates").then().statusCode(403);

        // completing: who/when recorded; twice is a 409; others' follow-ups are 404
        as("cse2").body("{}").post("/api/v1/nps/follow-ups/" + passive + "/complete").then().statusCode(404);
        as("cse").body("{\"outcome\": \"Wants the new reporting module\"}").post("/api/v1/nps/follow-ups/" + passive + "/complete")
                .then().statusCode(200).body("status", equalTo("DONE")).body("doneBy", equalTo("cse"))
                .body("doneAt", equalTo(now.toString())).body("outcome", equalTo("Wants the new reporting module"));
        as("cse").body("{}").post("/api/v1/nps/follow-ups/" + passive + "/complete").then().statusCode(409);
        as("cse").body("{\"outcome\": \"" + "x".repeat(4001) + "\"}").post("/api/v1/nps/follow-ups/" + UUID.randomUUID() + "/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        as("cse").queryParam("clientId", s.clientId()).queryParam("status", "DONE").get("/api/v1/nps/follow-ups").then()
                .body("items.id", contains(passive));
    }
}
