package io.rhythm.segmentation.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RegisterAndConcentrationApiTest {

    @jakarta.inject.Inject
    io.rhythm.segmentation.service.RegisterScan scan;
    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private String owner;
    private String maintain;
    private String giants;

    /** Two clients of cse (CAM: a name unique to this test), overridden from 1 January 2026, with held activities. */
    @BeforeEach
    void portfolio() {
        owner = "cam-" + UUID.randomUUID();
        maintain = Events.client("Maintain " + UUID.randomUUID(), "cse", owner, "2100000.00");
        giants = Events.client("Giants " + UUID.randomUUID(), "cse", owner, "7900000.00");
        as("avp").body(Events.override(maintain, "MAINTAIN", "Register test", "2026-01-01", null)).post("/api/v1/segments/assignments")
                .then().statusCode(201);
        as("avp").body(Events.override(giants, "Giant", "Register test", "2026-01-01", null)).post("/api/v1/segments/assignments")
                .then().statusCode(201);
        Events.activity(maintain, "MEETING", LocalDate.of(2026, 6, 20));
        Events.activity(maintain, "QBR", LocalDate.of(2026, 3, 15));
        Events.activity(maintain, "MEETING", LocalDate.of(2026, 7, 5)); // after asOf: does not count then
        Events.activity(maintain, "EMAIL", LocalDate.of(2026, 6, 29));        // no register type
        Events.activity(giants, "MEETING", LocalDate.of(2026, 4, 10));
        Events.activity(giants, "QBR", LocalDate.of(2026, 6, 1));
        CloudEvent last = Events.activity(giants, "EXECUTIVE_BRIEFING", LocalDate.of(2026, 2, 1));
        CloudEvent again = Events.send(io.rhythm.platform.events.Topics.CALENDAR_ACTIVITIES, last); // redelivered
        assertThat(again.id()).isEqualTo(last.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").queryParam("asOf", "2026-12-31").queryParam("owner", owner)
                .queryParam("groupBy", "client").get("/api/v1/activity-register/compliance").jsonPath()
                .getList("groups.items.flatten().findAll { it.lastHeld != null }").size() == 5);
    }

    @Test
    void complianceOfACsesPortfolioOnADateEqualsTheHandComputedFigure() {
        // 30 June 2026, due soon = 14 days.
        // Maintain: partnership (Monthly) held 20 Jun → due 20 Jul COMPLIANT; service review (Monthly) never → due 1 Feb
        // OVERDUE; health check (Quarterly) never → due 1 Apr OVERDUE; QBR held 15 Mar → due 15 Jun OVERDUE; executive: as needed.
        // Giants: partnership (Quarterly) 10 Apr → 10 Jul DUE_SOON; service review never → 1 Apr OVERDUE; health check
        // (Bi-annual) never → 1 Jul DUE_SOON; QBR 1 Jun → 1 Sep COMPLIANT; executive (Quarterly) 1 Feb → 1 May OVERDUE.
        JsonPath clients = as("cse").queryParam("asOf", "2026-06-30").queryParam("owner", owner).queryParam("groupBy", "client")
                .get("/api/v1/activity-register/compliance").then().statusCode(200)
                .body("totals.clients", equalTo(2)).body("totals.required", equalTo(9)).body("totals.compliant", equalTo(2))
                .body("totals.dueSoon", equalTo(2)).body("totals.overdue", equalTo(5)).body("totals.notRequired", equalTo(1))
                .body("totals.compliancePercent", equalTo(44.44f))
                .extract().jsonPath();
        Map<String, Object> m = clients.getMap("groups.find { it.key == '" + maintain + "' }");
        assertThat(m.get("segment")).isEqualTo("MAINTAIN");
        List<Map<String, Object>> items = clients.getList("groups.find { it.key == '" + maintain + "' }.items");
        assertThat(items).extracting(i -> i.get("activityType") + ":" + i.get("status") + ":" + i.get("nextDue")).containsExactly(
                "PARTNERSHIP_MEETING:COMPLIANT:2026-07-20", "SERVICE_REVIEW:OVERDUE:2026-02-01", "HEALTH_CHECK:OVERDUE:2026-04-01",
                "QBR:OVERDUE:2026-06-15", "EXECUTIVE_ENGAGEMENT:NOT_REQUIRED:null");
        List<Map<String, Object>> g = clients.getList("groups.find { it.key == '" + giants + "' }.items");
        assertThat(g).extracting(i -> i.get("status")).containsExactly("DUE_SOON", "OVERDUE", "DUE_SOON", "COMPLIANT", "OVERDUE");

        as("avp").queryParam("asOf", "2026-06-30").queryParam("owner", owner).queryParam("groupBy", "activityType")
                .get("/api/v1/activity-register/compliance").then().statusCode(200)
                .body("groups.find { it.key == 'QBR' }.counts.compliant", equalTo(1))
                .body("groups.find { it.key == 'QBR' }.counts.overdue", equalTo(1))
                .body("groups.find { it.key == 'SERVICE_REVIEW' }.label", equalTo("Service Review"));
        as("avp").queryParam("asOf", "2026-06-30").queryParam("owner", owner).queryParam("groupBy", "segment")
                .get("/api/v1/activity-register/compliance").then().statusCode(200)
                .body("groups.key", org.hamcrest.Matchers.contains("GIANTS", "MAINTAIN"));
        // the roll-ups are counted in SQL (register_last_held, one row per group of equal items): the same figures as the
        // items above, including Maintain's partnership meeting of 5 July, after asOf (looked up in register_activity)
        as("avp").queryParam("asOf", "2026-06-30").queryParam("owner", owner).queryParam("groupBy", "portfolio")
                .get("/api/v1/activity-register/compliance").then().statusCode(200)
                .body("totals.clients", equalTo(2)).body("totals.required", equalTo(9)).body("totals.compliant", equalTo(2))
                .body("totals.dueSoon", equalTo(2)).body("totals.overdue", equalTo(5)).body("totals.notRequired", equalTo(1))
                .body("totals.compliancePercent", equalTo(44.44f))
                .body("groups[0].counts.clients", equalTo(2)).body("groups[0].counts.overdue", equalTo(5));
        as("avp").queryParam("asOf", "2026-06-30").queryParam("owner", owner).queryParam("groupBy", "cse")
                .get("/api/v1/activity-register/compliance").then().statusCode(200)
                .body("groups.key", org.hamcrest.Matchers.contains("cse"))
                .body("groups[0].counts.clients", equalTo(2)).body("groups[0].counts.compliant", equalTo(2))
                .body("groups[0].counts.dueSoon", equalTo(2));
        // on 31 December the July meeting counts (the kept latest date): Maintain's partnership is due 5 August, overdue
        as("avp").queryParam("asOf", "2026-12-31").queryParam("owner", owner).queryParam("groupBy", "activityType")
                .get("/api/v1/activity-register/compliance").then().statusCode(200)
                .body("groups.find { it.key == 'PARTNERSHIP_MEETING' }.counts.clients", equalTo(2))
                .body("groups.find { it.key == 'PARTNERSHIP_MEETING' }.counts.overdue", equalTo(2));
        // the register as it stood before the segments existed: nothing required
        as("avp").queryParam("asOf", "2025-12-31").queryParam("owner", owner).get("/api/v1/activity-register/compliance")
                .then().body("totals.required", equalTo(0)).body("totals.compliancePercent", nullValue())
                .body("groups[0].segment", equalTo("UNASSIGNED"));
    }

    @Test
    void oneClientsRegisterIsItsGroupOfThePortfolioRegister() {
        JsonPath portfolio = as("cse").queryParam("asOf", "2026-06-30").queryParam("owner", owner).queryParam("groupBy", "client")
                .get("/api/v1/activity-register/compliance").then().statusCode(200).extract().jsonPath();
        for (String client : List.of(maintain, giants)) {
            JsonPath one = as("cse").queryParam("asOf", "2026-06-30").queryParam("clientId", client)
                    .get("/api/v1/activity-register/compliance").then().statusCode(200)
                    .body("groupBy", equalTo("client")).body("totals.clients", equalTo(1)).extract().jsonPath();
            assertThat(one.getList("groups")).containsExactly(portfolio.getMap("groups.find { it.key == '" + client + "' }"));
            assertThat(one.getMap("totals")).isEqualTo(one.getMap("groups[0].counts"));
        }
        // row level: another CSE's client is not theirs, so its register is empty (nothing about it is shown)
        as("cse2").queryParam("asOf", "2026-06-30").queryParam("clientId", maintain).get("/api/v1/activity-register/compliance")
                .then().statusCode(200).body("groups", org.hamcrest.Matchers.empty()).body("totals.clients", equalTo(0))
                .body("totals.required", equalTo(0));
        as("avp").queryParam("asOf", "2026-06-30").queryParam("clientId", maintain).queryParam("groupBy", "portfolio")
                .get("/api/v1/activity-register/compliance").then().statusCode(200).body("groups[0].counts.overdue", equalTo(3));
        as("avp").queryParam("clientId", UUID.randomUUID()).get("/api/v1/activity-register/compliance")
                .then().statusCode(200).body("groups", org.hamcrest.Matchers.empty());
        as("cse").get("/api/v1/activity-register/compliance?clientId=not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("clientId"));
        asIntegration().queryParam("clientId", maintain).get("/api/v1/activity-register/compliance").then().statusCode(403);
        anonymous().queryParam("clientId", maintain).get("/api/v1/activity-register/compliance").then().statusCode(401);
    }

    @Test
    void newlyOverdueItemsPublishCadenceBreachedOnce() throws Exception {
        try (io.rhythm.platform.testing.TopicProbe probe = io.rhythm.platform.testing.TopicProbe.watch(io.rhythm.platform.events.Topics.SEGMENT_MIGRATIONS)) {
            scan.scan(LocalDate.of(2026, 6, 30));
            CloudEvent breach = probe.awaitEvent(io.rhythm.platform.events.EventCatalogue.CADENCE_BREACHED.type(), maintain, Duration.ofSeconds(30));
            assertThat(breach.data().get("segment").asText()).isEqualTo("MAINTAIN");
        }
        assertThat(breaches()).isEqualTo(5); // Maintain: service review, health check, QBR; Giants: service review, executive
        scan.scan(LocalDate.of(2026, 6, 30));
        scan.scan(LocalDate.of(2026, 7, 1));
        assertThat(breaches()).isEqualTo(5); // nothing new: Giants' health check is due 1 July, overdue only after it
    }

    private int breaches() throws Exception {
        try (var c = dataSource.getConnection();
             var q = c.prepareStatement("select count(*) from cadence_breach where client_id in (?, ?)")) {
            q.setObject(1, UUID.fromString(maintain));
            q.setObject(2, UUID.fromString(giants));
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void anotherCseSeesNoneOfItAggregatesIncluded() {
        as("cse2").queryParam("asOf", "2026-06-30").queryParam("owner", owner).queryParam("groupBy", "portfolio")
                .get("/api/v1/activity-register/compliance").then().statusCode(200).body("totals.clients", equalTo(0))
                .body("totals.required", equalTo(0));
        as("cse2").queryParam("owner", owner).get("/api/v1/segments/concentration").then().statusCode(200)
                .body("clients", equalTo(0)).body("totalRevenue.amount", equalTo("0.00"));
        as("cse2").queryParam("owner", owner).queryParam("from", "2025-12-31").queryParam("to", "2026-06-30")
                .get("/api/v1/segments/migrations").then().statusCode(200).body("clients", equalTo(0));
        as("cse2").get("/api/v1/segments/clients/" + maintain).then().statusCode(404);
        assertThat(as("cse2").queryParam("limit", 200).get("/api/v1/segments/assignments").jsonPath().getList("items.clientId"))
                .doesNotContain(maintain, giants);
        assertThat(as("cse2").queryParam("limit", 200).get("/api/v1/segments/satisfaction-action-plans/required").jsonPath()
                .getList("items.clientId")).doesNotContain(maintain);
        asIntegration().get("/api/v1/activity-register/compliance").then().statusCode(403);
        asIntegration().get("/api/v1/segments/concentration").then().statusCode(403);
        anonymous().get("/api/v1/activity-register/compliance").then().statusCode(401);
        as("cse").get("/api/v1/activity-register/compliance?groupBy=team").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        as("cse").get("/api/v1/activity-register/compliance?asOf=yesterday").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        as("cse").get("/api/v1/segments/migrations?from=2026-13-01&to=2026-12-01").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as("cse").get("/api/v1/segments/concentration?top=0").then().statusCode(400);
    }

    @Test
    void concentrationAndTheSapListOfThePortfolio() {
        // 2.1M of 10M: the larger client 79 %, HHI = 0.21² + 0.79² = 0.6682
        as("cse").queryParam("owner", owner).queryParam("top", 1).get("/api/v1/segments/concentration").then().statusCode(200)
                .body("clients", equalTo(2)).body("totalRevenue.amount", equalTo("10000000.00"))
                .body("topSharePercent", equalTo("79.00")).body("largestSharePercent", equalTo("79.00"))
                .body("ranked[1].sharePercent", equalTo("21.00")).body("ranked[1].segment", equalTo("MAINTAIN"))
                .body("hhi", equalTo("0.6682")).body("hhiPoints", equalTo("6682.00"))
                .body("bySegment.find { it.segment == 'GIANTS' }.revenue.amount", equalTo("7900000.00"));
        // before the clients were known: nothing
        as("avp").queryParam("owner", owner).queryParam("asOf", "2025-01-01").get("/api/v1/segments/concentration").then()
                .body("clients", equalTo(0));
        JsonPath sap = as("cse").queryParam("owner", owner).get("/api/v1/segments/satisfaction-action-plans/required").then()
                .statusCode(200).body("clients", equalTo(1)).body("totalRevenue.amount", equalTo("2100000.00")).extract().jsonPath();
        assertThat(sap.getList("items.clientId")).containsExactly(maintain);
        as("avp").queryParam("owner", owner).queryParam("from", "2025-12-31")
                .queryParam("to", LocalDate.now(java.time.ZoneOffset.UTC).toString())
                .get("/api/v1/segments/migrations").then().statusCode(200).body("moved", equalTo(2))
                .body("cells.find { it.from == 'UNASSIGNED' && it.to == 'MAINTAIN' }.revenue.amount", equalTo("2100000.00"));
        // paging of the assignments list
        JsonPath page = as("avp").queryParam("owner", owner).queryParam("limit", 1).get("/api/v1/segments/assignments").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        as("avp").queryParam("owner", owner).queryParam("limit", 1).queryParam("cursor", page.getString("nextCursor"))
                .get("/api/v1/segments/assignments").then().statusCode(200).body("items.size()", equalTo(1))
                .body("nextCursor", nullValue());
    }
}
