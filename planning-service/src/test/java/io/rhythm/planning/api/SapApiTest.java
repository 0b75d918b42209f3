package io.rhythm.planning.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.SatisfactionActionPlanNoLongerRequired;
import io.rhythm.platform.events.payload.SatisfactionActionPlanRequired;
import io.rhythm.platform.events.payload.SegmentMigrated;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import io.rhythm.planning.service.SapOverdueScan;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SapApiTest {

    @Inject
    SapOverdueScan overdue;

    @Test
    void aRedeliveredSapRequirementDraftsOnePlanThatRunsOnTheSeedsCadence() throws InterruptedException {
        String clientId = TestClients.publishNew("SAP " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/plans?clientId=" + clientId).statusCode() == 200);
        CloudEvent required = segment(clientId, "NURTURE", true);
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, required);
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, required);                   // redelivered
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, segment(clientId, "MAINTAIN", true)); // another migration, still required
        await().atMost(Duration.ofSeconds(30)).until(() -> "MAINTAIN".equals(
                as("cse").get("/api/v1/plans/saps?clientId=" + clientId).path("items[0].segment")));
        String sapId = as("cse").get("/api/v1/plans/saps?clientId=" + clientId).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("DRAFT")).body("items[0].owner", equalTo("cse"))
                .extract().path("items[0].id");

        // access
        as("cse2").get("/api/v1/plans/saps/" + sapId).then().statusCode(404);
        as("cse2").get("/api/v1/plans/saps?clientId=" + clientId).then().statusCode(200).body("items", hasSize(0));
        as("cam").get("/api/v1/plans/saps").then().statusCode(200).body("items.id", hasItem(sapId));
        as("cse2").get("/api/v1/plans/saps").then().statusCode(200).body("items.id", not(hasItem(sapId)));
        as("marketing").get("/api/v1/plans/saps").then().statusCode(403);
        anonymous().get("/api/v1/plans/saps").then().statusCode(401);

        // an action from the template; activation needs one
        as("cse").header("If-Match", "\"v0\"").post("/api/v1/plans/saps/" + sapId + "/activate?asOf=2026-01-31").then().statusCode(409);
        String bad = "{\"description\":\"x\",\"businessFunction\":\"\",\"accountable\":[],\"timeframe\":\"Q2\","
                + "\"successCriteria\":\"y\",\"measurementMethod\":\"z\"}";
        as("cse").body(bad).post("/api/v1/plans/saps/" + sapId + "/actions").then().statusCode(400)
                .body("errors.field", hasItem("businessFunction")).body("errors.field", hasItem("accountable"));
        as("marketing").body(action(null)).post("/api/v1/plans/saps/" + sapId + "/actions").then().statusCode(403);
        as("cse2").body(action(null)).post("/api/v1/plans/saps/" + sapId + "/actions").then().statusCode(404);
        String key = UUID.randomUUID().toString();
        String actionId = as("cse").header("Idempotency-Key", key).body(action(null)).post("/api/v1/plans/saps/" + sapId + "/actions")
                .then().statusCode(201).body("accountable", hasSize(2)).body("reviewDates[0]", equalTo("2026-04-30"))
                .extract().path("id");
        as("cse").header("Idempotency-Key", key).body(action(null)).post("/api/v1/plans/saps/" + sapId + "/actions")
                .then().statusCode(201).body("id", equalTo(actionId));

        as("cse").post("/api/v1/plans/saps/" + sapId + "/activate").then().statusCode(428);
        as("cse").header("If-Match", "\"v0\"").post("/api/v1/plans/saps/" + sapId + "/activate?asOf=2026-01-31").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("nextUpdateDue", equalTo("2026-02-28"))
                .body("nextReviewDue", equalTo("2026-04-30"));

        // the work list shows it overdue once the monthly update is missed
        as("cse").get("/api/v1/plans/saps?overdueOnly=true&asOf=2026-02-28").then().statusCode(200).body("items.id", not(hasItem(sapId)));
        as("cse").get("/api/v1/plans/saps?overdueOnly=true&asOf=2026-03-01").then().statusCode(200)
                .body("items.find { it.id == '" + sapId + "' }.updateOverdue", equalTo(true))
                .body("items.find { it.id == '" + sapId + "' }.reviewOverdue", equalTo(false));
        as("cse").body("{\"kind\":\"WEEKLY\",\"onDate\":\"2026-02-20\",\"note\":\"n\"}").post("/api/v1/plans/saps/" + sapId + "/progress")
                .then().statusCode(400).body("errors.field", hasItem("kind"));
        as("cse").body("{\"kind\":\"UPDATE\",\"onDate\":\"2026-02-20\",\"note\":\"Backlog 14 -> 6\",\"actionId\":\"" + actionId + "\"}")
                .post("/api/v1/plans/saps/" + sapId + "/progress").then().statusCode(200)
                .body("nextUpdateDue", equalTo("2026-03-20")).body("updateOverdue", equalTo(false));
        as("cse").get("/api/v1/plans/saps/" + sapId).then().statusCode(200).body("progress", hasSize(1))
                .body("actions", hasSize(1)).header("ETag", "\"v2\"");

        // leaving the SAP segments flags the plan, it does not close it
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, segment(clientId, "LEVERAGE", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(
                as("cse").get("/api/v1/plans/saps/" + sapId).path("stillRequired")));
        as("cse").get("/api/v1/plans/saps/" + sapId).then().body("status", equalTo("ACTIVE"));

        // closing needs every success criterion assessed
        as("cse").header("If-Match", "\"v2\"").body("{\"summary\":\"done\"}").post("/api/v1/plans/saps/" + sapId + "/close")
                .then().statusCode(409);
        as("cse").header("If-Match", "\"v0\"").body(action("MET")).put("/api/v1/plans/saps/" + sapId + "/actions/" + actionId)
                .then().statusCode(200).body("assessment", equalTo("MET"));
        as("cse").header("If-Match", "\"v1\"").body("{\"summary\":\"done\"}").post("/api/v1/plans/saps/" + sapId + "/close")
                .then().statusCode(412);
        as("cse").header("If-Match", "\"v2\"").body("{\"summary\":\"NPS back to 8\"}").post("/api/v1/plans/saps/" + sapId + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        as("cse").get("/api/v1/plans/saps?clientId=" + clientId).then().body("items", hasSize(0));
        as("cse").get("/api/v1/plans/saps?clientId=" + clientId + "&includeClosed=true").then().body("items", hasSize(1));
    }

    @Test
    void segmentationsSapEventsAndTheirSegmentMigratedTwinDraftOnePlanEvenAfterItCloses() {
        String clientId = TestClients.publishNew("SAP pair " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/plans?clientId=" + clientId).statusCode() == 200);
        Instant entered = Instant.parse("2026-03-02T01:00:00Z");
        String migrationId = UUID.randomUUID().toString();
        CloudEvent required = CloudEvent.create(EventCatalogue.SATISFACTION_ACTION_PLAN_REQUIRED, clientId, Json.tree(
                new SatisfactionActionPlanRequired(clientId, "SLEEPING_GIANTS", "LEVERAGE", "satisfaction fell to 58",
                        migrationId, entered)), null);
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, required);
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, required); // redelivered
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, migrated(clientId, "SLEEPING_GIANTS", true, entered)); // its twin
        await().atMost(Duration.ofSeconds(30)).until(() -> as("cse").get("/api/v1/plans/saps?clientId=" + clientId)
                .<List<String>>path("items.id").size() == 1);
        String sapId = as("cse").get("/api/v1/plans/saps?clientId=" + clientId).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("DRAFT"))
                .body("items[0].segment", equalTo("SLEEPING_GIANTS")).body("items[0].stillRequired", equalTo(true))
                .extract().path("items[0].id");

        // closed; the same entry published again (a new event id, e.g. a producer retry) drafts nothing new
        as("cse").body(action("MET")).post("/api/v1/plans/saps/" + sapId + "/actions").then().statusCode(201);
        as("cse").header("If-Match", "\"v0\"").body("{\"summary\":\"done\"}").post("/api/v1/plans/saps/" + sapId + "/close")
                .then().statusCode(200);
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, CloudEvent.create(EventCatalogue.SATISFACTION_ACTION_PLAN_REQUIRED, clientId,
                required.data(), null));
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, migrated(clientId, "SLEEPING_GIANTS", true, entered));
        // a later entry (another migration) does draft a new plan; leaving flags it
        Instant again = entered.plusSeconds(86_400 * 30);
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, CloudEvent.create(EventCatalogue.SATISFACTION_ACTION_PLAN_REQUIRED, clientId,
                Json.tree(new SatisfactionActionPlanRequired(clientId, "MAINTAIN", "LEVERAGE", "spend fell", UUID.randomUUID().toString(),
                        again)), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("cse").get("/api/v1/plans/saps?clientId=" + clientId)
                .<List<String>>path("items.id").size() == 1);
        as("cse").get("/api/v1/plans/saps?clientId=" + clientId + "&includeClosed=true").then().statusCode(200)
                .body("items", hasSize(2)).body("items.find { it.status == 'DRAFT' }.segment", equalTo("MAINTAIN"));
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, CloudEvent.create(EventCatalogue.SATISFACTION_ACTION_PLAN_NO_LONGER_REQUIRED,
                clientId, Json.tree(new SatisfactionActionPlanNoLongerRequired(clientId, "COLLABORATE", "MAINTAIN", "recovered",
                        UUID.randomUUID().toString(), again.plusSeconds(86_400))), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(
                as("cse").get("/api/v1/plans/saps?clientId=" + clientId).path("items[0].stillRequired")));
        as("cse").get("/api/v1/plans/saps?clientId=" + clientId).then().body("items[0].status", equalTo("DRAFT"))
                .body("items[0].segment", equalTo("COLLABORATE"));
        as("cse").get("/api/v1/plans/saps?clientId=" + clientId + "&includeClosed=true").then().body("items", hasSize(2));
    }

    @Test
    void aMissedMonthlyUpdateAndQuarterlyReviewArePublishedOnceEach() {
        String clientId = TestClients.publishNew("SAP overdue " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/plans?clientId=" + clientId).statusCode() == 200);
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, CloudEvent.create(EventCatalogue.SATISFACTION_ACTION_PLAN_REQUIRED, clientId,
                Json.tree(new SatisfactionActionPlanRequired(clientId, "NURTURE", null, "first assignment",
                        UUID.randomUUID().toString(), Instant.now())), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("cse").get("/api/v1/plans/saps?clientId=" + clientId)
                .<List<String>>path("items.id").size() == 1);
        String sapId = as("cse").get("/api/v1/plans/saps?clientId=" + clientId).path("items[0].id");
        as("cse").body(action(null)).post("/api/v1/plans/saps/" + sapId + "/actions").then().statusCode(201);
        // activated in 2030: nothing is due before then, so only this test's scans can report it
        as("cse").header("If-Match", "\"v0\"").post("/api/v1/plans/saps/" + sapId + "/activate?asOf=2030-01-31").then()
                .statusCode(200).body("nextUpdateDue", equalTo("2030-02-28")).body("nextReviewDue", equalTo("2030-04-30"));
        try (TopicProbe plans = TopicProbe.watch(Topics.PLANNING_PLANS)) {
            overdue.notifyOverdue(LocalDate.parse("2030-02-28"));   // due today: not overdue yet
            overdue.notifyOverdue(LocalDate.parse("2030-03-01"));
            CloudEvent update = plans.awaitEvent(EventCatalogue.SATISFACTION_ACTION_PLAN_OVERDUE.type(), clientId, Duration.ofSeconds(30));
            assertThat(update.data().get("sapId").asText()).isEqualTo(sapId);
            assertThat(update.data().get("kind").asText()).isEqualTo("UPDATE");
            assertThat(update.data().get("dueOn").asText()).isEqualTo("2030-02-28");
            assertThat(update.data().get("owner").asText()).isEqualTo("cse");
            overdue.notifyOverdue(LocalDate.parse("2030-03-02"));   // the same missed update: not again
            overdue.notifyOverdue(LocalDate.parse("2030-05-01"));   // now the quarterly review too
            List<String> kinds = plans.recordsAfter(Duration.ofSeconds(4)).stream().filter(r -> clientId.equals(r.key()))
                    .map(TopicProbe::validated)
                    .filter(e -> e.type().equals(EventCatalogue.SATISFACTION_ACTION_PLAN_OVERDUE.type()))
                    .map(e -> e.data().get("kind").asText() + " " + e.data().get("dueOn").asText()).toList();
            assertThat(kinds).containsExactly("UPDATE 2030-02-28", "REVIEW 2030-04-30");
        }
        as("cse").get("/api/v1/plans/saps?overdueOnly=true&asOf=2030-03-01").then().statusCode(200).body("items.id", hasItem(sapId));
    }

    private static CloudEvent migrated(String clientId, String to, boolean sapRequired, Instant effectiveAt) {
        return CloudEvent.create(EventCatalogue.SEGMENT_MIGRATED, clientId, Json.tree(new SegmentMigrated(clientId, "LEVERAGE", to,
                "reassessment", sapRequired, "segmentation", 1, "INPUT", null, effectiveAt)), null);
    }

    static CloudEvent segment(String clientId, String to, boolean sapRequired) {
        return CloudEvent.create(EventCatalogue.SEGMENT_MIGRATED, clientId,
                Json.tree(new SegmentMigrated(clientId, null, to, "quarterly reassessment", sapRequired, "segmentation")), null);
    }

    static String action(String assessment) {
        return "{\"description\":\"Fix the interface backlog\",\"businessFunction\":\"Product Support\","
                + "\"accountable\":[\"cse\",\"Head of Support\"],\"timeframe\":\"Q2 2026\",\"dueDate\":\"2026-06-30\","
                + "\"successCriteria\":\"No open P1 tickets for 60 days\",\"measurementMethod\":\"Ticket report\","
                + "\"reviewDates\":[\"2026-05-31\",\"2026-04-30\"]"
                + (assessment == null ? "" : ",\"assessment\":\"" + assessment + "\"") + "}";
    }
}
