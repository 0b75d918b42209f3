package io.rhythm.planning.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.planning.testing.PlanningClock;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The portfolio read of pipeline stage movement (seed 000's early warning) over real stage history. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class StageMovementApiTest {

    private static final String READ = "/api/v1/plans/opportunities/stage-movements";

    @Inject
    PlanningClock clock;

    @Test
    void eachOpportunityIsClassifiedFromItsStageHistoryInTheWindow() {
        String owner = "moves-" + UUID.randomUUID();
        String clientId = TestClients.publishNew("Stage Moves " + UUID.randomUUID(), owner, "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/plans?clientId=" + clientId).statusCode() == 200);
        String advanced;
        String regressed;
        String stalled;
        String lost;
        String fresh;
        try {
            clock.freezeAt(Instant.parse("2026-03-01T10:00:00Z"));
            String planId = as("avp").body("{\"clientId\":\"" + clientId + "\",\"fiscalYear\":\"FY2026\",\"title\":\"Plan\"}")
                    .post("/api/v1/plans").then().statusCode(201).extract().path("id");
            advanced = add(planId, "PROPOSAL", 50);
            regressed = add(planId, "NEGOTIATION", 70);
            stalled = add(planId, "QUALIFIED", 20);
            lost = add(planId, "PROPOSAL", 40);

            clock.freezeAt(Instant.parse("2026-04-10T09:00:00Z"));
            move(planId, advanced, "NEGOTIATION", 80, null);
            move(planId, regressed, "QUALIFIED", 30, null);
            move(planId, stalled, "QUALIFIED", 30, null);   // a new probability, same stage
            move(planId, lost, "CLOSED_LOST", 0, "Budget moved to another vendor");
            clock.freezeAt(Instant.parse("2026-04-15T09:00:00Z"));
            fresh = add(planId, "PROSPECTING", 10);
        } finally {
            clock.reset();
        }

        JsonPath all = as("vp").queryParam("owner", owner).queryParam("since", "2026-04-01").queryParam("asOf", "2026-04-30")
                .get(READ).then().statusCode(200).extract().jsonPath();
        assertThat(all.getMap("counts")).isEqualTo(Map.of("REGRESSED", 2, "STALLED", 1, "ADVANCED", 1, "NEW", 1));
        Map<String, String> byId = new java.util.HashMap<>();
        for (int i = 0; i < all.getList("items").size(); i++) {
            byId.put(all.getString("items[" + i + "].opportunityId"), all.getString("items[" + i + "].movement"));
        }
        assertThat(byId).isEqualTo(Map.of(advanced, "ADVANCED", regressed, "REGRESSED", stalled, "STALLED", lost, "REGRESSED", fresh, "NEW"));
        assertThat(all.getString("items.find { it.opportunityId == '" + regressed + "' }.stageAtSince")).isEqualTo("NEGOTIATION");
        assertThat(all.getString("items.find { it.opportunityId == '" + regressed + "' }.stage")).isEqualTo("QUALIFIED");
        assertThat(all.getInt("items.find { it.opportunityId == '" + stalled + "' }.daysSinceStageChange")).isEqualTo(60);
        assertThat(all.getString("items.find { it.opportunityId == '" + stalled + "' }.value.amount")).isEqualTo("1000000.00");

        // the warnings only, one per page
        JsonPath first = as("vp").queryParam("owner", owner).queryParam("since", "2026-04-01").queryParam("asOf", "2026-04-30")
                .queryParam("movement", "REGRESSED,STALLED").queryParam("limit", 2).get(READ).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        JsonPath second = as("vp").queryParam("owner", owner).queryParam("since", "2026-04-01").queryParam("asOf", "2026-04-30")
                .queryParam("movement", "REGRESSED,STALLED").queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get(READ).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.opportunityId")).hasSize(1).doesNotContainAnyElementsOf(first.getList("items.opportunityId"));
        assertThat(second.getString("nextCursor")).isNull();
        // a window in March: everything was new then (created 1 March), nothing moved
        as("vp").queryParam("owner", owner).queryParam("since", "2026-03-01").queryParam("asOf", "2026-03-31").get(READ)
                .then().statusCode(200).body("counts.NEW", equalTo(4)).body("counts.REGRESSED", equalTo(0));

        // row-level: another CSE sees none of them; the money register is not for marketing or integrations
        JsonPath cse = as("cse").queryParam("since", "2026-04-01").queryParam("asOf", "2026-04-30").queryParam("limit", 200)
                .get(READ).then().statusCode(200).extract().jsonPath();
        assertThat(cse.getList("items.opportunityId")).doesNotContain(advanced, regressed, stalled, lost, fresh);
        as("marketing").get(READ).then().statusCode(403);
        asIntegration().get(READ).then().statusCode(403);
        anonymous().get(READ).then().statusCode(401);
        as("vp").queryParam("since", "soon").get(READ).then().statusCode(400).body("errors[0].field", equalTo("since"));
        as("vp").queryParam("since", "2026-05-01").queryParam("asOf", "2026-04-01").get(READ).then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        as("vp").queryParam("movement", "SIDEWAYS").get(READ).then().statusCode(400).body("errors[0].field", equalTo("movement"));
        as("vp").queryParam("segment", "Nobody").get(READ).then().statusCode(400).body("errors[0].field", equalTo("segment"));
    }

    private static String add(String planId, String stage, int probability) {
        return as("avp").body(opportunity(stage, probability, null)).post("/api/v1/plans/" + planId + "/opportunities")
                .then().statusCode(201).extract().path("id");
    }

    private static void move(String planId, String id, String stage, int probability, String closeReason) {
        as("avp").header("If-Match", "\"v0\"").body(opportunity(stage, probability, closeReason))
                .put("/api/v1/plans/" + planId + "/opportunities/" + id).then().statusCode(200);
    }

    private static String opportunity(String stage, int probability, String closeReason) {
        return "{\"name\":\"Imaging module\",\"type\":\"NEW_MODULE\",\"value\":{\"amount\":\"1000000.00\",\"currency\":\"AUD\"},"
                + "\"stage\":\"" + stage + "\",\"probability\":" + probability + ",\"expectedClose\":\"2026-09-30\""
                + (closeReason == null ? "" : ",\"closeReason\":\"" + closeReason + "\"") + "}";
    }
}
