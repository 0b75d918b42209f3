package io.rhythm.planning.readiness.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.planning.readiness.domain.Framework;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.AlertRaised;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.events.payload.SegmentMigrated;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A region of four clients with known facts: the proposals, deliverables, decisions, report and access. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ReadinessApiTest {

    static final String REGION = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
    static final LocalDate TODAY = LocalDate.now();
    static String waikato;
    static String nguyen;

    @BeforeAll
    static void region() {
        waikato = client("Te Whatu Ora – Waikato", "Strategic", "900000.00", TODAY.plusDays(30));
        nguyen = client("Nguyễn Holdings", "Growth", "300000.00", TODAY.plusDays(200), "ONBOARDING");
        String clinic = client("Ó Súilleabháin's Clinic", "Standard", "100000.00", TODAY.plusDays(400), "ADOPTION");
        client("Untiered Ltd", null, null, null);
        TestClients.publishContact(clinic, UUID.randomUUID().toString(), "Siobhán Ó Súilleabháin", "siobhan@clinic.example", true, 0);
        TestClients.publishContact(waikato, UUID.randomUUID().toString(), "Aroha Ngāti-Kahu", "aroha@waikato.example", true, 0);
        TestClients.publishContact(waikato, UUID.randomUUID().toString(), "Wiremu Tāne", "wiremu@waikato.example", true, 0);
        score(waikato, "STABLE", "AT_RISK", 61.5);
        score(nguyen, null, "HEALTHY", 91.0);
        AlertRaised alert = new AlertRaised(UUID.randomUUID().toString(), waikato, "CRITICAL_HEALTH", "HIGH", "OPEN", "cse",
                List.of("avp"), "health score fell to 61.5", Map.of("health.score", 61.5), List.of(), Instant.now().minusSeconds(86_400 * 3));
        TopicProbe.send(Topics.HEALTH_ALERTS, CloudEvent.create(EventCatalogue.ALERT_RAISED, waikato, Json.tree(alert), null));
    }

    @Test
    void anAssessmentProposesScoresFromLiveDataAndBuildsTheSixDeliverables() throws Exception {
        // Waikato's account plan of the current fiscal year (July start): GRR/NRR and an expansion play come from it
        String fy = "FY" + (TODAY.getMonthValue() >= 7 ? TODAY.getYear() + 1 : TODAY.getYear());
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/plans?clientId=" + waikato).statusCode() == 200);
        String plan = as("cse").body("{\"clientId\":\"" + waikato + "\",\"fiscalYear\":\"" + fy + "\",\"title\":\"Waikato\"}")
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        as("cse").header("If-Match", "\"v0\"").body("{\"title\":\"Waikato\",\"maintenanceRevenue\":{\"amount\":\"900000.00\","
                + "\"currency\":\"AUD\"}}").put("/api/v1/plans/" + plan).then().statusCode(200);
        as("cse").body("{\"description\":\"Pathology module dropped\",\"amount\":{\"amount\":\"90000.00\",\"currency\":\"AUD\"},"
                + "\"fiscalYear\":\"" + fy + "\",\"status\":\"CONFIRMED\",\"probability\":100}").post("/api/v1/plans/" + plan + "/risks")
                .then().statusCode(201);
        as("cse").body("{\"name\":\"Imaging seats\",\"type\":\"UPSELL\",\"value\":{\"amount\":\"45000.00\",\"currency\":\"AUD\"},"
                + "\"stage\":\"CLOSED_WON\",\"probability\":100,\"closeReason\":\"Signed\"}").post("/api/v1/plans/" + plan + "/opportunities")
                .then().statusCode(201);
        JsonPath a = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> assess("avp"),
                j -> j.getInt("clientCount") == 4 && j.getList("issueLog.openIssues").size() == 1
                        && j.getList("accountHealthDashboard.atRiskAccounts").size() == 1
                        && j.getList("stakeholderMap[0].contacts").size() == 2
                        && Integer.valueOf(3).equals(criterion(j, "3.4").get("proposedScore")));
        assertThat(criterion(a, "1.1")).containsEntry("proposedScore", 3).containsEntry("status", "PROPOSED")
                .containsEntry("evidence", "3 of 4 clients have a tier (segment by value) recorded (75 %)");
        assertThat(criterion(a, "4.4")).containsEntry("proposedScore", 3)
                .containsEntry("evidence", "2 of 4 clients are monitored with a health score (50 %)");
        assertThat(criterion(a, "6.1")).containsEntry("proposedScore", 5);
        assertThat(criterion(a, "4.1")).containsEntry("proposedScore", 1);
        // onboarding: Nguyễn (ONBOARDING, Healthy, no plan, no stakeholder) and the clinic (ADOPTION, unscored, a
        // stakeholder): no engagement plan 0 of 2 → 1, adoption checkpoint 1 of 2 → 3, handoff 1 of 2 → 3; time-to-value
        // needs a person. Dimension 3 = (1 + 3 + 3) / 3 = 2.3, Developing
        assertThat(criterion(a, "3.1")).containsEntry("proposedScore", 1).containsEntry("status", "PROPOSED");
        assertThat(criterion(a, "3.2")).containsEntry("status", "UNASSESSED").containsEntry("score", null);
        assertThat(criterion(a, "3.3")).containsEntry("proposedScore", 3).containsEntry("evidence", "1 of 2 onboarding clients "
                + "(stage ONBOARDING or ADOPTION) pass their adoption checkpoint (health score Healthy or Stable) (50 %)");
        assertThat(criterion(a, "3.4")).containsEntry("proposedScore", 3);
        assertThat(a.getFloat("scorecard[2].level.score")).isEqualTo(2.3f);
        assertThat(a.getString("scorecard[2].level.maturity")).isEqualTo("Developing");
        assertThat(a.getList("scorecard.name")).isEqualTo(Framework.DIMENSIONS.stream().map(Framework.Dimension::name).toList());
        assertThat(a.getString("executiveSummary.overall.maturity")).isNotBlank();
        assertThat(a.getList("executiveSummary.retentionRiskExposure")).containsExactly(Map.of("amount", "900000.00", "currency", "AUD"));
        assertThat(a.getInt("executiveSummary.renewalsIn90Days")).isEqualTo(1);
        assertThat(a.getList("executiveSummary.topPriorities")).hasSize(3);
        assertThat(a.getInt("accountHealthDashboard.cells.find { it.tier == 'strategic' && it.health == 'yellow' }.accounts")).isEqualTo(1);
        assertThat(a.getInt("accountHealthDashboard.cells.find { it.tier == 'growth' && it.health == 'green' }.accounts")).isEqualTo(1);
        assertThat(a.getString("stakeholderMap[0].name")).isEqualTo("Te Whatu Ora – Waikato");
        assertThat(a.getString("stakeholderMap[0].relationshipDepth")).startsWith("multi-threaded");
        assertThat(a.getString("issueLog.openIssues[0].owner")).isEqualTo("cse");
        assertThat(a.getInt("issueLog.openIssues[0].daysOpen")).isEqualTo(3);
        assertThat(a.getList("plan.metrics.name")).containsExactly("NRR", "GRR", "CSAT", "QBR completion", "Expansion pipeline");
        String fyShort = "FY" + fy.substring(4);
        assertThat(a.getString("plan.metrics.find { it.name == 'GRR' }.current")).startsWith("90.00 % in " + fyShort + " (AUD: "
                + "starting maintenance revenue 900000.00, lost 90000.00");
        assertThat(a.getString("plan.metrics.find { it.name == 'NRR' }.current")).startsWith("95.00 % in " + fyShort)
                .contains("expansion won 45000.00");
        assertThat(criterion(a, "6.3")).containsEntry("proposedScore", 2).containsEntry("status", "PROPOSED")
                .containsEntry("evidence", "1 of 4 clients have an expansion play (upsell, cross-sell, new module) open or won in "
                        + "their account plan (25 %)");
        String id = a.getString("id");

        // a person confirms or overrides, with a reason where the score differs or there was no data
        as("avp").body("{\"score\": 2}").put("/api/v1/readiness/assessments/" + id + "/criteria/1.3").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as("avp").body("{\"score\": 6, \"reason\": \"x\"}").put("/api/v1/readiness/assessments/" + id + "/criteria/1.3").then().statusCode(400);
        as("avp").body("{\"score\": 3}").put("/api/v1/readiness/assessments/" + id + "/criteria/9.9").then().statusCode(400);
        JsonPath decided = as("avp").body("{\"score\": 2, \"reason\": \"Success criteria agreed with two clients only\"}")
                .put("/api/v1/readiness/assessments/" + id + "/criteria/1.3").then().statusCode(200).extract().jsonPath();
        assertThat(criterion(decided, "1.3")).containsEntry("status", "OVERRIDDEN").containsEntry("score", 2)
                .containsEntry("decidedBy", "avp");
        JsonPath confirmed = as("vp").body("{\"score\": 3}").put("/api/v1/readiness/assessments/" + id + "/criteria/4.4")
                .then().statusCode(200).extract().jsonPath();
        assertThat(criterion(confirmed, "4.4")).containsEntry("status", "CONFIRMED");

        // printable: HTML and a PDF with embedded fonts that keeps macrons, diacritics and apostrophes
        as("avp").accept("text/html").get("/api/v1/readiness/assessments/" + id + "/report.html").then().statusCode(200)
                .body(containsString("Te Whatu Ora – Waikato")).body(containsString("30/60/90-Day Retention"));
        byte[] pdf = as("avp").accept("application/pdf").get("/api/v1/readiness/assessments/" + id + "/report.pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " "); // table cells wrap
            Framework.DIMENSIONS.forEach(d -> assertThat(text).contains(d.name()));
            assertThat(text).contains("Nguyễn Holdings", "Ó Súilleabháin's Clinic", "Aroha Ngāti-Kahu", "Executive Summary");
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void accessAndValidation() {
        anonymous().body("{\"scope\": \"PORTFOLIO\"}").post("/api/v1/readiness/assessments").then().statusCode(401);
        as("marketing").body("{\"scope\": \"PORTFOLIO\"}").post("/api/v1/readiness/assessments").then().statusCode(403);
        io.rhythm.platform.testing.Api.asIntegration().get("/api/v1/readiness/framework").then().statusCode(403);
        as("marketing").get("/api/v1/readiness/framework").then().statusCode(200).body("maturityScale[1].level", equalTo("Developing"));
        as("avp").body("{\"scope\": \"GALAXY\"}").post("/api/v1/readiness/assessments").then().statusCode(400)
                .body("errors[0].field", equalTo("scope"));
        as("avp").body("{\"scope\": \"REGION\"}").post("/api/v1/readiness/assessments").then().statusCode(400)
                .body("errors[0].field", equalTo("scopeValue"));
        as("avp").body("{\"scope\": \"PORTFOLIO\", \"colour\": 1}").post("/api/v1/readiness/assessments").then().statusCode(400);
        as("avp").body("{\"scope\": \"SEGMENT\", \"scopeValue\": \"Galaxy\"}").post("/api/v1/readiness/assessments").then()
                .statusCode(400).body("errors[0].field", equalTo("scopeValue"));

        // by segment: the clients segmentation places there now (the planning projection of SegmentMigrated)
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, CloudEvent.create(EventCatalogue.SEGMENT_MIGRATED, nguyen, Json.tree(
                new SegmentMigrated(nguyen, null, "SLEEPING_GIANTS", "test", true, "segmentation")), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").body("{\"scope\": \"SEGMENT\", \"scopeValue\": \"SLEEPING_GIANTS\"}")
                .post("/api/v1/readiness/assessments").then().statusCode(201).extract().jsonPath().getInt("clientCount") >= 1);
        as("avp").body("{\"scope\": \"SEGMENT\", \"scopeValue\": \"Sleeping Giant\"}").post("/api/v1/readiness/assessments")
                .then().statusCode(201).body("scopeValue", equalTo("SLEEPING_GIANTS")).body("scopeLabel", equalTo("Segment SLEEPING_GIANTS"));
        as("cse2").body("{\"scope\": \"SEGMENT\", \"scopeValue\": \"SLEEPING_GIANTS\"}").post("/api/v1/readiness/assessments")
                .then().statusCode(201).body("scopeLabel", equalTo("Segment SLEEPING_GIANTS (clients of cse2)"));

        // a CSE assesses only their own clients, and nobody else's CSE sees it
        String mine = as("cse").body("{\"scope\": \"REGION\", \"scopeValue\": \"" + REGION + "\"}").post("/api/v1/readiness/assessments")
                .then().statusCode(201).extract().path("id");
        as("cse").get("/api/v1/readiness/assessments/" + mine).then().statusCode(200);
        as("cse2").get("/api/v1/readiness/assessments/" + mine).then().statusCode(404);
        as("evp").get("/api/v1/readiness/assessments/" + mine).then().statusCode(200);
        as("cse2").body("{\"scope\": \"REGION\", \"scopeValue\": \"" + REGION + "\"}").post("/api/v1/readiness/assessments")
                .then().statusCode(201).body("clientCount", equalTo(0));
        String avps = as("avp").body("{\"scope\": \"REGION\", \"scopeValue\": \"" + REGION + "\"}").post("/api/v1/readiness/assessments")
                .then().statusCode(201).extract().path("id");
        as("cse").get("/api/v1/readiness/assessments/" + avps).then().statusCode(404);
        as("cse").accept("application/pdf").get("/api/v1/readiness/assessments/" + avps + "/report.pdf").then().statusCode(404);
        as("cse").body("{\"score\": 3}").put("/api/v1/readiness/assessments/" + avps + "/criteria/1.1").then().statusCode(404);
    }

    private static JsonPath assess(String user) {
        return as(user).body("{\"scope\": \"REGION\", \"scopeValue\": \"" + REGION + "\", \"asOf\": \"" + TODAY + "\"}")
                .post("/api/v1/readiness/assessments").then().statusCode(201).extract().jsonPath();
    }

    private static Map<String, Object> criterion(JsonPath a, String code) {
        return a.getMap("scorecard.criteria.flatten().find { it.code == '" + code + "' }");
    }

    private static String client(String name, String tier, String arr, LocalDate renewal) {
        return client(name, tier, arr, renewal, "MATURE");
    }

    private static String client(String name, String tier, String arr, LocalDate renewal, String stage) {
        String id = UUID.randomUUID().toString();
        ClientUpserted c = new ClientUpserted(id, name, REGION, "Health", "cse", "cam", tier, stage, renewal,
                arr == null ? null : new Money(arr, "AUD"), Map.of(), 0);
        TopicProbe.send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CLIENT_UPSERTED, id, Json.tree(c), null));
        return id;
    }

    private static void score(String clientId, String previousBand, String band, double score) {
        HealthScoreChanged change = new HealthScoreChanged(clientId, 1, previousBand == null ? null : 75.0, previousBand, score,
                band, previousBand == null ? null : score - 75.0, List.of(), List.of(),
                new HealthScoreChanged.Trigger("signal", UUID.randomUUID().toString()), Instant.now());
        TopicProbe.send(Topics.HEALTH_SCORES, CloudEvent.create(EventCatalogue.HEALTH_SCORE_CHANGED, clientId, Json.tree(change), null));
    }
}
