package io.rhythm.planning.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.planning.testing.PlanningClock;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** {@code asOf} on the portfolio metrics reads the stage and risk history as it stood on that day. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MetricsAsOfTest {

    @Inject
    PlanningClock clock;

    @Test
    void asOfReadsTheRegistersAsTheyStoodAndMapsFiscalYearLabelsToDates() {
        String owner = "asof-" + UUID.randomUUID();
        String clientId = TestClients.publishNew("As-of Health " + UUID.randomUUID(), owner, "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/plans?clientId=" + clientId).statusCode() == 200);
        String planId;
        String opportunityId;
        String riskId;
        try {
            clock.freezeAt(Instant.parse("2026-03-01T10:00:00Z"));
            planId = as("avp").body("{\"clientId\":\"" + clientId + "\",\"fiscalYear\":\"FY2026\",\"title\":\"Plan\"}")
                    .post("/api/v1/plans").then().statusCode(201).extract().path("id");
            opportunityId = as("avp").body(opportunity("PROPOSAL", 50)).post("/api/v1/plans/" + planId + "/opportunities")
                    .then().statusCode(201).extract().path("id");
            riskId = as("avp").body(risk("AT_RISK", 40)).post("/api/v1/plans/" + planId + "/risks")
                    .then().statusCode(201).extract().path("id");

            clock.freezeAt(Instant.parse("2026-05-01T09:00:00Z"));
            as("avp").header("If-Match", "\"v0\"").body(opportunity("NEGOTIATION", 80))
                    .put("/api/v1/plans/" + planId + "/opportunities/" + opportunityId).then().statusCode(200);
            as("avp").header("If-Match", "\"v0\"").body(risk("CONFIRMED", 100))
                    .put("/api/v1/plans/" + planId + "/risks/" + riskId).then().statusCode(200);
            as("avp").body(opportunity("QUALIFIED", 10).replace("1000000.00", "200000.00"))
                    .post("/api/v1/plans/" + planId + "/opportunities").then().statusCode(201);
        } finally {
            clock.reset();
        }
        String metrics = "/api/v1/plans/metrics";

        // before the plan existed: nothing
        as("vp").queryParam("owner", owner).queryParam("asOf", "2026-02-28").get(metrics).then().statusCode(200)
                .body("historical", equalTo(true)).body("plans", equalTo(0)).body("weightedPipeline.amount", equalTo("0.00"))
                .body("atRiskAttrition.total.amount", equalTo("0.00"));
        // March: the opportunity at 50 %, the risk at risk (40 %)
        as("vp").queryParam("owner", owner).queryParam("asOf", "2026-03-31").get(metrics).then().statusCode(200)
                .body("asOf", equalTo("2026-03-31")).body("plans", equalTo(1)).body("openOpportunities", equalTo(1))
                .body("weightedPipeline.amount", equalTo("500000.00"))
                .body("confirmedAttrition.total.amount", equalTo("0.00"))
                .body("atRiskAttrition.total.amount", equalTo("500000.00"))
                .body("atRiskAttrition.probabilityWeighted.amount", equalTo("200000.00"));
        // 1 May: moved to negotiation at 80 %, a new one at 10 %, the risk confirmed
        as("vp").queryParam("owner", owner).queryParam("asOf", "2026-05-01").get(metrics).then().statusCode(200)
                .body("openOpportunities", equalTo(2)).body("weightedPipeline.amount", equalTo("820000.00"))
                .body("confirmedAttrition.total.amount", equalTo("500000.00"))
                .body("confirmedAttrition.byFiscalYear.fiscalYear", contains("FY2027"))
                .body("atRiskAttrition.total.amount", equalTo("0.00"))
                // July start (rhythm.fiscal-year.start-month=7): FY2027 runs 1 July 2026 - 30 June 2027
                .body("fiscalYearStartMonth", equalTo(7))
                .body("fiscalYears.find { it.label == 'FY2027' }.firstDay", equalTo("2026-07-01"))
                .body("fiscalYears.find { it.label == 'FY2027' }.lastDay", equalTo("2027-06-30"))
                .body("fiscalYears.find { it.label == 'FY2027' }.position", equalTo("FUTURE"))
                .body("fiscalYears.find { it.label == 'FY27' }.position", equalTo("FUTURE"))   // its retention row
                .body("fiscalYears.label", not(hasItem("FY26")));                             // no figure in FY26
        // today: the registers as they are
        as("vp").queryParam("owner", owner).get(metrics).then().statusCode(200).body("historical", equalTo(false))
                .body("weightedPipeline.amount", equalTo("820000.00")).body("confirmedAttrition.total.amount", equalTo("500000.00"))
                .body("fiscalYears.label", hasItem("FY2027"));
        as("vp").queryParam("asOf", "2026-02-30").get(metrics).then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        as("vp").queryParam("asOf", "soon").queryParam("conversionRate", "2").get(metrics).then().statusCode(400)
                .body("errors.field", contains("conversionRate", "asOf"));
    }

    private static String opportunity(String stage, int probability) {
        return "{\"name\":\"Imaging module\",\"type\":\"NEW_MODULE\",\"value\":{\"amount\":\"1000000.00\",\"currency\":\"AUD\"},"
                + "\"stage\":\"" + stage + "\",\"probability\":" + probability + ",\"expectedClose\":\"2026-09-30\"}";
    }

    private static String risk(String status, int probability) {
        return "{\"description\":\"Budget cut\",\"amount\":{\"amount\":\"500000.00\",\"currency\":\"AUD\"},"
                + "\"fiscalYear\":\"FY2027\",\"status\":\"" + status + "\",\"probability\":" + probability + "}";
    }
}
