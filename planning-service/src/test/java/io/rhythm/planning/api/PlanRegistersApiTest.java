package io.rhythm.planning.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PlanRegistersApiTest {

    /** Seed 000 Strategic Context through the API: $8.36M weighted pipeline, $2.93M at 35 %, $2.72M attrition. */
    @Test
    void aPortfolioWithTheSeedsInputsReproducesTheSeedsFigures() {
        String owner = "seed-" + UUID.randomUUID();
        String sunrise = client("Sunrise Health " + UUID.randomUUID(), owner, "cam");
        String saHealth = client("SA Health " + UUID.randomUUID(), owner, "cam");
        String sunrisePlan = plan("avp", sunrise, "FY2026");
        String saPlan = plan("avp", saHealth, "FY2026");
        opportunity("avp", sunrisePlan, "Pathology module", "4200000.00", "NEGOTIATION", 80);          // 3,360,000 weighted
        opportunity("avp", saPlan, "Statewide rollout", "10000000.00", "PROPOSAL", 50);               // 5,000,000 weighted
        opportunity("avp", saPlan, "Lost tender", "700000.00", "CLOSED_LOST", 0, "Price");
        risk("avp", saPlan, "578000.00", "FY2026", "CONFIRMED", 100);
        risk("avp", saPlan, "1022000.00", "FY2027", "CONFIRMED", 100);
        risk("avp", sunrisePlan, "1120000.00", "FY2028", "CONFIRMED", 100);
        risk("avp", sunrisePlan, "400000.00", "FY2027", "AT_RISK", 25);
        risk("avp", sunrisePlan, "999999.00", "FY2027", "MITIGATED", 5);

        as("vp").queryParam("conversionRate", "0.35").queryParam("owner", owner).get("/api/v1/plans/metrics")
                .then().statusCode(200)
                .body("plans", equalTo(2))
                .body("openOpportunities", equalTo(2))
                .body("weightedPipeline.amount", equalTo("8360000.00"))
                .body("weightedPipeline.currency", equalTo("AUD"))
                .body("unweightedOpenPipeline.amount", equalTo("14200000.00"))
                .body("realisticNewRevenue.amount", equalTo("2926000.00"))
                .body("unweightedPipelineAtConversion.amount", equalTo("4970000.00"))
                .body("confirmedAttrition.total.amount", equalTo("2720000.00"))
                .body("confirmedAttrition.byFiscalYear.fiscalYear", contains("FY2026", "FY2027", "FY2028"))
                .body("confirmedAttrition.byFiscalYear[0].amount.amount", equalTo("578000.00"))
                .body("confirmedAttrition.byFiscalYear[2].amount.amount", equalTo("1120000.00"))
                .body("atRiskAttrition.total.amount", equalTo("400000.00"))
                .body("atRiskAttrition.probabilityWeighted.amount", equalTo("100000.00"))
                .body("realisticNewRevenueMinusConfirmedAttrition.amount", equalTo("206000.00"))
                .body("coveragePercent", equalTo("107.57"))
                .body("coverage", equalTo("BARELY_COVERS"))
                .body("coversAttrition", equalTo(true))
                .body("byClient[0].clientId", equalTo(saHealth))
                .body("byClient[0].weightedPipeline.amount", equalTo("5000000.00"))
                .body("byClient[1].weightedPipeline.amount", equalTo("3360000.00"))
                .body("byOwner[0].owner", equalTo("avp"));

        // the default conversion is the seed's 35 %; fiscalYear filters by the plans' year
        as("evp").queryParam("owner", owner).get("/api/v1/plans/metrics").then().statusCode(200)
                .body("realisticNewRevenue.amount", equalTo("2926000.00"));
        as("evp").queryParam("owner", owner).queryParam("fiscalYear", "FY2027").get("/api/v1/plans/metrics")
                .then().statusCode(200).body("plans", equalTo(0)).body("weightedPipeline.amount", equalTo("0.00"))
                .body("coverage", equalTo("NO_ATTRITION"));
    }

    /** The metrics read sums kept per plan and owner (V34's trigger): a changed or closed opportunity moves them at once. */
    @Test
    void metricsFollowEveryChangeOfAnOpportunity() {
        String owner = "sums-" + UUID.randomUUID();
        String clientId = client("Sums " + UUID.randomUUID(), owner, "cam");
        String planId = plan("avp", clientId, "FY2026");
        String id = as("avp").body(opportunityBody("Module", "1000.00", "QUALIFIED", 50, null))
                .post("/api/v1/plans/" + planId + "/opportunities").then().statusCode(201).extract().path("id");
        opportunity("avp", planId, "Other", "333.33", "PROSPECTING", 10);
        metrics(owner).body("openOpportunities", equalTo(2)).body("weightedPipeline.amount", equalTo("533.33"))
                .body("unweightedOpenPipeline.amount", equalTo("1333.33")).body("byClient[0].clientId", equalTo(clientId));

        as("avp").header("If-Match", "\"v0\"").body(opportunityBody("Module", "3000.00", "PROPOSAL", 20, null))
                .put("/api/v1/plans/" + planId + "/opportunities/" + id).then().statusCode(200);
        metrics(owner).body("openOpportunities", equalTo(2)).body("weightedPipeline.amount", equalTo("633.33"))
                .body("unweightedOpenPipeline.amount", equalTo("3333.33")).body("wonRevenue.amount", equalTo("0.00"));

        as("avp").header("If-Match", "\"v1\"").body(opportunityBody("Module", "3000.00", "CLOSED_WON", 100, "Signed"))
                .put("/api/v1/plans/" + planId + "/opportunities/" + id).then().statusCode(200);
        metrics(owner).body("openOpportunities", equalTo(1)).body("weightedPipeline.amount", equalTo("33.33"))
                .body("unweightedOpenPipeline.amount", equalTo("333.33")).body("wonRevenue.amount", equalTo("3000.00"))
                .body("byClient", hasSize(1)).body("byClient[0].weightedPipeline.amount", equalTo("33.33"))
                .body("byOwner[0].weightedPipeline.amount", equalTo("33.33"));
    }

    /**
     * byClient is the first clients (weighted pipeline descending, then client id), byClientRest the others summed;
     * GET /metrics/clients pages every client in the same order and its pages add up to the metrics' totals.
     */
    @Test
    void metricsListTheTopClientsAndTheClientPagesAddUpToTheTotals() {
        String owner = "top-" + UUID.randomUUID();
        String a = client("Top A " + UUID.randomUUID(), owner, "cam");
        String b = client("Top B " + UUID.randomUUID(), owner, "cam");
        String c = client("Top C " + UUID.randomUUID(), owner, "cam");
        String d = client("Top D " + UUID.randomUUID(), owner, "cam");
        opportunity("avp", plan("avp", a, "FY2026"), "A", "1000.00", "QUALIFIED", 50);        // 500
        String bPlan = plan("avp", b, "FY2026");
        opportunity("avp", bPlan, "B", "3000.00", "PROPOSAL", 50);                            // 1,500
        opportunity("avp", plan("avp", b, "FY2027"), "B next year", "100.00", "NEGOTIATION", 100); // + 100 = 1,600
        opportunity("avp", plan("avp", c, "FY2026"), "C", "2000.00", "QUALIFIED", 25);        // 500, ties with A
        String dPlan = plan("avp", d, "FY2026");
        opportunity("avp", dPlan, "D", "400.00", "PROSPECTING", 10);                           // 40
        opportunity("avp", dPlan, "D won", "900.00", "CLOSED_WON", 100, "Signed");             // not pipeline
        String tieFirst = a.compareTo(c) < 0 ? a : c;
        String tieSecond = a.compareTo(c) < 0 ? c : a;

        as("vp").queryParam("owner", owner).queryParam("clients", 2).queryParam("conversionRate", "0.5")
                .get("/api/v1/plans/metrics").then().statusCode(200)
                .body("weightedPipeline.amount", equalTo("2640.00"))
                .body("byClient.clientId", contains(b, tieFirst))
                .body("byClient[0].weightedPipeline.amount", equalTo("1600.00"))
                .body("byClient[0].unweightedOpenPipeline.amount", equalTo("3100.00"))
                .body("byClient[0].openOpportunities", equalTo(2))
                .body("byClient[0].realisticNewRevenue.amount", equalTo("800.00"))
                .body("byClientTotal", equalTo(4))
                .body("byClientRest.clients", equalTo(2))
                .body("byClientRest.openOpportunities", equalTo(2))
                .body("byClientRest.weightedPipeline.amount", equalTo("540.00"))
                .body("byClientRest.unweightedOpenPipeline.amount", equalTo(tieSecond.equals(c) ? "2400.00" : "1400.00"))
                .body("byClientRest.realisticNewRevenue.amount", equalTo("270.00"));
        as("vp").queryParam("owner", owner).queryParam("clients", 0).get("/api/v1/plans/metrics").then().statusCode(200)
                .body("byClient", hasSize(0)).body("byClientTotal", equalTo(4))
                .body("byClientRest.weightedPipeline.amount", equalTo("2640.00"));
        as("vp").queryParam("owner", owner).get("/api/v1/plans/metrics").then().statusCode(200)
                .body("byClient.clientId", contains(b, tieFirst, tieSecond, d)).body("byClientRest.clients", equalTo(0))
                .body("byClientRest.weightedPipeline.amount", equalTo("0.00"));

        // a CSE's portfolio does not hold another CSE's clients
        as("cse").queryParam("owner", owner).get("/api/v1/plans/metrics/clients").then().statusCode(200)
                .body("items", hasSize(0));
        // one client a page: every client once, in the metrics' order, adding up to its totals
        List<String> order = new java.util.ArrayList<>();
        java.math.BigDecimal weighted = java.math.BigDecimal.ZERO;
        java.math.BigDecimal unweighted = java.math.BigDecimal.ZERO;
        String cursor = null;
        do {
            var spec = as("admin").queryParam("owner", owner).queryParam("limit", 1).queryParam("conversionRate", "0.5");
            io.restassured.path.json.JsonPath page = (cursor == null ? spec : spec.queryParam("cursor", cursor))
                    .get("/api/v1/plans/metrics/clients").then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
            order.add(page.getString("items[0].clientId"));
            weighted = weighted.add(new java.math.BigDecimal(page.getString("items[0].weightedPipeline.amount")));
            unweighted = unweighted.add(new java.math.BigDecimal(page.getString("items[0].unweightedOpenPipeline.amount")));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(order).containsExactly(b, tieFirst, tieSecond, d);
        assertThat(weighted).isEqualByComparingTo("2640.00");
        assertThat(unweighted).isEqualByComparingTo("6500.00");

        // as of a day before the plans existed there is no pipeline; bad paging or clients is a 400
        as("admin").queryParam("owner", owner).queryParam("asOf", "2000-01-01").get("/api/v1/plans/metrics/clients")
                .then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
        as("admin").queryParam("owner", owner).queryParam("asOf", "2000-01-01").get("/api/v1/plans/metrics")
                .then().statusCode(200).body("byClient", hasSize(0)).body("byClientTotal", equalTo(0));
        as("admin").queryParam("clients", 201).get("/api/v1/plans/metrics").then().statusCode(400)
                .body("errors.field", hasItem("clients"));
        as("admin").queryParam("clients", -1).get("/api/v1/plans/metrics").then().statusCode(400);
        as("admin").queryParam("limit", 0).queryParam("conversionRate", "2").get("/api/v1/plans/metrics/clients")
                .then().statusCode(400).body("errors.field", hasItem("limit")).body("errors.field", hasItem("conversionRate"));
        as("admin").queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/plans/metrics/clients").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    /** Every client id of GET /metrics/clients the user sees (all pages), with extra query parameters. */
    private static List<String> clientIds(String user, String query) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            io.restassured.path.json.JsonPath page = as(user).get("/api/v1/plans/metrics/clients?limit=200" + query
                    + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.clientId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static io.restassured.response.ValidatableResponse metrics(String owner) {
        return as("vp").queryParam("owner", owner).get("/api/v1/plans/metrics").then().statusCode(200);
    }

    @Test
    void rowLevelAccessOnPlansRegistersAndMetrics() {
        String mine = client("Mine " + UUID.randomUUID(), "cse", "cam");
        String theirs = client("Theirs " + UUID.randomUUID(), "cse2", "cam2");
        String myPlan = plan("cse", mine, "FY2026");
        String theirPlan = plan("cse2", theirs, "FY2026");
        opportunity("cse", myPlan, "Mine", "1000.00", "QUALIFIED", 50);
        opportunity("cse2", theirPlan, "Theirs", "2000.00", "QUALIFIED", 50);

        // a CSE sees none of another CSE's plan, its registers or its figures
        as("cse").get("/api/v1/plans/" + theirPlan).then().statusCode(404);
        as("cse").get("/api/v1/plans/" + theirPlan + "/opportunities").then().statusCode(404);
        as("cse").get("/api/v1/plans/" + theirPlan + "/risks").then().statusCode(404);
        as("cse").get("/api/v1/plans/" + theirPlan + "/stakeholders").then().statusCode(404);
        as("cse").body(opportunityBody("x", "1.00", "QUALIFIED", 10, null))
                .post("/api/v1/plans/" + theirPlan + "/opportunities").then().statusCode(404);
        assertThat(clientIds("cse", "")).contains(mine).doesNotContain(theirs);
        assertThat(clientIds("cam", "")).contains(mine).doesNotContain(theirs);
        assertThat(clientIds("cse", "&owner=cse2")).doesNotContain(theirs);
        assertThat(clientIds("avp", "")).contains(mine, theirs);
        assertThat(clientIds("admin", "")).contains(mine, theirs);
        as("cse").queryParam("clients", 200).get("/api/v1/plans/metrics").then().statusCode(200)
                .body("byClient.clientId", not(hasItem(theirs)));
        as("cse2").get("/api/v1/plans/" + theirPlan + "/opportunities").then().statusCode(200).body("items", hasSize(1));

        // roles: marketing reads plan texts but no money; integration and anonymous nothing
        as("marketing").get("/api/v1/plans/metrics").then().statusCode(403);
        as("marketing").get("/api/v1/plans/metrics/clients").then().statusCode(403);
        anonymous().get("/api/v1/plans/metrics/clients").then().statusCode(401);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + io.rhythm.platform.testing.Tokens.integration())
                .get("/api/v1/plans/metrics/clients").then().statusCode(403);
        as("marketing").get("/api/v1/plans/" + myPlan + "/opportunities").then().statusCode(403);
        as("marketing").get("/api/v1/plans/" + myPlan + "/risks").then().statusCode(403);
        as("marketing").get("/api/v1/plans/" + myPlan).then().statusCode(200).body("revenueForecast", nullValue());
        as("marketing").get("/api/v1/plans/" + myPlan + "/stakeholders").then().statusCode(200);
        as("marketing").body(riskBody("1.00", "FY2026", "AT_RISK", 10)).post("/api/v1/plans/" + myPlan + "/risks")
                .then().statusCode(403);
        as("evp").body(riskBody("1.00", "FY2026", "AT_RISK", 10)).post("/api/v1/plans/" + myPlan + "/risks")
                .then().statusCode(403);
        anonymous().get("/api/v1/plans/metrics").then().statusCode(401);
        anonymous().get("/api/v1/plans/" + myPlan + "/risks").then().statusCode(401);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + io.rhythm.platform.testing.Tokens.integration())
                .get("/api/v1/plans/metrics").then().statusCode(403);
    }

    @Test
    void badInputIsA400WithFieldErrorsAndNothingIsStored() {
        String planId = plan("cse", client("Bad " + UUID.randomUUID(), "cse", "cam"), "FY2026");
        String url = "/api/v1/plans/" + planId + "/opportunities";
        as("cse").body(opportunityBody("x", "100.00", "QUALIFIED", 140, null)).post(url).then().statusCode(400)
                .body("errors.field", hasItem("probability"));
        as("cse").body(opportunityBody("x", "-5.00", "QUALIFIED", 10, null)).post(url).then().statusCode(400)
                .body("errors.field", hasItem("value.amount"));
        as("cse").body(opportunityBody("x", "100.005", "QUALIFIED", 10, null)).post(url).then().statusCode(400)
                .body("errors.field", hasItem("value.amount"));
        as("cse").body(opportunityBody("x", "100.00", "DREAMING", 10, null)).post(url).then().statusCode(400)
                .body("errors.field", hasItem("stage"));
        as("cse").body(opportunityBody("x", "100.00", "CLOSED_WON", 100, null)).post(url).then().statusCode(400)
                .body("errors.field", hasItem("closeReason"));
        as("cse").body("{\"name\":\"x\",\"type\":\"UPSELL\",\"value\":{\"amount\":\"1.00\",\"currency\":\"AUD\"},"
                + "\"stage\":\"QUALIFIED\",\"probability\":10,\"colour\":\"red\"}").post(url).then().statusCode(400)
                .body("errors.field", hasItem("colour"));
        as("cse").body(riskBody("100.00", "2028", "CONFIRMED", 100)).post("/api/v1/plans/" + planId + "/risks")
                .then().statusCode(400).body("errors.field", hasItem("fiscalYear"));
        as("cse").body(riskBody("100.00", "FY2028", "CONFIRMED", -1)).post("/api/v1/plans/" + planId + "/risks")
                .then().statusCode(400).body("errors.field", hasItem("probability"));
        as("cse").body(stakeholderBody("Ann", "CHAMPION", 6)).post("/api/v1/plans/" + planId + "/stakeholders")
                .then().statusCode(400).body("errors.field", hasItem("influence"));
        as("cse").body("{\"name\":\"Ann\",\"role\":\"CHAMPION\",\"influence\":3,\"sentiment\":\"NEUTRAL\","
                + "\"relationshipStrength\":3,\"contactId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/plans/" + planId + "/stakeholders").then().statusCode(400).body("errors.field", hasItem("contactId"));
        as("cse").get(url).then().statusCode(200).body("items", hasSize(0));
        as("cse").get("/api/v1/plans/" + planId + "/risks").then().statusCode(200).body("items", hasSize(0));
        as("cse").get("/api/v1/plans/" + planId + "/stakeholders").then().statusCode(200).body("items", hasSize(0));
        as("avp").queryParam("conversionRate", "1.5").get("/api/v1/plans/metrics").then().statusCode(400)
                .body("errors.field", hasItem("conversionRate"));
        as("avp").queryParam("conversionRate", "abc").queryParam("segment", "Moon").queryParam("fiscalYear", "2026")
                .get("/api/v1/plans/metrics").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("conversionRate", "segment", "fiscalYear"));
        as("cse").get(url + "?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void planUpdatesNeedIfMatchAndCompletenessTracksAppendixB() {
        String planId = plan("cse", client("Complete " + UUID.randomUUID(), "cse", "cam"), "FY2026");
        as("cse").get("/api/v1/plans/" + planId + "/completeness").then().statusCode(200)
                .body("missing", contains("HEALTH_ASSESSMENT", "STAKEHOLDER_MAP", "OPPORTUNITY_REGISTER", "RISK_REGISTER",
                        "REVENUE_FORECAST", "ENGAGEMENT_PLAN", "UNCOMFORTABLE_TRUTHS"))
                .body("percentComplete", equalTo(0));
        String update = """
                {"title": "FY2026 plan", "maintenanceRevenue": {"amount": "1000000.00", "currency": "AUD"},
                 "growthRevenue": {"amount": "250000.50", "currency": "AUD"}, "engagementPlan": "Monthly check-ins",
                 "uncomfortableTruths": "Our champion has no budget."}""";
        as("cse").body(update).put("/api/v1/plans/" + planId).then().statusCode(428);
        as("cse").header("If-Match", "\"v7\"").body(update).put("/api/v1/plans/" + planId).then().statusCode(412);
        as("cse2").header("If-Match", "\"v0\"").body(update).put("/api/v1/plans/" + planId).then().statusCode(404);
        as("marketing").header("If-Match", "\"v0\"").body(update).put("/api/v1/plans/" + planId).then().statusCode(403);
        as("cse").header("If-Match", "\"v0\"").body(update.replace("\"250000.50\", \"currency\": \"AUD\"",
                "\"250000.50\", \"currency\": \"NZD\"")).put("/api/v1/plans/" + planId).then().statusCode(400)
                .body("errors.field", hasItem("growthRevenue.currency"));
        as("cse").header("If-Match", "\"v0\"").body(update).put("/api/v1/plans/" + planId).then().statusCode(200)
                .header("ETag", "\"v1\"").body("revenueForecast.total.amount", equalTo("1250000.50"));

        String s1 = as("cse").body(stakeholderBody("Ann", "CHAMPION", 5)).post("/api/v1/plans/" + planId + "/stakeholders")
                .then().statusCode(201).header("ETag", "\"v0\"").extract().path("id");
        as("cse").get("/api/v1/plans/" + planId + "/stakeholder-map").then().statusCode(200)
                .body("singleThreaded", equalTo(true)).body("missingExecutiveSponsor", equalTo(true));
        as("cse").body(stakeholderBody("Bob", "ECONOMIC_BUYER", 4)).post("/api/v1/plans/" + planId + "/stakeholders")
                .then().statusCode(201);
        as("cse").get("/api/v1/plans/" + planId + "/stakeholder-map").then().statusCode(200)
                .body("singleThreaded", equalTo(false)).body("missingExecutiveSponsor", equalTo(false));
        as("cse").header("If-Match", "\"v0\"").body(stakeholderBody("Ann", "DETRACTOR", 5))
                .put("/api/v1/plans/" + planId + "/stakeholders/" + s1).then().statusCode(200).body("role", equalTo("DETRACTOR"));
        as("cse").header("If-Match", "\"v0\"").body(stakeholderBody("Ann", "DETRACTOR", 5))
                .put("/api/v1/plans/" + planId + "/stakeholders/" + s1).then().statusCode(412);
        as("cse").get("/api/v1/plans/" + planId + "/stakeholders?limit=1").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", not(nullValue()));

        opportunity("cse", planId, "Upsell", "100.00", "QUALIFIED", 10);
        risk("cse", planId, "50.00", "FY2026", "AT_RISK", 50);
        as("cse").get("/api/v1/plans/" + planId + "/completeness").then().statusCode(200)
                .body("missing", contains("HEALTH_ASSESSMENT")).body("percentComplete", equalTo(85));

        // the health assessment is a snapshot of the projected health score
        String clientId = as("cse").get("/api/v1/plans/" + planId).then().extract().path("clientId");
        as("cse").header("If-Match", "\"v1\"").post("/api/v1/plans/" + planId + "/health-snapshot").then().statusCode(409);
        HealthScoreChanged score = new HealthScoreChanged(clientId, 1, null, null, 64.4, "AT_RISK", null, List.of(), List.of(),
                new HealthScoreChanged.Trigger("signal", UUID.randomUUID().toString()), Instant.now());
        CloudEvent event = CloudEvent.create(EventCatalogue.HEALTH_SCORE_CHANGED, clientId, Json.tree(score), null);
        TopicProbe.send(Topics.HEALTH_SCORES, event);
        TopicProbe.send(Topics.HEALTH_SCORES, event); // redelivered: changes nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> as("cse").header("If-Match", "*")
                .post("/api/v1/plans/" + planId + "/health-snapshot").statusCode() == 200);
        as("cse").get("/api/v1/plans/" + planId).then().statusCode(200)
                .body("healthAssessment.healthScore", equalTo(64)).body("healthAssessment.band", equalTo("AT_RISK"));
        as("cse").get("/api/v1/plans/" + planId + "/completeness").then().statusCode(200)
                .body("missing", hasSize(0)).body("percentComplete", equalTo(100));
    }

    @Test
    void opportunitiesKeepTheirStageHistoryAndCreatesAreIdempotent() {
        String planId = plan("cam", client("History " + UUID.randomUUID(), "cse", "cam"), "FY2026");
        String url = "/api/v1/plans/" + planId + "/opportunities";
        String key = UUID.randomUUID().toString();
        String body = opportunityBody("Renewal uplift", "123456.79", "PROSPECTING", 33, null);
        Response first = as("cam").header("Idempotency-Key", key).body(body).post(url);
        first.then().statusCode(201).body("weightedValue.amount", equalTo("40740.74"));
        String id = first.path("id");
        as("cam").header("Idempotency-Key", key).body(body).post(url).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        as("cam").header("Idempotency-Key", key).body(body.replace("Renewal uplift", "Other")).post(url).then().statusCode(422);
        as("cam").get(url).then().statusCode(200).body("items", hasSize(1));

        as("cam").header("If-Match", "\"v0\"").body(opportunityBody("Renewal uplift", "123456.79", "PROPOSAL", 60, null))
                .put(url + "/" + id).then().statusCode(200).header("ETag", "\"v1\"");
        as("cam").header("If-Match", "\"v1\"").body(opportunityBody("Renewal uplift", "123456.79", "CLOSED_WON", 100, "Signed"))
                .put(url + "/" + id).then().statusCode(200).body("closedOn", not(nullValue()));
        as("cam").header("If-Match", "\"v2\"").body(opportunityBody("Renewal uplift", "123456.79", "PROPOSAL", 60, null))
                .put(url + "/" + id).then().statusCode(409);
        as("cse").get(url + "/" + id + "/stage-history").then().statusCode(200)
                .body("stage", contains("PROSPECTING", "PROPOSAL", "CLOSED_WON"))
                .body("probability", contains(33, 60, 100));
        as("cse2").get(url + "/" + id + "/stage-history").then().statusCode(404);
        as("cse").get(url + "/" + UUID.randomUUID() + "/stage-history").then().statusCode(404);
    }

    @Test
    void quarterlyReviewsSnapshotThePlanAndDiffShowsWhatChanged() {
        String planId = plan("cse", client("Reviewed " + UUID.randomUUID(), "cse", "cam"), "FY2026");
        String url = "/api/v1/plans/" + planId;
        String oppId = as("cse").body(opportunityBody("Pathology", "1000.00", "PROPOSAL", 40, null)).post(url + "/opportunities")
                .then().statusCode(201).extract().path("id");
        String q1 = as("cse").body(review("Q1 2026")).post(url + "/reviews").then().statusCode(201)
                .body("winLoss", equalTo("Lost imaging on price")).extract().path("id");
        as("cse").body(review("Q1 2026")).post(url + "/reviews").then().statusCode(409);
        as("cse").body(review("Q1 2026").replace("\"progress\":\"On track\",", "")).post(url + "/reviews")
                .then().statusCode(400).body("errors.field", hasItem("progress"));
        as("marketing").body(review("Q2 2026")).post(url + "/reviews").then().statusCode(403);
        as("cse2").body(review("Q2 2026")).post(url + "/reviews").then().statusCode(404);

        as("cse").header("If-Match", "\"v0\"").body(opportunityBody("Pathology", "1000.00", "NEGOTIATION", 70, null))
                .put(url + "/opportunities/" + oppId).then().statusCode(200);
        risk("cse", planId, "1120000.00", "FY2028", "CONFIRMED", 100);
        String h2 = as("cse").body(review("2H 2026")).post(url + "/reviews").then().statusCode(201).extract().path("id");

        as("cam").get(url + "/reviews").then().statusCode(200).body("label", contains("Q1 2026", "2H 2026"));
        as("cse").get(url + "/diff?from=" + q1 + "&to=" + h2).then().statusCode(200)
                .body("rows.find { it.id == '" + oppId + "' }.change", equalTo("CHANGED"))
                .body("rows.find { it.id == '" + oppId + "' }.fields.field", contains("probability", "stage"))
                .body("rows.find { it.register == 'risks' }.change", equalTo("ADDED"));
        as("cse").get(url + "/diff?from=" + h2 + "&to=current").then().statusCode(200).body("rows", hasSize(0));
        as("cse").get(url + "/diff?from=yesterday&to=current").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as("cse").get(url + "/diff?from=" + q1).then().statusCode(400).body("errors[0].field", equalTo("to"));
        as("cse").get(url + "/diff?from=" + UUID.randomUUID() + "&to=current").then().statusCode(404);
        as("cse2").get(url + "/diff?from=" + q1 + "&to=current").then().statusCode(404);
        as("marketing").get(url + "/reviews").then().statusCode(403);
    }

    private static String review(String label) {
        return "{\"label\":\"" + label + "\",\"reviewDate\":\"2026-04-14\",\"progress\":\"On track\","
                + "\"pipelineStatus\":\"Pathology in proposal\",\"winLoss\":\"Lost imaging on price\","
                + "\"riskRefresh\":\"No change\",\"sapProgress\":\"n/a\",\"nextQuarterPriorities\":\"Close pathology\"}";
    }

    @Test
    void vpSetsQuotasAndAttainmentComesFromWonOpportunities() {
        String owner = "q-" + UUID.randomUUID();
        String planId = plan("avp", client("Quota " + UUID.randomUUID(), "cse", "cam"), "FY2026");
        String won = opportunityBody("Won", "600000.00", "CLOSED_WON", 100, "Signed").replace("\"expectedClose\"",
                "\"owner\":\"" + owner + "\",\"expectedClose\"");
        as("avp").body(won).post("/api/v1/plans/" + planId + "/opportunities").then().statusCode(201).body("owner", equalTo(owner));
        as("avp").body(opportunityBody("Open", "900000.00", "PROPOSAL", 50, null).replace("\"expectedClose\"",
                "\"owner\":\"" + owner + "\",\"expectedClose\"")).post("/api/v1/plans/" + planId + "/opportunities")
                .then().statusCode(201);
        String target = "{\"target\":{\"amount\":\"1500000.00\",\"currency\":\"AUD\"}}";
        String url = "/api/v1/plans/quotas/" + owner + "/FY2026";
        as("avp").body(target).put(url).then().statusCode(403);
        as("cse").body(target).put(url).then().statusCode(403);
        anonymous().body(target).put(url).then().statusCode(401);
        as("vp").body("{\"target\":{\"amount\":\"-1.00\",\"currency\":\"AUD\"}}").put(url).then().statusCode(400)
                .body("errors.field", hasItem("target.amount"));
        as("vp").body(target).put("/api/v1/plans/quotas/" + owner + "/2026").then().statusCode(400);
        as("vp").body(target).put(url).then().statusCode(200).header("ETag", "\"v0\"")
                .body("fiscalYear", equalTo("FY26")).body("won.amount", equalTo("600000.00"))
                .body("attainmentPercent", equalTo("40.00"));
        as("evp").body(target).put(url).then().statusCode(428);
        as("evp").header("If-Match", "\"v0\"").body(target.replace("1500000.00", "1200000.00")).put(url).then().statusCode(200)
                .body("attainmentPercent", equalTo("50.00")).body("setBy", equalTo("evp"));
        as("avp").get("/api/v1/plans/quotas?fiscalYear=FY2026").then().statusCode(200).body("owner", hasItem(owner));
        as("cse").get("/api/v1/plans/quotas").then().statusCode(200).body("owner", not(hasItem(owner)));
        as("marketing").get("/api/v1/plans/quotas").then().statusCode(403);
        as("avp").get("/api/v1/plans/quotas?fiscalYear=26").then().statusCode(400);
    }

    // --- fixtures ---

    private static String client(String name, String cse, String cam) {
        String id = TestClients.publishNew(name, cse, cam);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/plans?clientId=" + id).statusCode() == 200);
        return id;
    }

    private static String plan(String user, String clientId, String fiscalYear) {
        return as(user).body("{\"clientId\":\"" + clientId + "\",\"fiscalYear\":\"" + fiscalYear + "\",\"title\":\"Plan\"}")
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
    }

    private static void opportunity(String user, String planId, String name, String value, String stage, int probability) {
        opportunity(user, planId, name, value, stage, probability, null);
    }

    private static void opportunity(String user, String planId, String name, String value, String stage, int probability,
                                    String reason) {
        as(user).body(opportunityBody(name, value, stage, probability, reason))
                .post("/api/v1/plans/" + planId + "/opportunities").then().statusCode(201);
    }

    private static String opportunityBody(String name, String value, String stage, int probability, String reason) {
        return "{\"name\":\"" + name + "\",\"type\":\"UPSELL\",\"value\":{\"amount\":\"" + value + "\",\"currency\":\"AUD\"},"
                + "\"stage\":\"" + stage + "\",\"probability\":" + probability + ",\"expectedClose\":\"2026-05-30\""
                + (reason == null ? "" : ",\"closeReason\":\"" + reason + "\"") + "}";
    }

    private static void risk(String user, String planId, String amount, String fy, String status, int probability) {
        as(user).body(riskBody(amount, fy, status, probability)).post("/api/v1/plans/" + planId + "/risks")
                .then().statusCode(201).body("amount.amount", equalTo(amount)).body("fiscalYear", equalTo(fy));
    }

    private static String riskBody(String amount, String fy, String status, int probability) {
        return "{\"description\":\"Contract loss\",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"AUD\"},"
                + "\"fiscalYear\":\"" + fy + "\",\"status\":\"" + status + "\",\"probability\":" + probability
                + ",\"mitigationPlan\":\"Exec sponsor meeting\"}";
    }

    private static String stakeholderBody(String name, String role, int influence) {
        return "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"influence\":" + influence
                + ",\"sentiment\":\"POSITIVE\",\"engagementFrequency\":\"monthly\",\"relationshipStrength\":4,"
                + "\"lastContactDate\":\"2026-02-10\"}";
    }
}
