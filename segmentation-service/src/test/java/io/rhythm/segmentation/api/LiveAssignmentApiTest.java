package io.rhythm.segmentation.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import io.rhythm.segmentation.service.SegmentEngine;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class LiveAssignmentApiTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SegmentEngine engine;

    @Test
    void inputsAssignLiveWithTheConfirmationRuleAndRedeliveryChangesNothing() throws Exception {
        String clientId = Events.client("Live " + UUID.randomUUID(), "cse", "cam", "2000000.00");
        as("avp").get("/api/v1/segments/clients/" + clientId).then().statusCode(200)
                .body("segment", equalTo("UNASSIGNED"))
                .body("assessment.reason", equalTo("no satisfaction input: no NPS answer in the last 365 days and no health score"));

        try (TopicProbe migrations = TopicProbe.watch(Topics.SEGMENT_MIGRATIONS)) {
            CloudEvent health = Events.health(clientId, 90, Instant.now());
            CloudEvent first = migrations.awaitEvent(EventCatalogue.SEGMENT_MIGRATED.type(), clientId, Duration.ofSeconds(30));
            assertThat(first.data().get("toSegment").asText()).isEqualTo("GIANTS");
            assertThat(first.data().get("fromSegment").isNull()).isTrue();
            assertThat(first.data().get("cause").asText()).isEqualTo("INPUT");
            assertThat(first.data().get("causeEventId").asText()).isEqualTo(health.id());
            assertThat(first.data().get("modelVersion").asInt()).isEqualTo(1);
            assertThat(first.data().get("assignedBy").asText()).isEqualTo("system");

            // NPS 9 and health 90: satisfaction 90, still Giants
            CloudEvent promoter = Events.nps(clientId, 9);
            awaitProcessed("segment-nps-input", promoter.id());
            // one detractor: mean 5.5 → 0.6 × 55 + 0.4 × 90 = 69, MODERATE × HIGH = Sleeping Giants, not yet confirmed
            CloudEvent detractor = Events.nps(clientId, 2);
            awaitProcessed("segment-nps-input", detractor.id());
            as("cse").get("/api/v1/segments/clients/" + clientId).then().statusCode(200)
                    .body("segment", equalTo("GIANTS")).body("assessment.computedSegment", equalTo("SLEEPING_GIANTS"))
                    .body("assessment.pendingSegment", equalTo("SLEEPING_GIANTS")).body("assessment.pendingCount", equalTo(1))
                    .body("strategy.csStrategy", equalTo("Deepen executive alignment"));

            // the same event again (redelivery) changes nothing: not counted as a second confirmation
            TopicProbe.send(Topics.NPS_RESPONSES, detractor);
            CloudEvent marker = Events.activity(clientId, "EMAIL", LocalDate.now());
            awaitProcessed("activity-register", marker.id());
            Thread.sleep(1500);
            as("cse").get("/api/v1/segments/clients/" + clientId).then()
                    .body("segment", equalTo("GIANTS")).body("assessment.pendingCount", equalTo(1));

            // a second answer in the same cell confirms: mean 4.67 → 28 + 36 = 64 → Sleeping Giants
            CloudEvent second = Events.nps(clientId, 3);
            CloudEvent moved = TopicProbe.validated(migrations.awaitRecord(r -> clientId.equals(r.key())
                    && r.value().contains("\"toSegment\":\"SLEEPING_GIANTS\""), Duration.ofSeconds(30)));
            assertThat(moved.data().get("fromSegment").asText()).isEqualTo("GIANTS");
            assertThat(moved.data().get("sapRequired").asBoolean()).isTrue();
            assertThat(moved.data().get("causeEventId").asText()).isEqualTo(second.id());
            CloudEvent sap = migrations.awaitEvent(EventCatalogue.SATISFACTION_ACTION_PLAN_REQUIRED.type(), clientId, Duration.ofSeconds(30));
            assertThat(sap.data().get("segment").asText()).isEqualTo("SLEEPING_GIANTS");
        }
        JsonPath view = as("cse").get("/api/v1/segments/clients/" + clientId).then().statusCode(200)
                .body("segment", equalTo("SLEEPING_GIANTS")).body("sapRequired", equalTo(true))
                .body("assessment.pendingSegment", nullValue())
                .extract().jsonPath();
        assertThat(view.getList("history.segment")).containsExactly("SLEEPING_GIANTS", "GIANTS");
        assertThat(view.getString("assessment.reason")).contains("satisfaction 64.00 MODERATE").contains("spend 2000000.00 AUD HIGH");

        as("avp").queryParam("sapRequired", true).queryParam("owner", "cse").queryParam("limit", 200)
                .get("/api/v1/segments/assignments").then().statusCode(200);
        as("cse").get("/api/v1/segments/satisfaction-action-plans/required?limit=200").then().statusCode(200);
        as("cse2").get("/api/v1/segments/clients/" + clientId).then().statusCode(404);
    }

    @Test
    void aRevenueChangeReassessesAndAnOverrideHoldsUntilItExpires() {
        String clientId = Events.client("Revenue " + UUID.randomUUID(), "cse", "cam", "100000.00");
        CloudEvent health = Events.health(clientId, 90, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "LEVERAGE".equals(segment(clientId)));
        // revenue grows to 500k: Collaborate once confirmed (two consecutive assessments: revenue, then a health score)
        Events.client(clientId, "Revenue grown", "cse", "cam", "500000.00", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COLLABORATE".equals(as("avp").get("/api/v1/segments/clients/" + clientId)
                .jsonPath().getString("assessment.pendingSegment")));
        assertThat(segment(clientId)).isEqualTo("LEVERAGE"); // one assessment is not enough
        Events.health(clientId, 91, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "COLLABORATE".equals(segment(clientId)));

        // override by an AVP, back-dated, expiring; a CSE may not
        as("cse").body(Events.override(clientId, "Maintain", "x", null, null)).post("/api/v1/segments/assignments")
                .then().statusCode(403);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        as("avp").body(Events.override(clientId, "Sleeping Giant", "Executive sponsor left", today.minusDays(10).toString(),
                        today.plusDays(30).toString()))
                .post("/api/v1/segments/assignments").then().statusCode(201)
                .body("segment", equalTo("SLEEPING_GIANTS")).body("cause", equalTo("OVERRIDE"))
                .body("effectiveAt", equalTo(today.minusDays(10) + "T00:00:00Z"));
        // inputs keep flowing, the override holds and is shown
        Events.health(clientId, 92, Instant.now());
        Events.health(clientId, 93, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/segments/clients/" + clientId)
                .jsonPath().getFloat("assessment.satisfaction") == 93f);
        as("cse").get("/api/v1/segments/clients/" + clientId).then().body("segment", equalTo("SLEEPING_GIANTS"))
                .body("override.reason", equalTo("Executive sponsor left")).body("override.by", equalTo("avp"))
                .body("assessment.computedSegment", equalTo("COLLABORATE"));
        as("avp").queryParam("overridden", true).queryParam("owner", "cse").queryParam("limit", 200)
                .get("/api/v1/segments/assignments").then().statusCode(200).body("items.clientId", hasItem(clientId));

        // when it expires, the computed segment returns as a migration
        engine.expireOverrides(today.plusDays(30));
        as("cse").get("/api/v1/segments/clients/" + clientId).then().body("segment", equalTo("COLLABORATE"))
                .body("override", nullValue()).body("current.cause", equalTo("OVERRIDE_EXPIRED"))
                .body("current.fromSegment", equalTo("SLEEPING_GIANTS"));
        assertThat(health.id()).isNotBlank();
    }

    @Test
    void aFutureOverrideIsScheduledAndTheDailyJobStartsItOnItsDay() {
        String clientId = Events.client("Scheduled " + UUID.randomUUID(), "cse", "cam", "100000.00");
        Events.health(clientId, 90, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "LEVERAGE".equals(segment(clientId)));
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        LocalDate from = today.plusDays(7);

        as("cse").body(Events.override(clientId, "Maintain", "x", from.toString(), null)).post("/api/v1/segments/assignments")
                .then().statusCode(403);
        as("avp").body(Events.override(clientId, "Maintain", "Renewal at risk from next week", from.toString(),
                        from.plusDays(30).toString()))
                .post("/api/v1/segments/assignments").then().statusCode(202)
                .body("segment", equalTo("LEVERAGE")).body("override.segment", equalTo("MAINTAIN"))
                .body("override.effectiveFrom", equalTo(from.toString())).body("current.cause", not(equalTo("OVERRIDE")));

        // the day before, the job starts nothing and inputs still move the computed segment
        engine.applyDueOverrides(from.minusDays(1));
        as("cse").get("/api/v1/segments/clients/" + clientId).then().body("segment", equalTo("LEVERAGE"))
                .body("override.reason", equalTo("Renewal at risk from next week")).body("history", hasSize(1));

        // on its day it becomes a migration effective that day; running the job again changes nothing
        engine.applyDueOverrides(from);
        engine.applyDueOverrides(from.plusDays(1));
        as("cse").get("/api/v1/segments/clients/" + clientId).then().body("segment", equalTo("MAINTAIN"))
                .body("current.cause", equalTo("OVERRIDE")).body("current.fromSegment", equalTo("LEVERAGE"))
                .body("current.effectiveAt", equalTo(from + "T00:00:00Z")).body("current.assignedBy", equalTo("avp"))
                .body("history", hasSize(2));

        // and it expires like any override: the computed segment returns
        engine.expireOverrides(from.plusDays(30));
        as("cse").get("/api/v1/segments/clients/" + clientId).then().body("segment", equalTo("LEVERAGE"))
                .body("override", nullValue()).body("current.cause", equalTo("OVERRIDE_EXPIRED"));
    }

    @Test
    void aClientThatSitsFourteenDaysInANewCellIsMovedByTheDailyPassEffectiveWhenTheDaysWereUp() throws Exception {
        // the default model confirms by two consecutive inputs or 14 days in the new cell, whichever comes first
        as("cse").get("/api/v1/segments/models/1").then().body("model.confirmation.consecutiveInputs", equalTo(2))
                .body("model.confirmation.days", equalTo(14));
        String quiet = Events.client("Quiet " + UUID.randomUUID(), "cse", "cam", "2000000.00");
        Events.health(quiet, 90, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "GIANTS".equals(segment(quiet)));
        // one detractor: 0.6 × 20 + 0.4 × 90 = 48, LOW × HIGH = Nurture, waiting for confirmation
        awaitProcessed("segment-nps-input", Events.nps(quiet, 2).id());
        as("cse").get("/api/v1/segments/clients/" + quiet).then().body("segment", equalTo("GIANTS"))
                .body("assessment.pendingSegment", equalTo("NURTURE")).body("assessment.pendingCount", equalTo(1))
                .body("assessment.pendingSince", not(nullValue()));
        // thirteen days later the daily pass moves nobody; fifteen days later it moves the quiet client
        Instant since = Instant.now().minus(Duration.ofDays(13)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        setPendingSince(quiet, since);
        engine.confirmPendingMoves(Instant.now());
        assertThat(segment(quiet)).isEqualTo("GIANTS");
        since = since.minus(Duration.ofDays(2));
        setPendingSince(quiet, since);
        try (TopicProbe migrations = TopicProbe.watch(Topics.SEGMENT_MIGRATIONS)) {
            engine.confirmPendingMoves(Instant.now());
            CloudEvent moved = TopicProbe.validated(migrations.awaitRecord(r -> quiet.equals(r.key())
                    && r.value().contains("\"toSegment\":\"NURTURE\""), Duration.ofSeconds(30)));
            assertThat(moved.data().get("fromSegment").asText()).isEqualTo("GIANTS");
            assertThat(moved.data().get("cause").asText()).isEqualTo("INPUT");
            assertThat(Instant.parse(moved.data().get("effectiveAt").asText())).isEqualTo(since.plus(Duration.ofDays(14)));
            as("cse").get("/api/v1/segments/clients/" + quiet).then().body("segment", equalTo("NURTURE"))
                    .body("assessment.pendingSegment", nullValue()).body("current.reason", org.hamcrest.Matchers.startsWith("confirmed after 14 days"));
            // the daily pass again changes nothing
            assertThat(engine.confirmPendingMoves(Instant.now())).isZero();
        }
    }

    @Test
    void anInputAfterTheDaysAreUpConfirmsTheMoveEffectiveWhenTheDaysWereUp() throws Exception {
        String clientId = Events.client("Late input " + UUID.randomUUID(), "cse", "cam", "2000000.00");
        Events.health(clientId, 90, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "GIANTS".equals(segment(clientId)));
        awaitProcessed("segment-nps-input", Events.nps(clientId, 2).id());
        Instant since = Instant.now().minus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        setPendingSince(clientId, since);
        // a second detractor: mean 2.5 → 0.6 × 25 + 36 = 51, still Nurture; by days (20 ≥ 14) before the count (2)
        Events.nps(clientId, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> "NURTURE".equals(segment(clientId)));
        as("cse").get("/api/v1/segments/clients/" + clientId).then()
                .body("current.effectiveAt", equalTo(since.plus(Duration.ofDays(14)).toString()))
                .body("current.cause", equalTo("INPUT"));
    }

    @Test
    void anOverrideIntoTheSegmentTheClientIsInIsRecordedAndBackDatesTheRegister() {
        String clientId = Events.client("Pinned " + UUID.randomUUID(), "cse", "cam", "100000.00");
        Events.health(clientId, 90, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "LEVERAGE".equals(segment(clientId)));
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        // entered Leverage today: nothing is due yet (quarterly and bi-annual cadences)
        assertThat(registerOf(clientId, today).getInt("counts.overdue")).isZero();

        LocalDate from = today.minusDays(100);
        as("avp").body(Events.override(clientId, "Leverage", "Leverage since the account review", from.toString(), null))
                .post("/api/v1/segments/assignments").then().statusCode(201)
                .body("segment", equalTo("LEVERAGE")).body("fromSegment", equalTo("LEVERAGE")).body("cause", equalTo("OVERRIDE"))
                .body("effectiveAt", equalTo(from + "T00:00:00Z"));
        as("cse").get("/api/v1/segments/clients/" + clientId).then().body("segment", equalTo("LEVERAGE"))
                .body("since", equalTo(from + "T00:00:00Z")).body("override.reason", equalTo("Leverage since the account review"))
                .body("history", hasSize(2)).body("history[0].cause", equalTo("OVERRIDE"));
        // Leverage's cadences counted from 100 days ago: the quarterly ones (partnership meetings, service reviews,
        // QBRs) fell due about ten days ago, the bi-annual ones (health check, executive engagement) are ahead
        JsonPath register = registerOf(clientId, today);
        assertThat(register.getInt("counts.overdue")).isEqualTo(3);
        assertThat(register.getInt("counts.compliant")).isEqualTo(2);
        assertThat(register.getString("items.find { it.activityType == 'QBR' }.nextDue")).isEqualTo(from.plusMonths(3).toString());
        // and on a day between the override's start and today the client was already in Leverage
        assertThat(registerOf(clientId, from.plusDays(1)).getString("segment")).isEqualTo("LEVERAGE");
        // an override starting after the client entered the segment does not move the entry later
        as("avp").body(Events.override(clientId, "Leverage", "Confirmed", today.minusDays(5).toString(), null))
                .post("/api/v1/segments/assignments").then().statusCode(201).body("effectiveAt", equalTo(from + "T00:00:00Z"));
        assertThat(registerOf(clientId, today).getInt("counts.overdue")).isEqualTo(3);
    }

    private static JsonPath registerOf(String clientId, LocalDate asOf) {
        JsonPath all = as("avp").queryParam("asOf", asOf.toString()).queryParam("groupBy", "client")
                .get("/api/v1/activity-register/compliance").then().statusCode(200).extract().jsonPath();
        return new JsonPath(io.rhythm.platform.events.Json.tree(all.getMap("groups.find { it.key == '" + clientId + "' }")).toString());
    }

    private void setPendingSince(String clientId, Instant since) throws Exception {
        try (var c = dataSource.getConnection();
             var u = c.prepareStatement("update client_segment_state set pending_since = ? where client_id = ?")) {
            u.setObject(1, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            u.setObject(2, UUID.fromString(clientId));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aScheduledOverrideCannotReplaceOneInForce() {
        String clientId = Events.client("In force " + UUID.randomUUID(), "cse", "cam", "100000.00");
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        as("avp").body(Events.override(clientId, "Giants", "Board decision", today.toString(), null))
                .post("/api/v1/segments/assignments").then().statusCode(201);
        as("avp").body(Events.override(clientId, "Maintain", "Later", today.plusDays(3).toString(), null))
                .post("/api/v1/segments/assignments").then().statusCode(409);
        as("avp").get("/api/v1/segments/clients/" + clientId).then().body("segment", equalTo("GIANTS"))
                .body("override.reason", equalTo("Board decision"));
    }

    @Test
    void overrideInputIsValidated() {
        String clientId = Events.client("Validated " + UUID.randomUUID(), "cse", "cam", "100000.00");
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        as("avp").body(Events.override(clientId, "MAINTAIN", "x", today.plusDays(10).toString(), today.plusDays(5).toString()))
                .post("/api/v1/segments/assignments").then().statusCode(400).body("errors.field", hasItem("expiresOn"));
        as("avp").body(Events.override(clientId, "MAINTAIN", "x", today.minusDays(5).toString(), today.minusDays(1).toString()))
                .post("/api/v1/segments/assignments").then().statusCode(400).body("errors.field", hasItem("expiresOn"));
        as("avp").body("{\"clientId\": \"" + clientId + "\", \"segment\": \"MAINTAIN\", \"reason\": \"x\", \"colour\": \"red\"}")
                .post("/api/v1/segments/assignments").then().statusCode(400);
        as("avp").get("/api/v1/segments/clients/" + clientId).then().body("current", nullValue());
        as("avp").get("/api/v1/segments/assignments?segment=Dormant").then().statusCode(400).body("errors[0].field", equalTo("segment"));
        as("avp").get("/api/v1/segments/assignments?limit=0").then().statusCode(400);
    }

    private static String segment(String clientId) {
        return as("avp").get("/api/v1/segments/clients/" + clientId).jsonPath().getString("segment");
    }

    private void awaitProcessed(String consumer, String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var c = dataSource.getConnection();
                 var q = c.prepareStatement("select 1 from rhythm_processed_event where consumer = ? and event_id = ?")) {
                q.setString(1, consumer);
                q.setString(2, eventId);
                try (var rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
