package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.nps.domain.schedule.MilestoneCode;
import io.rhythm.nps.service.operations.NonResponderPulls;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 17: a cycle run in HubSpot — lists built and frozen in Rhythm, no Rhythm invitations, answers imported with
 * their HubSpot timestamps spread over the cycle. Figures come from the frozen list; pulls are as of the cycle's days.
 *
 * <p>Client A (cse/cam): five eligible contacts and one unsubscribed; client B (cse2/cam2): three eligible and one with
 * an invalid address. Cycle opens 2026-10-07 (day 5 = 12 Oct, day 12 = 19 Oct). Answers: A1 on day 1, A2 at
 * 23:59:59 UTC on day 5 (already day 6 in Sydney), A3 at 00:00 UTC on day 6, the unsubscribed A6 on day 2 (in the NPS,
 * not in the rate), B1 on day 12.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class HubSpotCycleApiTest {

    @Inject
    ClientDirectory directory;
    @Inject
    ContactDirectory contacts;
    @Inject
    NonResponderPulls pulls;
    @Inject
    io.rhythm.nps.testing.TestClock clock;
    @Inject
    io.rhythm.nps.service.operations.CycleAutomation automation;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    record Fixture(String cycleId, String a, String b, String tag) {
        String path() {
            return "/api/v1/nps/cycles/" + cycleId;
        }
    }

    @Test
    void resultsCountEligibleAndRespondedFromTheFrozenListPerClientCseCamSegmentAndOverall() {
        Fixture f = hubSpotCycle();
        as("avp").get(f.path() + "/results").then().statusCode(200)
                .body("recipientsFrozen", equalTo(true))
                .body("overall.count", equalTo(5))
                .body("responseRate.eligible", equalTo(8)).body("responseRate.responded", equalTo(4))
                .body("responseRate.percent", equalTo(50.0f)).body("responseRate.targetMet", equalTo(true))
                .body("responseRate.targetPercent", equalTo(40))
                .body("responseRate.invited", equalTo(0)).body("responseRate.responses", equalTo(5))
                .body("byClient.find { it.key == '" + f.a() + "' }.responseRate.eligible", equalTo(5))
                .body("byClient.find { it.key == '" + f.a() + "' }.responseRate.responded", equalTo(3))
                .body("byClient.find { it.key == '" + f.a() + "' }.responseRate.percent", equalTo(60.0f))
                .body("byClient.find { it.key == '" + f.a() + "' }.responseRate.targetMet", equalTo(true))
                .body("byClient.find { it.key == '" + f.b() + "' }.responseRate.percent", equalTo(33.3f))
                .body("byClient.find { it.key == '" + f.b() + "' }.responseRate.targetMet", equalTo(false))
                .body("byClient.find { it.key == '" + f.b() + "' }.responseRate.responsesNeeded", equalTo(1))
                .body("byCse.find { it.key == 'cse' }.responseRate.percent", equalTo(60.0f))
                .body("byCse.find { it.key == 'cse2' }.responseRate.targetMet", equalTo(false))
                .body("byCam.find { it.key == 'cam' }.responseRate.eligible", equalTo(5))
                .body("byCam.find { it.key == 'cam2' }.responseRate.percent", equalTo(33.3f))
                .body("bySegment", hasSize(1))
                .body("bySegment[0].responseRate.eligible", equalTo(8))
                .body("bySegment[0].responseRate.percent", equalTo(50.0f))
                .body("byBusinessUnit[0].responseRate.responded", equalTo(4));
        as("cse").get(f.path() + "/results").then().statusCode(200)
                .body("responseRate.eligible", equalTo(5)).body("responseRate.percent", equalTo(60.0f))
                .body("byClient", hasSize(1));
        as("avp").get(f.path() + "/breakdown?groupBy=cam").then().statusCode(200)
                .body("groups.key", contains("cam", "cam2")).body("overall.responseRate.eligible", equalTo(8));
        anonymous().get(f.path() + "/results").then().statusCode(401);
        asIntegration().get(f.path() + "/results").then().statusCode(403);
    }

    @Test
    void pullsAreAsOfTheEndOfACycleDayFromTheFrozenListAndSubmittedAt() {
        Fixture f = hubSpotCycle();
        String nr = f.path() + "/recipients/non-responders";
        List<String> day5 = as("avp").get(nr + "?day=5").then().statusCode(200).extract().path("name");
        assertThat(day5).containsExactlyInAnyOrder(names(f, "A3", "A4", "A5", "B1", "B2", "B3"));
        // the same day ending in Sydney (UTC+11 in October): A2's 23:59:59 UTC answer was already on day 6 there
        List<String> sydney = as("avp").get(nr + "?day=5&zone=Australia/Sydney").then().statusCode(200).extract().path("name");
        assertThat(sydney).containsExactlyInAnyOrder(names(f, "A2", "A3", "A4", "A5", "B1", "B2", "B3"));
        List<String> day12 = as("avp").get(nr + "?day=12").then().statusCode(200).extract().path("name");
        assertThat(day12).containsExactlyInAnyOrder(names(f, "A4", "A5", "B2", "B3"));
        List<String> asOf = as("avp").get(nr + "?asOf=2026-10-12").then().statusCode(200).extract().path("name");
        assertThat(asOf).isEqualTo(day5);
        as("avp").get(nr).then().statusCode(200).body("name", hasSize(4)).body("invitedAt", everyItem(nullValue()));
        as("cse2").get(nr + "?day=12").then().statusCode(200).body("name", containsInAnyOrder(names(f, "B2", "B3")));
        as("cse2").get(nr + "?day=12&clientId=" + f.a()).then().statusCode(404);
        asIntegration().get(nr + "?day=5").then().statusCode(403);
        anonymous().get(nr + "?day=5").then().statusCode(401);
        as("avp").get(nr + "?day=five").then().statusCode(400).body("errors[0].field", equalTo("day"));
        as("avp").get(nr + "?day=400").then().statusCode(400).body("errors[0].field", equalTo("day"));
        as("avp").get(nr + "?day=5&asOf=2026-10-12").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        as("avp").get(nr + "?asOf=12/10/2026").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        as("avp").get(nr + "?day=5&zone=Mars/Olympus").then().statusCode(400).body("errors[0].field", equalTo("zone"));
        as("avp").get("/api/v1/nps/cycles/" + UUID.randomUUID() + "/recipients/non-responders?day=5").then().statusCode(404);

        // the day-5 snapshot of an imported cycle, taken late: still as of the end of its due date
        UUID cycle = UUID.fromString(f.cycleId());
        assertThat(QuarkusTransaction.requiringNew().call(() -> pulls.takeScheduled(cycle,
                MilestoneCode.FIRST_NON_RESPONDER_PULL, LocalDate.of(2026, 10, 12)))).isTrue();
        as("avp").get(f.path() + "/non-responder-pulls").then().statusCode(200)
                .body("items[0].asOf", equalTo("2026-10-13T00:00:00Z"))
                .body("items[0].eligible", equalTo(8)).body("items[0].responded", equalTo(2))
                .body("items[0].invited", equalTo(0)).body("items[0].nonResponders", equalTo(6))
                .body("items[0].clients", equalTo(2));
        String pullId = as("avp").get(f.path() + "/non-responder-pulls").then().extract().path("items[0].id");
        List<String> rows = as("avp").get(f.path() + "/non-responder-pulls/" + pullId + "/rows").then().statusCode(200)
                .body("items.invitedAt", everyItem(nullValue())).extract().path("items.name");
        assertThat(rows).containsExactlyInAnyOrder(names(f, "A3", "A4", "A5", "B1", "B2", "B3"));
    }

    @Test
    void theValidatedListAndThePullsExportAsHubSpotImportCsv() {
        Fixture f = hubSpotCycle();
        String csv = as("marketing").get(f.path() + "/recipients/export").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("Email,First Name,Last Name,Company Name");
        assertThat(lines).hasSize(9); // 5 + 3 eligible; the unsubscribed and the invalid address are not uploaded
        assertThat(lines).contains("a1-" + f.tag() + "@client.example,A1," + f.tag() + ",HS A " + f.tag());
        assertThat(csv).doesNotContain("a6-").doesNotContain("bx-");
        String mine = as("cse").get(f.path() + "/recipients/export").then().statusCode(200).extract().asString();
        assertThat(mine.split("\r\n")).hasSize(6);
        as("cse").get(f.path() + "/recipients/export?clientId=" + f.b()).then().statusCode(404);
        asIntegration().get(f.path() + "/recipients/export").then().statusCode(403);
        anonymous().get(f.path() + "/recipients/export").then().statusCode(401);

        String day12 = as("avp").get(f.path() + "/recipients/non-responders/export?day=12").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(day12.split("\r\n")).hasSize(5).contains("b2-" + f.tag() + "@client.example,B2," + f.tag() + ",HS B " + f.tag());
        as("avp").get(f.path() + "/recipients/non-responders/export?day=x").then().statusCode(400);
        asIntegration().get(f.path() + "/recipients/non-responders/export?day=12").then().statusCode(403);
    }

    @Test
    void aCycleDeliveredByHubSpotSendsNothingTakesImportsAndIsClosedByTheScanLikeAnyOther() {
        SmtpServer.get();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String client = TestClients.publishNew("HS Ext " + tag, "cse", "cam");
        String ada = "ada-" + tag + "@client.example";
        TestClients.publishContact(client, UUID.randomUUID().toString(), "Ada " + tag, ada, true, 0);
        TestClients.publishContact(client, UUID.randomUUID().toString(), "Ben " + tag, "ben-" + tag + "@client.example", true, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(client)).isPresent()
                && contacts.ofClient(UUID.fromString(client), false).size() == 2);
        String ext = as("avp").body("{\"name\": \"HS Ext " + tag + "\", \"openDate\": \"2027-09-01\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).body("delivery", equalTo("RHYTHM")).extract().path("id");
        String path = "/api/v1/nps/cycles/" + ext;

        as("cse").body(Map.of("delivery", "EXTERNAL")).put(path + "/delivery").then().statusCode(403);
        anonymous().body(Map.of("delivery", "EXTERNAL")).put(path + "/delivery").then().statusCode(401);
        as("marketing").body(Map.of("delivery", "PIGEON")).put(path + "/delivery").then().statusCode(400);
        as("marketing").body(Map.of("tool", "HubSpot")).put(path + "/delivery").then().statusCode(400);
        as("marketing").body(Map.of("delivery", "EXTERNAL", "tool", "x".repeat(61))).put(path + "/delivery").then().statusCode(400);
        as("marketing").body(Map.of("delivery", "EXTERNAL")).put("/api/v1/nps/cycles/" + UUID.randomUUID() + "/delivery")
                .then().statusCode(404);
        as("marketing").body(Map.of("delivery", "EXTERNAL")).put(path + "/delivery").then().statusCode(200)
                .body("delivery", equalTo("EXTERNAL")).body("deliveryTool", equalTo("HubSpot"));

        as("avp").post(path + "/recipients/build?clientId=" + client).then().statusCode(200).body("[0].included", equalTo(2));
        as("avp").post(path + "/recipients/freeze").then().statusCode(200);
        clock.freezeAt(java.time.Instant.parse("2027-09-02T09:00:00Z"));
        as("marketing").post(path + "/invitations/send").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("HubSpot"));
        as("avp").post(path + "/invitations/remind").then().statusCode(409);
        assertThat(SmtpServer.to(ada)).isEmpty();
        assertThat(as("marketing").get(path + "/recipients/export").then().statusCode(200).extract().asString().split("\r\n"))
                .hasSize(3);
        asIntegration().body(Map.of("rows", List.of(Map.of("hs_survey_type", "NPS", "hs_value", "9",
                        "hs_submission_timestamp", "2027-09-02T08:00:00Z", "email", ada))))
                .post(path + "/responses/import/hubspot").then().statusCode(200).body("[0].status", equalTo("IMPORTED"));

        // an imported cycle whose lists were never frozen, extended by a leader
        String late = as("avp").body("{\"name\": \"HS Late " + tag + "\", \"openDate\": \"2027-09-01\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        String latePath = "/api/v1/nps/cycles/" + late;
        as("cse").body(Map.of("closeDate", "2027-09-22")).post(latePath + "/extend").then().statusCode(403);
        as("avp").body(Map.of("closeDate", "2027-09-10")).post(latePath + "/extend").then().statusCode(400)
                .body("errors[0].field", equalTo("closeDate"));
        as("avp").body(Map.of()).post(latePath + "/extend").then().statusCode(400);
        as("avp").body(Map.of("closeDate", "2027-09-22")).post(latePath + "/extend").then().statusCode(200)
                .body("closeDate", equalTo("2027-09-22")).body("closeExtendedBy", equalTo("avp"));
        as("avp").get(latePath + "/milestones").then().statusCode(200)
                .body("find { it.code == 'SURVEY_CLOSE' }.dueDate", equalTo("2027-09-22"));

        // the day after the close date: the HubSpot cycle is pulled and closed (no reminders); the extended one waits
        clock.freezeAt(java.time.Instant.parse("2027-09-16T00:00:00Z"));
        assertThat(automation.runDue(UUID.fromString(ext)).operations()).containsExactly(
                io.rhythm.nps.domain.operations.CycleOperation.FIRST_PULL, io.rhythm.nps.domain.operations.CycleOperation.FINAL_PULL,
                io.rhythm.nps.domain.operations.CycleOperation.CLOSE);
        as("avp").get(path).then().statusCode(200).body("status", equalTo("CLOSED")).body("closedBy", equalTo("system"));
        as("avp").get(path + "/closed-results").then().statusCode(200).body("results.eligible", equalTo(2))
                .body("results.eligibleResponded", equalTo(1)).body("results.responseRate.percent", equalTo(50.0f))
                .body("results.responseRate.targetMet", equalTo(true)).body("results.invited", equalTo(0));
        assertThat(SmtpServer.to(ada)).isEmpty();
        as("marketing").body(Map.of("delivery", "RHYTHM")).put(path + "/delivery").then().statusCode(409);
        assertThat(automation.runDue(UUID.fromString(late)).operations()).isEmpty();
        as("avp").get(latePath).then().statusCode(200).body("status", equalTo("OPEN"));
        clock.freezeAt(java.time.Instant.parse("2027-09-23T00:00:00Z"));
        as("avp").body(Map.of("closeDate", "2027-09-30")).post(latePath + "/extend").then().statusCode(409);
        assertThat(automation.runDue(UUID.fromString(late)).operations())
                .containsExactly(io.rhythm.nps.domain.operations.CycleOperation.CLOSE);
        as("avp").get(latePath).then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void aDetractorImportedDaysLateOpensItsCaseAlreadyBreachedAndEscalated() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String client = TestClients.publishNew("HS Late Case " + tag, "cse", "cam");
        String late = "late-" + tag + "@client.example";
        String fresh = "fresh-" + tag + "@client.example";
        TestClients.publishContact(client, UUID.randomUUID().toString(), "Lee " + tag, late, true, 0);
        TestClients.publishContact(client, UUID.randomUUID().toString(), "Fay " + tag, fresh, true, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(client)).isPresent()
                && contacts.ofClient(UUID.fromString(client), false).size() == 2);
        clock.freezeAt(java.time.Instant.parse("2027-10-13T09:00:00Z"));
        String cycleId = as("avp").body("{\"name\": \"HS Case " + tag + "\", \"openDate\": \"2027-10-06\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        try (io.rhythm.platform.testing.TopicProbe cases = io.rhythm.platform.testing.TopicProbe.watch(
                io.rhythm.platform.events.Topics.NPS_CASES)) {
            asIntegration().body(Map.of("rows", List.of(
                            Map.of("hs_survey_type", "NPS", "hs_value", "2", "hs_submission_timestamp", "2027-10-09T03:14:15Z",
                                    "email", late),
                            Map.of("hs_survey_type", "NPS", "hs_value", "3", "hs_submission_timestamp", "2027-10-12T15:00:00Z",
                                    "email", fresh))))
                    .post("/api/v1/nps/cycles/" + cycleId + "/responses/import/hubspot").then().statusCode(200)
                    .body("status", everyItem(equalTo("IMPORTED")));
            var escalated = cases.awaitEvent(io.rhythm.platform.events.EventCatalogue.DETRACTOR_CASE_ESCALATED.type(), client,
                    Duration.ofSeconds(30));
            assertThat(escalated.data().get("escalatedTo").asText()).isEqualTo("avp");
        }
        String lateCase = as("avp").queryParam("clientId", client).get("/api/v1/nps/cases")
                .then().statusCode(200).body("items", hasSize(2))
                .extract().path("items.find { it.score == 2 }.id");
        as("cse").get("/api/v1/nps/cases/" + lateCase).then().statusCode(200)
                .body("submittedAt", equalTo("2027-10-09T03:14:15Z"))
                .body("openedAt", equalTo("2027-10-13T09:00:00Z"))
                .body("breached", equalTo(true)).body("escalated", equalTo(true)).body("escalatedTo", equalTo("avp"))
                .body("stages.find { it.stage == 'OUTREACH' }.dueAt", equalTo("2027-10-10T03:14:15Z"))
                .body("stages.find { it.stage == 'ACTION_PLAN' }.dueAt", equalTo("2027-10-12T03:14:15Z"))
                .body("stages.escalatedAt", everyItem(equalTo("2027-10-13T09:00:00Z")));
        // answered 18 hours before the import: 6 hours of the 24 left, nothing escalated
        String freshCase = as("avp").queryParam("clientId", client).get("/api/v1/nps/cases").then().statusCode(200)
                .extract().path("items.find { it.score == 3 }.id");
        as("cse").get("/api/v1/nps/cases/" + freshCase).then().statusCode(200)
                .body("breached", equalTo(false)).body("escalated", equalTo(false))
                .body("stages.find { it.stage == 'OUTREACH' }.dueAt", equalTo("2027-10-13T15:00:00Z"));
    }

    @Test
    void praiseAndSolvedProblemsAreNotCountedAsComplaints() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String client = TestClients.publishNew("HS Themes " + tag, "cse", "cam");
        List<String> emails = List.of("t1-" + tag + "@client.example", "t2-" + tag + "@client.example", "t3-" + tag + "@client.example");
        for (String email : emails) {
            TestClients.publishContact(client, UUID.randomUUID().toString(), "T " + email, email, true, 0);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(client)).isPresent()
                && contacts.ofClient(UUID.fromString(client), false).size() == 3);
        String cycleId = as("avp").body("{\"name\": \"HS Themes " + tag + "\", \"openDate\": \"2026-10-07\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        List<String> ids = asIntegration().body(Map.of("rows", List.of(
                        Map.of("hs_survey_type", "NPS", "hs_value", "9", "hs_submission_timestamp", "2026-10-08T01:00:00Z",
                                "email", emails.get(0), "hs_content",
                                "Our interface fault was fixed the same afternoon \u2014 great help from the support team"),
                        Map.of("hs_survey_type", "NPS", "hs_value", "3", "hs_submission_timestamp", "2026-10-08T02:00:00Z",
                                "email", emails.get(1), "hs_content", "Support was not helpful"),
                        Map.of("hs_survey_type", "NPS", "hs_value", "9", "hs_submission_timestamp", "2026-10-08T03:00:00Z",
                                "email", emails.get(2), "hs_content", "We had no outages since the upgrade"))))
                .post("/api/v1/nps/cycles/" + cycleId + "/responses/import/hubspot").then().statusCode(200)
                .body("status", everyItem(equalTo("IMPORTED"))).extract().path("responseId");
        as("avp").get("/api/v1/nps/cycles/" + cycleId + "/themes").then().statusCode(200)
                .body("groups[0].themes.code", contains("SUPPORT_RESPONSIVENESS"))
                .body("groups[0].themes[0].count", equalTo(1));
        as("cse").get("/api/v1/nps/responses/" + ids.get(0) + "/themes").then().statusCode(200)
                .body("automaticThemes", hasSize(0))
                .body("hits.code", contains("SUPPORT_RESPONSIVENESS")).body("hits[0].polarity", equalTo("PRAISE"));
        as("cse").get("/api/v1/nps/responses/" + ids.get(1) + "/themes").then().statusCode(200)
                .body("automaticThemes", contains("SUPPORT_RESPONSIVENESS")).body("hits[0].polarity", equalTo("COMPLAINT"));
        as("cse").get("/api/v1/nps/responses/" + ids.get(2) + "/themes").then().statusCode(200)
                .body("automaticThemes", hasSize(0)).body("hits.polarity", everyItem(equalTo("PRAISE")));
        as("cse2").get("/api/v1/nps/responses/" + ids.get(2) + "/themes").then().statusCode(404);
    }

    private static String[] names(Fixture f, String... who) {
        return java.util.Arrays.stream(who).map(w -> w + " " + f.tag()).toArray(String[]::new);
    }

    /** The cycle of the class comment, built through the API (lists built and frozen, answers imported). */
    private Fixture hubSpotCycle() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String a = TestClients.publishNew("HS A " + tag, "cse", "cam");
        String b = TestClients.publishNew("HS B " + tag, "cse2", "cam2");
        List<String[]> people = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            people.add(new String[]{a, "A" + i, "a" + i + "-" + tag + "@client.example", i == 6 ? "false" : "true"});
        }
        for (int i = 1; i <= 3; i++) {
            people.add(new String[]{b, "B" + i, "b" + i + "-" + tag + "@client.example", "true"});
        }
        people.add(new String[]{b, "BX", "bx-" + tag + "-at-client", "true"});
        for (String[] p : people) {
            TestClients.publishContact(p[0], UUID.randomUUID().toString(), p[1] + " " + tag, p[2], Boolean.parseBoolean(p[3]), 0);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(a)).isPresent()
                && directory.find(UUID.fromString(b)).isPresent()
                && contacts.ofClient(UUID.fromString(a), false).size() == 6 && contacts.ofClient(UUID.fromString(b), false).size() == 4);
        String cycleId = as("avp").body("{\"name\": \"HubSpot " + tag + "\", \"openDate\": \"2026-10-07\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        String path = "/api/v1/nps/cycles/" + cycleId;
        as("avp").post(path + "/recipients/build?clientId=" + a).then().statusCode(200).body("[0].included", equalTo(5));
        as("avp").post(path + "/recipients/build?clientId=" + b).then().statusCode(200).body("[0].included", equalTo(3));
        as("avp").post(path + "/recipients/freeze").then().statusCode(200);
        List<Map<String, Object>> rows = List.of(
                row("a1", tag, 9, "2026-10-08T03:00:00Z"),
                row("a2", tag, 10, "2026-10-12T23:59:59Z"),
                row("a3", tag, 6, "2026-10-13T00:00:00Z"),
                row("a6", tag, 2, "2026-10-09T08:00:00Z"),
                row("b1", tag, 8, "2026-10-19T10:00:00Z"));
        asIntegration().body(Map.of("rows", rows)).post(path + "/responses/import/hubspot").then().statusCode(200)
                .body("status", everyItem(equalTo("IMPORTED")));
        return new Fixture(cycleId, a, b, tag);
    }

    private static Map<String, Object> row(String who, String tag, int score, String at) {
        return Map.of("hs_survey_type", "NPS", "hs_value", String.valueOf(score), "hs_submission_timestamp", at,
                "email", who + "-" + tag + "@client.example");
    }
}
