package io.rhythm.calendar.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.CycleClosed;
import io.rhythm.platform.events.payload.CycleCreated;
import io.rhythm.platform.events.payload.CycleMilestoneDue;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ChecklistApiTest {

    @Test
    void cycleCreatedCreatesTheNpsChecklistOnceUnderRedelivery() {
        String cycleId = UUID.randomUUID().toString();
        CloudEvent created = CloudEvent.create(EventCatalogue.CYCLE_CREATED, cycleId,
                Json.tree(new CycleCreated(cycleId, "NPS Q2 2027", LocalDate.of(2027, 4, 7), LocalDate.of(2027, 4, 21))), null);
        TopicProbe.send(Topics.NPS_CYCLES, created);
        TopicProbe.send(Topics.NPS_CYCLES, created);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/calendar/nps-cycles/" + cycleId + "/checklist").statusCode() == 200);
        JsonPath checklist = as("cse").get("/api/v1/calendar/nps-cycles/" + cycleId + "/checklist?asOf=2027-04-13")
                .then().statusCode(200).extract().jsonPath();
        assertThat(checklist.getString("template")).isEqualTo("NPS_CYCLE");
        assertThat(checklist.getInt("progress.total")).isEqualTo(16);
        assertThat(checklist.getString("items.find { it.code == 'validate-recipient-lists' }.dueOn")).isEqualTo("2027-03-24");
        assertThat(checklist.getString("items.find { it.code == 'first-non-responder-pull' }.dueOn")).isEqualTo("2027-04-12");
        assertThat(checklist.getString("items.find { it.code == 'close-survey' }.dueOn")).isEqualTo("2027-04-21");
        // as of 13 April: the five pre-survey items, monitoring and the day-5 pull are overdue
        assertThat(checklist.getInt("progress.overdue")).isEqualTo(7);
        String checklistId = checklist.getString("id");
        as("avp").get("/api/v1/calendar/deliverables?limit=200&checklistId=" + checklistId).then().statusCode(200)
                .body("items.size()", equalTo(16));
    }

    @Test
    void cycleClosedTicksOffTheCloseOnceUnderRedeliveryAndMilestoneDueTicksNothing() {
        String cycleId = UUID.randomUUID().toString();
        TopicProbe.send(Topics.NPS_CYCLES, CloudEvent.create(EventCatalogue.CYCLE_CREATED, cycleId,
                Json.tree(new CycleCreated(cycleId, "NPS Q4 2029", LocalDate.of(2029, 10, 3), LocalDate.of(2029, 10, 17))), null));
        TopicProbe.send(Topics.NPS_CYCLES, CloudEvent.create(EventCatalogue.CYCLE_MILESTONE_DUE, cycleId,
                Json.tree(new CycleMilestoneDue(cycleId, "NPS Q4 2029", "SURVEY_CLOSE", "Survey closes", LocalDate.of(2029, 10, 17),
                        List.of("marketing"), false)), null));
        Instant closedAt = Instant.parse("2029-10-17T13:00:00Z");
        CloudEvent closed = CloudEvent.create(EventCatalogue.CYCLE_CLOSED, cycleId, Json.tree(new CycleClosed(cycleId,
                "NPS Q4 2029", LocalDate.of(2029, 10, 3), LocalDate.of(2029, 10, 17), closedAt, "system",
                new CycleClosed.Results(0, 0, 0, new CycleClosed.ResponseRate(0.0, 40, false, 1), null, null, null, true,
                        0, 0, 0, null, null, null, null, List.of(), 0, 0))), null);
        TopicProbe.send(Topics.NPS_CYCLES, closed);
        TopicProbe.send(Topics.NPS_CYCLES, closed);
        String url = "/api/v1/calendar/nps-cycles/" + cycleId + "/checklist?asOf=2029-10-18";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            io.restassured.response.Response r = as("avp").get(url);
            return r.statusCode() == 200 && "DONE".equals(r.path("items.find { it.code == 'close-survey' }.status"));
        });
        JsonPath checklist = as("cse").get(url).then().statusCode(200).extract().jsonPath();
        assertThat(checklist.getString("items.find { it.code == 'close-survey' }.completedBy")).isEqualTo("nps-service");
        assertThat(checklist.getString("items.find { it.code == 'close-survey' }.completedAt")).startsWith("2029-10-17T13:00");
        assertThat(checklist.getString("items.find { it.code == 'close-survey' }.note")).contains("system");
        // only the close: the due announcement and the closing say nothing of the other items
        assertThat(checklist.getInt("progress.done")).isEqualTo(1);
        // a later CycleClosed for the same cycle (another event id) changes nothing already done
        TopicProbe.send(Topics.NPS_CYCLES, CloudEvent.create(EventCatalogue.CYCLE_CLOSED, cycleId, Json.tree(new CycleClosed(cycleId,
                "NPS Q4 2029", LocalDate.of(2029, 10, 3), LocalDate.of(2029, 10, 17), closedAt.plusSeconds(3600), "avp",
                new CycleClosed.Results(0, 0, 0, new CycleClosed.ResponseRate(0.0, 40, false, 1), null, null, null, true,
                        0, 0, 0, null, null, null, null, List.of(), 0, 0))), null));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                String.valueOf(as("cse").get(url).<String>path("items.find { it.code == 'close-survey' }.completedAt"))
                        .startsWith("2029-10-17T13:00"));
    }

    @Test
    void ownersTickOffDeliverablesAndProgressCountsThem() {
        String checklistId = npsChecklist("2027-10-06");
        JsonPath checklist = as("cse").get("/api/v1/calendar/checklists/" + checklistId).then().statusCode(200).extract().jsonPath();
        String pull = checklist.getString("items.find { it.code == 'first-non-responder-pull' }.id");
        String evp = checklist.getString("items.find { it.code == 'evp-approval' }.id");
        as("cse").body("{\"note\": \"pulled from HubSpot\"}").post("/api/v1/calendar/deliverables/" + pull + "/complete")
                .then().statusCode(200).body("status", equalTo("DONE")).body("completedBy", equalTo("cse"))
                .body("note", equalTo("pulled from HubSpot"));
        as("cam").body("{}").post("/api/v1/calendar/deliverables/" + pull + "/complete").then().statusCode(409);
        as("cse").body("{}").post("/api/v1/calendar/deliverables/" + evp + "/complete").then().statusCode(403);
        as("marketing").body("{}").post("/api/v1/calendar/deliverables/" + evp + "/complete").then().statusCode(403);
        as("evp").body("{}").post("/api/v1/calendar/deliverables/" + evp + "/complete").then().statusCode(200);
        as("vp").get("/api/v1/calendar/checklists/" + checklistId).then().statusCode(200)
                .body("progress.done", equalTo(2)).body("progress.total", equalTo(16));
        as("cse").body("{\"note\": \"" + "x".repeat(2001) + "\"}").post("/api/v1/calendar/deliverables/" + evp + "/complete")
                .then().statusCode(400);
        anonymous().body("{}").post("/api/v1/calendar/deliverables/" + evp + "/complete").then().statusCode(401);
        asIntegration().body("{}").post("/api/v1/calendar/deliverables/" + evp + "/complete").then().statusCode(403);
        as("cse").body("{}").post("/api/v1/calendar/deliverables/" + UUID.randomUUID() + "/complete").then().statusCode(404);
    }

    @Test
    void dueAndOverdueAsOfADay() {
        String checklistId = npsChecklist("2027-07-07");
        String base = "/api/v1/calendar/deliverables?limit=200&checklistId=" + checklistId;
        // 23 June is T-2 weeks: the pre-survey items are due that day
        as("cse").get(base + "&asOf=2027-06-23&status=OVERDUE").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        List<String> due = as("cse").get(base + "&asOf=2027-06-23&status=DUE&withinDays=1").then().statusCode(200)
                .extract().jsonPath().getList("items.code");
        assertThat(due).containsExactlyInAnyOrder("validate-recipient-lists", "identify-unsubscribed", "contact-unsubscribed",
                "upload-list-to-hubspot", "confirm-survey-configuration");
        List<String> overdue = as("cse").get(base + "&asOf=2027-07-13&status=OVERDUE").then().statusCode(200)
                .extract().jsonPath().getList("items.code");
        assertThat(overdue).hasSize(7).contains("first-non-responder-pull").doesNotContain("reminder-email");
        assertThat(as("cse").get(base + "&asOf=2027-07-13&status=OVERDUE&ownerRole=marketing").then().statusCode(200)
                .extract().jsonPath().getList("items.code")).containsExactlyInAnyOrder("upload-list-to-hubspot",
                "confirm-survey-configuration", "monitor-delivery-rates");
        as("cse").get(base + "&asOf=13-07-2027").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        as("cse").get(base + "&status=LATE").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("cse").get(base + "&withinDays=0").then().statusCode(400).body("errors[0].field", equalTo("withinDays"));
        as("cse").get(base + "&ownerRole=ceo").then().statusCode(400).body("errors[0].field", equalTo("ownerRole"));
        as("cse").get("/api/v1/calendar/deliverables?eventId=nope").then().statusCode(400).body("errors[0].field", equalTo("eventId"));
        anonymous().get(base).then().statusCode(401);
        asIntegration().get(base).then().statusCode(403);
    }

    @Test
    void newlyOverdueItemsPublishDeliverableOverdueOnce() {
        String checklistId = npsChecklist("2028-04-05");
        try (TopicProbe milestones = TopicProbe.watch(Topics.CALENDAR_MILESTONES)) {
            as("vp").post("/api/v1/calendar/scans?asOf=2028-04-11").then().statusCode(200);
            CloudEvent overdue = milestones.awaitEvent(EventCatalogue.DELIVERABLE_OVERDUE.type(), checklistId, Duration.ofSeconds(30));
            assertThat(overdue.data().get("checklistId").asText()).isEqualTo(checklistId);
            as("admin").post("/api/v1/calendar/scans?asOf=2028-04-11").then().statusCode(200);
            long published = milestones.recordsAfter(Duration.ofSeconds(3)).stream()
                    .filter(r -> checklistId.equals(r.key())).count();
            // pre-survey (5), monitoring (day 1) and the day-5 pull: overdue on 11 April, each announced once
            assertThat(published).isEqualTo(7);
        }
        anonymous().post("/api/v1/calendar/scans").then().statusCode(401);
        as("avp").post("/api/v1/calendar/scans").then().statusCode(403);
        as("vp").post("/api/v1/calendar/scans?asOf=soon").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void aSeedMilestoneComingUpPublishesCalendarMilestoneDue() {
        JsonPath review = as("vp").get("/api/v1/calendar/events?type=SEGMENTATION_REVIEW&from=2026-06-01&to=2026-06-30")
                .then().statusCode(200).extract().jsonPath();
        String eventId = review.getString("items[0].id");
        try (TopicProbe milestones = TopicProbe.watch(Topics.CALENDAR_MILESTONES)) {
            as("vp").post("/api/v1/calendar/scans?asOf=2026-06-08").then().statusCode(200);
            CloudEvent due = TopicProbe.validated(milestones.awaitRecord(r -> eventId.equals(r.key())
                    && r.value().contains("finalised-segmentation"), Duration.ofSeconds(30)));
            assertThat(due.type()).isEqualTo(EventCatalogue.CALENDAR_MILESTONE_DUE.type());
            assertThat(due.data().get("startsOn").asText()).isEqualTo("2026-06-12");
            assertThat(due.data().get("eventTitle").asText()).isEqualTo("Segmentation Model Review");
        }
    }

    @Test
    void anEventsDeliverablesAreTrackedWithProgress() {
        String compass = as("avp").get("/api/v1/calendar/events?type=ACCOUNT_PLANNING&from=2026-01-21&to=2026-01-21")
                .then().statusCode(200).extract().path("items[0].id");
        as("cse").get("/api/v1/calendar/events/" + compass + "/checklists?asOf=2026-01-20").then().statusCode(200)
                .body("[0].template", equalTo("EVENT_DELIVERABLES"))
                .body("[0].progress.total", equalTo(5))
                .body("[0].progress.overdue", equalTo(0))
                .body("[0].items.title", hasItem("Risk register with mitigation plans"))
                .body("[0].items[0].dueOn", equalTo("2026-01-23"));
        as("cse").get("/api/v1/calendar/events/" + UUID.randomUUID() + "/checklists").then().statusCode(404);
        asIntegration().get("/api/v1/calendar/events/" + compass + "/checklists").then().statusCode(403);
    }

    @Test
    void accountPlanChecklistsArePerClientAndRowLevel() {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/calendar/activities?clientId=" + clientId).statusCode() == 200);
        String body = "{\"template\": \"ACCOUNT_PLAN\", \"kind\": \"QUARTERLY\", \"clientId\": \"" + clientId
                + "\", \"anchorDate\": \"2027-03-01\"}";
        String id = as("cse").header("Idempotency-Key", "plan-" + clientId).body(body).post("/api/v1/calendar/checklists")
                .then().statusCode(201).body("progress.total", equalTo(6)).body("kind", equalTo("QUARTERLY"))
                .extract().path("id");
        as("cse").header("Idempotency-Key", "plan-" + clientId).body(body).post("/api/v1/calendar/checklists")
                .then().statusCode(201).body("id", equalTo(id));
        as("cam").get("/api/v1/calendar/checklists/" + id).then().statusCode(200);
        as("cse2").get("/api/v1/calendar/checklists/" + id).then().statusCode(404);
        as("cse2").body(body).post("/api/v1/calendar/checklists").then().statusCode(404);
        as("marketing").body(body).post("/api/v1/calendar/checklists").then().statusCode(403);
        anonymous().body(body).post("/api/v1/calendar/checklists").then().statusCode(401);
        assertThat(as("cse2").get("/api/v1/calendar/deliverables?limit=200&checklistId=" + id).then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        // bad input: field errors, nothing stored
        as("avp").body("{\"template\": \"ACCOUNT_PLAN\", \"anchorDate\": \"2027-03-01\"}").post("/api/v1/calendar/checklists")
                .then().statusCode(400).body("errors.field", hasItem("kind")).body("errors.field", hasItem("clientId"));
        as("avp").body("{\"template\": \"BIRTHDAY\", \"anchorDate\": \"2027-03-01\"}").post("/api/v1/calendar/checklists")
                .then().statusCode(400).body("errors[0].field", equalTo("template"));
        as("avp").body("{\"template\": \"NPS_CYCLE\"}").post("/api/v1/calendar/checklists")
                .then().statusCode(400).body("errors[0].field", equalTo("anchorDate"));
        as("avp").body("{\"template\": \"NPS_CYCLE\", \"anchorDate\": \"2027-03-01\", \"extra\": 1}").post("/api/v1/calendar/checklists")
                .then().statusCode(400);
    }

    private static String npsChecklist(String openDate) {
        return as("avp").body("{\"template\": \"NPS_CYCLE\", \"anchorDate\": \"" + openDate + "\", \"name\": \"Test " + UUID.randomUUID() + "\"}")
                .post("/api/v1/calendar/checklists").then().statusCode(201).extract().path("id");
    }
}
