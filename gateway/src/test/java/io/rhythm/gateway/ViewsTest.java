package io.rhythm.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The composed views against the five real services behind the gateway: a small portfolio is seeded through the
 * services' APIs, then each view must equal what the services show the same caller, respect row-level access, and
 * degrade (not fail) when a service is stopped.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceProcesses.class, initArgs = @ResourceArg(name = "services",
        value = "health,nps,segmentation,planning,calendar"), restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static Portfolio portfolio;

    /** Two clients of cse (one renewing in 60 days, one with an overdue invoice and a plan), one of cse2. */
    record Portfolio(String mine, String renewing, String theirs, String myPlan) {
    }

    private static synchronized Portfolio portfolio() {
        if (portfolio != null) {
            return portfolio;
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mine = client("Views Mine " + tag, "cse", "900000.00", null);
        String renewing = client("Views Renewing " + tag, "cse", "250000.00", TODAY.plusDays(60));
        String theirs = client("Views Theirs " + tag, "cse2", "1200000.00", null);
        for (String id : List.of(mine, renewing, theirs)) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    as("avp").get("/api/v1/segments/clients/" + id).statusCode() == 200
                            && as("avp").get("/api/v1/plans?clientId=" + id).statusCode() == 200);
        }
        String myPlan = as("avp").body("{\"clientId\":\"" + mine + "\",\"fiscalYear\":\"FY2026\",\"title\":\"Plan\"}")
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        as("avp").body("{\"name\":\"Upsell\",\"type\":\"UPSELL\",\"value\":{\"amount\":\"1000000.00\",\"currency\":\"AUD\"},"
                        + "\"stage\":\"PROPOSAL\",\"probability\":50,\"expectedClose\":\"2026-05-30\"}")
                .post("/api/v1/plans/" + myPlan + "/opportunities").then().statusCode(201);
        as("avp").body("{\"description\":\"Module loss\",\"amount\":{\"amount\":\"200000.00\",\"currency\":\"AUD\"},"
                        + "\"fiscalYear\":\"FY2027\",\"status\":\"CONFIRMED\",\"probability\":100,\"mitigationPlan\":\"Sponsor\"}")
                .post("/api/v1/plans/" + myPlan + "/risks").then().statusCode(201);
        String theirPlan = as("avp").body("{\"clientId\":\"" + theirs + "\",\"fiscalYear\":\"FY2026\",\"title\":\"Plan\"}")
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        as("avp").body("{\"description\":\"Contract loss\",\"amount\":{\"amount\":\"300000.00\",\"currency\":\"AUD\"},"
                        + "\"fiscalYear\":\"FY2026\",\"status\":\"CONFIRMED\",\"probability\":100,\"mitigationPlan\":\"Sponsor\"}")
                .post("/api/v1/plans/" + theirPlan + "/risks").then().statusCode(201);
        asIntegration().body(Map.of("events", List.of(Map.of("eventId", "views-" + tag, "type", "INVOICE_ISSUED",
                        "invoiceId", "INV-" + tag, "clientId", mine, "amount", 1000, "currency", "AUD",
                        "dueDate", TODAY.minusDays(20).toString(), "occurredAt", TODAY.minusDays(50).atStartOfDay(ZoneOffset.UTC).toInstant().toString()))))
                .post("/api/v1/signals/billing").then().statusCode(200);
        // a ticket open 40 days: one in mine's support backlog
        asIntegration().body(Map.of("events", List.of(Map.of("eventId", "views-ticket-" + tag, "type", "TICKET_OPENED",
                        "ticketId", "T-" + tag, "clientId", mine, "priority", "NORMAL",
                        "occurredAt", TODAY.minusDays(40).atStartOfDay(ZoneOffset.UTC).toInstant().toString()))))
                .post("/api/v1/signals/support").then().statusCode(200);
        portfolio = new Portfolio(mine, renewing, theirs, myPlan);
        return portfolio;
    }

    private static String client(String name, String cse, String revenue, LocalDate renewal) {
        String body = "{\"name\":\"" + name + "\",\"region\":\"APAC\",\"ownerCse\":\"" + cse + "\",\"ownerCam\":\"cam\","
                + "\"lifecycleStage\":\"MATURE\",\"annualRevenue\":{\"amount\":\"" + revenue + "\",\"currency\":\"AUD\"}"
                + (renewal == null ? "" : ",\"renewalDate\":\"" + renewal + "\"") + "}";
        String location = asIntegration().body(body).post("/api/v1/clients").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A view once every section has come in (the first calls after start-up can be slow on a busy machine). */
    private static JsonPath settled(String user, String path) {
        JsonPath[] view = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var response = as(user).get(path);
            assertThat(response.statusCode()).as(path + " as " + user).isEqualTo(200);
            view[0] = response.jsonPath();
            return view[0].getList("degraded").stream().allMatch(d -> expectedUnavailable(path).contains(d));
        });
        return view[0];
    }

    /** Sections that are UNAVAILABLE by design until their service offers the read (none left). */
    private static List<String> expectedUnavailable(String path) {
        return List.of();
    }

    /** The support backlog input of a client's current score (health's own read), null when none. */
    private static Float supportBacklog(String clientId) {
        var response = as("avp").get("/api/v1/clients/" + clientId + "/health");
        return response.statusCode() != 200 ? null : response.jsonPath().get(
                "components.find { it.component == 'SUPPORT' }.inputs.find { it.key == 'support.backlog_over_30_days' }.raw");
    }

    private static JsonPath direct(String user, String path) {
        return as(user).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void client360IsWhatEachServiceShowsTheCaller() {
        Portfolio p = portfolio();
        String path = "/api/v1/clients/" + p.mine() + "/360?asOf=" + TODAY;
        // the plan's risk and the overdue invoice must have reached the services' reads
        await().atMost(Duration.ofSeconds(60)).until(() -> settled("cse", path).getList("risks.data").size() == 1);
        JsonPath view = settled("cse", path);

        assertThat(view.getString("clientId")).isEqualTo(p.mine());
        assertThat(view.getString("profile.status")).isEqualTo("AVAILABLE");
        assertThat(view.getString("profile.data.name")).isEqualTo(direct("cse", "/api/v1/clients/" + p.mine()).getString("name"));
        assertThat(view.getList("contacts.data")).hasSameSizeAs(direct("cse", "/api/v1/clients/" + p.mine() + "/contacts").getList("items"));
        JsonPath segment = direct("cse", "/api/v1/segments/clients/" + p.mine());
        assertThat(view.getString("segment.data.segment")).isEqualTo(segment.getString("segment"));
        assertThat(view.getString("segment.source")).isEqualTo("segmentation-service");
        JsonPath plans = new JsonPath(as("cse").get("/api/v1/plans?clientId=" + p.mine()).asString());
        assertThat(view.getList("accountPlans.data.id")).isEqualTo(plans.getList("id"));
        JsonPath opportunities = direct("cse", "/api/v1/plans/" + p.myPlan() + "/opportunities");
        assertThat(view.getList("opportunities.data.id")).isEqualTo(opportunities.getList("items.id"));
        assertThat(view.getString("opportunities.data[0].weightedValue.amount")).isEqualTo("500000.00");
        assertThat(view.getString("risks.data[0].amount.amount")).isEqualTo("200000.00");
        assertThat(view.getList("npsHistory.data")).hasSameSizeAs(direct("cse", "/api/v1/nps/trend?clientId=" + p.mine()).getList("cycles"));
        assertThat(view.getList("workflows.data")).hasSameSizeAs(
                direct("cse", "/api/v1/workflows?clientId=" + p.mine() + "&status=RUNNING").getList("items"));
        assertThat(view.getList("upcomingMeetings.data")).isEmpty();
        assertThat(view.getString("upcomingMilestones.status")).isEqualTo("AVAILABLE");
        assertThat(view.getString("detractorCases.status")).isEqualTo("AVAILABLE");
        assertThat(view.getString("openAlerts.status")).isEqualTo("AVAILABLE");
        // Working Capital: health's aged receivables of the client, as health shows them; the overdue invoice's amount
        JsonPath receivables = direct("cse", "/api/v1/clients/" + p.mine() + "/receivables?asOf=" + TODAY);
        assertThat(view.getString("workingCapital.status")).isEqualTo("AVAILABLE");
        assertThat(view.getString("workingCapital.source")).isEqualTo("health-service");
        assertThat(view.getList("workingCapital.data.byCurrency")).isEqualTo(receivables.getList("byCurrency"));
        assertThat(view.getString("workingCapital.data.byCurrency[0].buckets.find { it.bucket == '1-30' }.amount.amount")).isEqualTo("1000.00");
        assertThat(view.getString("workingCapital.data.byCurrency[0].overdue.amount")).isEqualTo("1000.00");
        assertThat(view.getString("workingCapital.data.asOf")).isEqualTo(TODAY.toString());

        // cadence: segmentation's register row of this client, read for the client alone, is its group of the
        // caller's whole register
        JsonPath register = direct("cse", "/api/v1/activity-register/compliance?groupBy=client&asOf=" + TODAY);
        assertThat(view.getMap("cadence.data")).isEqualTo(register.getMap("groups.find { it.key == '" + p.mine() + "' }"));

        // renewal: the one renewing in 60 days, as planning's portfolio list shows it
        await().atMost(Duration.ofSeconds(60)).until(() -> direct("cse", "/api/v1/renewals?asOf=" + TODAY + "&limit=200")
                .getList("items.clientId").contains(p.renewing()));
        JsonPath renewing = settled("cse", "/api/v1/clients/" + p.renewing() + "/360?asOf=" + TODAY);
        assertThat(renewing.getList("renewal.data.clientId")).containsExactly(p.renewing());
        JsonPath renewals = direct("cse", "/api/v1/renewals?asOf=" + TODAY + "&withinDays=730&limit=200");
        assertThat(renewing.getList("renewal.data")).containsExactly(
                renewals.getMap("items.find { it.clientId == '" + p.renewing() + "' }"));
        assertThat(view.getList("renewal.data")).isEmpty();
    }

    @Test
    @Order(2)
    void client360KeepsToTheCallersPortfolioAndRoles() {
        Portfolio p = portfolio();
        as("cse").get("/api/v1/clients/" + p.theirs() + "/360").then().statusCode(404).contentType("application/problem+json");
        as("cse2").get("/api/v1/clients/" + p.theirs() + "/360").then().statusCode(200).body("profile.status", equalTo("AVAILABLE"));
        // marketing reads the portfolio but no money from planning: those sections say so
        JsonPath marketing = settled("marketing", "/api/v1/clients/" + p.mine() + "/360");
        assertThat(marketing.getString("opportunities.status")).isEqualTo("FORBIDDEN");
        assertThat(marketing.getString("profile.status")).isEqualTo("AVAILABLE");
        asIntegration().get("/api/v1/clients/" + p.mine() + "/360").then().statusCode(403);
        anonymous().get("/api/v1/clients/" + p.mine() + "/360").then().statusCode(401);
        as("cse").get("/api/v1/clients/not-a-uuid/360").then().statusCode(400).body("errors[0].field", equalTo("id"));
        as("cse").get("/api/v1/clients/" + p.mine() + "/360?asOf=2026-02-30").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        as("avp").get("/api/v1/clients/" + UUID.randomUUID() + "/360").then().statusCode(404);
    }

    @Test
    @Order(3)
    void commandCentreIsTheSumOfThePartsForEachCaller() {
        Portfolio p = portfolio();
        for (String user : List.of("cse", "avp")) {
            String path = "/api/v1/command-centre?asOf=" + TODAY + "&since=" + TODAY.minusDays(30);
            JsonPath view = settled(user, path);
            JsonPath concentration = direct(user, "/api/v1/segments/concentration?top=4&asOf=" + TODAY);
            JsonPath metrics = direct(user, "/api/v1/plans/metrics?conversionRate=0.35");
            JsonPath bands = direct(user, "/api/v1/health/portfolio?limit=200");
            JsonPath renewals = direct(user, "/api/v1/renewals?asOf=" + TODAY + "&withinDays=90&limit=200");
            JsonPath compliance = direct(user, "/api/v1/activity-register/compliance?groupBy=portfolio&asOf=" + TODAY);

            assertThat(view.getString("concentration.data.topSharePercent")).isEqualTo(concentration.getString("topSharePercent"));
            assertThat(view.getString("concentration.data.totalRevenue.amount")).isEqualTo(concentration.getString("totalRevenue.amount"));
            assertThat(view.getInt("concentration.data.clients")).isEqualTo(concentration.getInt("clients"));
            assertThat(view.getList("clientsAndRevenueBySegment.data.revenue.amount"))
                    .isEqualTo(concentration.getList("bySegment.revenue.amount"));
            BigDecimal segmentSum = view.getList("clientsAndRevenueBySegment.data.revenue.amount", String.class).stream()
                    .map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(segmentSum).isEqualByComparingTo(concentration.getString("totalRevenue.amount"));
            assertThat(view.getMap("clientsByBand.data.countsByBand")).isEqualTo(bands.getMap("countsByBand"));
            assertThat(view.getString("confirmedAttrition.data.total.amount")).isEqualTo(metrics.getString("confirmedAttrition.total.amount"));
            assertThat(view.getList("confirmedAttrition.data.byFiscalYear")).isEqualTo(metrics.getList("confirmedAttrition.byFiscalYear"));
            assertThat(view.getString("pipelineVsAttrition.data.weightedPipeline.amount")).isEqualTo(metrics.getString("weightedPipeline.amount"));
            assertThat(view.getString("pipelineVsAttrition.data.realisticNewRevenue.amount")).isEqualTo(metrics.getString("realisticNewRevenue.amount"));
            assertThat(view.getInt("renewalsIn90Days.data.count")).isEqualTo(renewals.getList("items").size());
            assertThat(view.getString("activityCompliance.data.compliancePercent"))
                    .isEqualTo(compliance.getString("totals.compliancePercent"));
            JsonPath receivables = direct(user, "/api/v1/health/receivables?asOf=" + TODAY);
            assertThat(view.getString("agedReceivables.status")).isEqualTo("AVAILABLE");
            assertThat(view.getList("agedReceivables.data.byCurrency")).isEqualTo(receivables.getList("byCurrency"));
            assertThat(view.getInt("agedReceivables.data.clients")).isEqualTo(receivables.getInt("clients")).isPositive();
            assertThat(new BigDecimal(view.getString("agedReceivables.data.byCurrency.find { it.currency == 'AUD' }.overdue.amount")))
                    .isGreaterThanOrEqualTo(new BigDecimal("1000.00"));
            assertThat(view.getList("knownRisks.data.code")).contains("REVENUE_CONCENTRATION", "LARGEST_CLIENT_VOLATILITY", "PIPELINE_CONVERSION");
            assertThat(view.getString("changesSince.status")).isEqualTo("AVAILABLE");

            List<String> ranked = concentration.getList("ranked.clientId");
            if (user.equals("cse")) {
                // a CSE's Command Centre counts only their portfolio
                assertThat(ranked).contains(p.mine(), p.renewing()).doesNotContain(p.theirs());
                assertThat(view.getList("renewalsIn90Days.data.renewals.clientId")).contains(p.renewing());
                assertThat(new BigDecimal(view.getString("confirmedAttrition.data.total.amount"))).isGreaterThanOrEqualTo(new BigDecimal("200000.00"));
            } else {
                assertThat(ranked).contains(p.mine(), p.renewing(), p.theirs());
                assertThat(new BigDecimal(view.getString("confirmedAttrition.data.total.amount"))).isGreaterThanOrEqualTo(new BigDecimal("500000.00"));
            }
        }
        JsonPath cse = settled("cse", "/api/v1/command-centre");
        JsonPath avp = settled("avp", "/api/v1/command-centre");
        assertThat(cse.getInt("concentration.data.clients")).isLessThan(avp.getInt("concentration.data.clients"));
        asIntegration().get("/api/v1/command-centre").then().statusCode(403);
        anonymous().get("/api/v1/command-centre").then().statusCode(401);
        as("avp").get("/api/v1/command-centre?since=yesterday").then().statusCode(400).body("errors[0].field", equalTo("since"));
        as("avp").get("/api/v1/command-centre?asOf=2026-01-01&since=2026-02-01").then().statusCode(400);
    }

    @Test
    @Order(4)
    void earlyWarningsShowTheSeedsFiveIndicators() {
        Portfolio p = portfolio();
        JsonPath view = settled("avp", "/api/v1/early-warnings?asOf=" + TODAY);
        for (String indicator : List.of("healthDecline", "supportBacklog", "npsResponseRate", "pipelineStageMovement", "engagementCompliance")) {
            assertThat(view.getString(indicator + ".status")).as(indicator).isIn("AVAILABLE", "EMPTY");
        }
        assertThat(view.getString("healthDecline.data.threshold")).isEqualTo("> 10 % decline");
        // health decline: health's portfolio read over the 30 days to asOf
        JsonPath declines = direct("avp", "/api/v1/health/declines?asOf=" + TODAY + "&days=30&threshold=10&limit=200");
        assertThat(view.getList("healthDecline.data.clients.clientId")).containsExactlyInAnyOrderElementsOf(declines.getList("items.clientId"));
        assertThat(view.getString("healthDecline.data.currentValue"))
                .isEqualTo(declines.getList("items").size() + " of " + declines.getLong("compared") + " clients");
        // stage movement: planning's portfolio read of the stage history over the 30 days to asOf
        JsonPath moves = direct("avp", "/api/v1/plans/opportunities/stage-movements?since=" + TODAY.minusDays(30) + "&asOf=" + TODAY
                + "&movement=REGRESSED,STALLED&limit=200");
        assertThat(view.getString("pipelineStageMovement.status")).isEqualTo("AVAILABLE");
        assertThat(view.getString("pipelineStageMovement.data.code")).isEqualTo("PIPELINE_STAGE_MOVEMENT");
        Map<String, Object> counts = moves.getMap("counts");
        counts.forEach((movement, count) -> assertThat(view.getString("pipelineStageMovement.data.breakdown." + movement))
                .as(movement).isEqualTo(String.valueOf(count)));
        assertThat(((Number) counts.get("NEW")).intValue()).as("the seeded upsell, created today").isPositive();
        assertThat(view.getList("pipelineStageMovement.data.clients.clientId", String.class))
                .containsExactlyInAnyOrderElementsOf(moves.getList("items.clientId", String.class).stream().distinct().toList());
        assertThat(view.getBoolean("pipelineStageMovement.data.triggered"))
                .isEqualTo(((Number) counts.get("REGRESSED")).intValue() + ((Number) counts.get("STALLED")).intValue() > 0);
        // support backlog: health's portfolio read carries each client's input, the same as the client's health read
        await().atMost(Duration.ofSeconds(60)).until(() -> supportBacklog(p.mine()) != null && supportBacklog(p.mine()) == 1.0f);
        JsonPath backlog = settled("avp", "/api/v1/early-warnings?asOf=" + TODAY);
        assertThat(backlog.getString("supportBacklog.data.clients.find { it.clientId == '" + p.mine() + "' }.value")).isEqualTo("1");
        JsonPath scored = direct("avp", "/api/v1/health/portfolio?limit=200");
        long behind = scored.getList("items", Map.class).stream()
                .filter(i -> i.get("score") != null && i.get("supportBacklogOver30Days") != null
                        && ((Number) i.get("supportBacklogOver30Days")).intValue() > 0).count();
        assertThat(backlog.getList("supportBacklog.data.clients")).hasSize((int) behind);
        assertThat(settled("cse2", "/api/v1/early-warnings?asOf=" + TODAY).getList("supportBacklog.data.clients.clientId"))
                .doesNotContain(p.mine());
        JsonPath compliance = direct("avp", "/api/v1/activity-register/compliance?groupBy=client&asOf=" + TODAY);
        assertThat(view.getList("engagementCompliance.data.clients")).hasSameSizeAs(
                compliance.getList("groups").stream().filter(g -> ((Number) ((Map<?, ?>) ((Map<?, ?>) g).get("counts")).get("overdue")).intValue() > 0).toList());
        // a CSE's indicators cover their clients only
        JsonPath cse = settled("cse", "/api/v1/early-warnings?asOf=" + TODAY);
        assertThat(cse.getList("engagementCompliance.data.clients.clientId")).doesNotContain(p.theirs());
        assertThat(cse.getString("pipelineStageMovement.data.breakdown.NEW")).isEqualTo(String.valueOf(
                direct("cse", "/api/v1/plans/opportunities/stage-movements?since=" + TODAY.minusDays(30) + "&asOf=" + TODAY)
                        .getInt("counts.NEW")));
        // marketing reads no money registers: the stage movement says so
        assertThat(settled("marketing", "/api/v1/early-warnings?asOf=" + TODAY).getString("pipelineStageMovement.status")).isEqualTo("FORBIDDEN");
        as("avp").get("/api/v1/early-warnings?segment=%25%25").then().statusCode(400);
        asIntegration().get("/api/v1/early-warnings").then().statusCode(403);
    }

    @Test
    @Order(5)
    void myAgendaIsOrderedByDueTime() {
        portfolio();
        JsonPath view = settled("cse", "/api/v1/me/agenda?asOf=" + TODAY);
        assertThat(view.getString("user")).isEqualTo("cse");
        List<String> dues = view.getList("items.due");
        List<String> dated = dues.stream().filter(d -> d != null).map(d -> d.length() == 10 ? d + "T00:00:00Z" : d).toList();
        assertThat(dated).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse));
        assertThat(view.getMap("sources")).containsKeys("alerts", "detractorCases", "satisfactionActionPlans", "workflowSteps",
                "deliverables", "cadenceGaps").doesNotContainKey("letterApprovals");
        JsonPath evp = settled("evp", "/api/v1/me/agenda");
        assertThat(evp.getMap("sources")).containsKeys("letterApprovals", "talkingPointsApprovals");
        asIntegration().get("/api/v1/me/agenda").then().statusCode(403);
        anonymous().get("/api/v1/me/agenda").then().statusCode(401);
    }

    @Test
    @Order(6)
    void theMergedOpenApiDocumentsTheViews() {
        JsonPath openapi = io.restassured.RestAssured.given().get("/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("/api/v1/clients/{id}/360", "/api/v1/command-centre", "/api/v1/early-warnings", "/api/v1/me/agenda")) {
            Map<String, Object> get = openapi.getMap("paths.'" + path + "'.get");
            assertThat(get).as(path).isNotNull();
            assertThat(((Map<?, ?>) get.get("responses")).keySet().stream().map(String::valueOf).toList()).as(path).contains("200", "401", "403");
        }
        assertThat(openapi.getMap("components.schemas")).containsKeys("Client360", "CommandCentre", "EarlyWarnings", "Agenda", "ViewSection");
    }

    @Test
    @Order(10)
    void aStoppedServiceDegradesTheViewInsteadOfFailingIt() {
        Portfolio p = portfolio();
        settled("cse", "/api/v1/clients/" + p.mine() + "/360");
        ServiceProcesses.stop("nps");
        try {
            var cse = as("cse");
            long started = System.nanoTime();
            JsonPath view = cse.get("/api/v1/clients/" + p.mine() + "/360").then().statusCode(200).extract().jsonPath();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).as("answered within the deadline").isLessThan(1_000);
            assertThat(view.getList("degraded", String.class)).contains("npsHistory", "detractorCases")
                    .doesNotContain("profile", "segment", "accountPlans", "upcomingMilestones");
            assertThat(view.getString("npsHistory.status")).isEqualTo("UNAVAILABLE");
            assertThat(view.getString("npsHistory.reason")).contains("nps-service");
            assertThat(view.getString("profile.status")).isEqualTo("AVAILABLE");
            assertThat(view.getString("risks.data[0].amount.amount")).isEqualTo("200000.00");

            var avp = as("avp");
            started = System.nanoTime();
            JsonPath centre = avp.get("/api/v1/command-centre").then().statusCode(200).extract().jsonPath();
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
            assertThat(centre.getList("degraded", String.class)).contains("currentNpsCycle").doesNotContain("concentration", "confirmedAttrition");
            assertThat(centre.getString("concentration.status")).isEqualTo("AVAILABLE");
        } finally {
            ServiceProcesses.start("nps");
        }
    }
}
