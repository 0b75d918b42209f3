package io.rhythm.planning.workflow.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class WorkflowApiTest {

    @BeforeAll
    static void smtp() {
        WorkflowMailbox.get();
    }

    @Test
    void aQbrRunsStepByStepWithFormValidationFileRulesAndAClientLink() throws Exception {
        String clientId = knownClient();
        String id;
        try (TopicProbe events = TopicProbe.watch(Topics.PLANNING_WORKFLOWS)) {
            id = as("cse").body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"qbr\"}").post("/api/v1/workflows")
                    .then().statusCode(201).body("status", equalTo("RUNNING")).body("activePosition", equalTo(1))
                    .body("template.version", equalTo(1)).body("steps[0].status", equalTo("ACTIVE"))
                    .body("steps[0].dueOn", equalTo(LocalDate.now().plusDays(7).toString()))
                    .body("steps[1].status", equalTo("PENDING")).extract().path("id");
            CloudEvent started = events.awaitEvent(EventCatalogue.WORKFLOW_STARTED.type(), clientId, Duration.ofSeconds(30));
            assertThat(started.data().get("workflowId").asText()).isEqualTo(id);
            assertThat(started.data().get("templateKey").asText()).isEqualTo("qbr");
        }

        // step 1 (Form): every bad field named, nothing stored
        as("cse").body("{\"formData\": {\"renewalDate\": \"2027-02-30\", \"annualRecurringRevenue\": \"lots\", \"colour\": \"red\"}}")
                .post("/api/v1/workflows/" + id + "/steps/1/completion").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("formData.renewalDate")).body("errors.field", hasItem("formData.annualRecurringRevenue"))
                .body("errors.field", hasItem("formData.keyWinsThisQuarter")).body("errors.field", hasItem("formData.colour"));
        as("cse").body("{\"outcome\": \"APPROVED\"}").post("/api/v1/workflows/" + id + "/steps/1/completion").then().statusCode(400)
                .body("errors.field", hasItem("outcome"));
        as("cse").body("{\"unknown\": 1}").post("/api/v1/workflows/" + id + "/steps/1/completion").then().statusCode(400);
        as("cse").get("/api/v1/workflows/" + id).then().statusCode(200).body("activePosition", equalTo(1))
                .body("steps[0].record", nullValue());
        // steps progress in order
        as("cse").body("{}").post("/api/v1/workflows/" + id + "/steps/4/completion").then().statusCode(409);
        as("cse").body("{\"formData\": {\"renewalDate\": \"2027-06-30\", \"annualRecurringRevenue\": 578000, "
                        + "\"keyWinsThisQuarter\": \"Rolled out to Waikato and Tairāwhiti\"}}")
                .post("/api/v1/workflows/" + id + "/steps/1/completion").then().statusCode(200)
                .body("activePosition", equalTo(2)).body("steps[0].status", equalTo("DONE"))
                .body("steps[0].completedBy", equalTo("cse"))
                .body("steps[0].record.values.annualRecurringRevenue", equalTo("578000"));

        // step 2 (File Request): size limit → 413, type allow-list → 415, then stored with its SHA-256
        as("cse").body("{}").post("/api/v1/workflows/" + id + "/steps/2/completion").then().statusCode(409);
        upload("cse", id, 2, "deck.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]).then().statusCode(413)
                .contentType("application/problem+json");
        upload("cse", id, 2, "deck.exe", "application/x-msdownload", "MZ".getBytes()).then().statusCode(415)
                .contentType("application/problem+json");
        byte[] deck = "%PDF-1.7 QBR deck".getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(deck));
        String fileId = upload("cse", id, 2, "QBR deck.pdf", "application/pdf", deck).then().statusCode(200)
                .body("activePosition", equalTo(3)).body("steps[1].record.sha256", equalTo(sha))
                .body("steps[1].record.sizeBytes", equalTo(deck.length)).extract().path("steps[1].record.fileId");
        byte[] downloaded = as("cam").get("/api/v1/workflows/" + id + "/files/" + fileId).then().statusCode(200)
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(deck);
        as("cse2").get("/api/v1/workflows/" + id + "/files/" + fileId).then().statusCode(404);

        // step 3 (client Form): not completed internally; a link is e-mailed and works once
        as("cse").body("{\"formData\": {}}").post("/api/v1/workflows/" + id + "/steps/3/completion").then().statusCode(409);
        String email = "aroha." + UUID.randomUUID() + "@client.example";
        as("cse").body("{\"email\": \"" + email + "\", \"recipientName\": \"Aroha Ngata\"}")
                .post("/api/v1/workflows/" + id + "/steps/2/links").then().statusCode(409);
        as("cse").body("{\"email\": \"not-an-address\"}").post("/api/v1/workflows/" + id + "/steps/3/links").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
        as("marketing").body("{\"email\": \"" + email + "\"}").post("/api/v1/workflows/" + id + "/steps/3/links").then().statusCode(403);
        as("cse").body("{\"email\": \"" + email + "\", \"recipientName\": \"Aroha Ngata\"}")
                .post("/api/v1/workflows/" + id + "/steps/3/links").then().statusCode(201).body("mailed", equalTo(true));
        await().atMost(Duration.ofSeconds(20)).until(() -> !WorkflowMailbox.to(email).isEmpty());
        MimeMessage mail = WorkflowMailbox.to(email).get(0);
        assertThat(mail.getSubject()).contains("Client pre-QBR survey");
        String token = WorkflowMailbox.token(mail);

        anonymous().get("/api/v1/workflows/links/" + token).then().statusCode(200)
                .body("stepName", equalTo("Client pre-QBR survey")).body("fields[0].type", equalTo("DROPDOWN"))
                .body("fields[0].options", hasItem("Satisfied"));
        anonymous().get("/api/v1/workflows/links/" + "x".repeat(43)).then().statusCode(404);
        anonymous().body("{\"formData\": {\"overallSatisfaction\": \"Ecstatic\"}}").post("/api/v1/workflows/links/" + token)
                .then().statusCode(400).body("errors.field", hasItem("formData.overallSatisfaction"))
                .body("errors.field", hasItem("formData.topPrioritiesForNextQuarter"));
        anonymous().body("{\"formData\": {\"overallSatisfaction\": \"Satisfied\", \"topPrioritiesForNextQuarter\": \"Ngā mihi: "
                + "reporting for Ó Súilleabháin's team\"}}").post("/api/v1/workflows/links/" + token).then().statusCode(200)
                .body("status", equalTo("DONE"));
        anonymous().body("{\"formData\": {\"overallSatisfaction\": \"Satisfied\", \"topPrioritiesForNextQuarter\": \"again\"}}")
                .post("/api/v1/workflows/links/" + token).then().statusCode(409);
        anonymous().get("/api/v1/workflows/links/" + token).then().statusCode(409);
        as("cam").get("/api/v1/workflows/" + id).then().statusCode(200).body("activePosition", equalTo(4))
                .body("steps[2].record.viaClientLink", equalTo(true))
                .body("steps[2].completedBy", equalTo("Aroha Ngata <" + email + ">"))
                .body("steps[2].record.values.topPrioritiesForNextQuarter", equalTo("Ngā mihi: reporting for Ó Súilleabháin's team"));
    }

    @Test
    void anAnnualRenewalNeedsFinanceToApproveAndEndsWhenTheClientWillNotRenew() {
        String clientId = knownClient();
        String id = as("cse").body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"annual-renewal\"}")
                .post("/api/v1/workflows").then().statusCode(201).extract().path("id");
        as("cse").body("{\"formData\": {\"accountName\": \"Te Whatu Ora\", \"contractEndDate\": \"2027-03-31\", \"currentArr\": \"578000.00\"}}")
                .post("/api/v1/workflows/" + id + "/steps/1/completion").then().statusCode(200);
        upload("cse", id, 2, "usage.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx".getBytes())
                .then().statusCode(200);
        String survey = link(id, 3);
        anonymous().body("{\"formData\": {\"overallSatisfaction\": \"Neutral\", \"currentUsageLevel\": \"Low\", "
                + "\"anyBudgetChangesExpected\": \"Decrease\"}}").post("/api/v1/workflows/links/" + survey).then().statusCode(200);

        // step 4: Finance (realm role vp) approves; a CSE may not, even on their own client
        as("cse").body("{\"outcome\": \"APPROVED\"}").post("/api/v1/workflows/" + id + "/steps/4/completion").then().statusCode(403)
                .contentType("application/problem+json");
        as("vp").body("{\"outcome\": \"MAYBE\"}").post("/api/v1/workflows/" + id + "/steps/4/completion").then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        as("vp").body("{\"outcome\": \"REJECTED\", \"comment\": \"Discount too deep\"}")
                .post("/api/v1/workflows/" + id + "/steps/4/completion").then().statusCode(200)
                .body("activePosition", equalTo(3)).body("steps[3].record.approver", equalTo("vp"))
                .body("steps[3].outcome", equalTo("REJECTED"));
        String again = link(id, 3);
        anonymous().body("{\"formData\": {\"overallSatisfaction\": \"Neutral\", \"currentUsageLevel\": \"Low\", "
                + "\"anyBudgetChangesExpected\": \"No change\"}}").post("/api/v1/workflows/links/" + again).then().statusCode(200);
        as("vp").body("{\"outcome\": \"APPROVED\", \"comment\": \"Within policy\"}")
                .post("/api/v1/workflows/" + id + "/steps/4/completion").then().statusCode(200)
                .body("activePosition", equalTo(5)).body("steps[3].record.approver", equalTo("vp"))
                .body("steps[3].outcome", equalTo("APPROVED")).body("steps[3].completedAt", not(nullValue()));
        upload("cse", id, 5, "proposal.pdf", "application/pdf", "%PDF proposal".getBytes()).then().statusCode(200);

        try (TopicProbe events = TopicProbe.watch(Topics.PLANNING_WORKFLOWS)) {
            String decision = link(id, 6);
            anonymous().body("{\"outcome\": \"WILL_NOT_RENEW\", \"comment\": \"Moving to an in-house system\"}")
                    .post("/api/v1/workflows/links/" + decision).then().statusCode(200);
            CloudEvent completed = events.awaitEvent(EventCatalogue.WORKFLOW_COMPLETED.type(), clientId, Duration.ofSeconds(30));
            assertThat(completed.data().get("status").asText()).isEqualTo("ENDED");
            assertThat(completed.data().get("outcome").asText()).isEqualTo("WILL_NOT_RENEW");
            assertThat(completed.data().get("attritionRisk").asBoolean()).isTrue();
        }
        as("cse").get("/api/v1/workflows/" + id).then().statusCode(200).body("status", equalTo("ENDED"))
                .body("outcome", equalTo("WILL_NOT_RENEW")).body("activePosition", nullValue())
                .body("steps[6].status", equalTo("SKIPPED")).body("steps[7].status", equalTo("SKIPPED"));
        as("cse").body("{}").post("/api/v1/workflows/" + id + "/steps/7/completion").then().statusCode(409);
    }

    @Test
    void rowLevelAccessRolesAndTheOverdueList() {
        String clientId = knownClient();
        String id = as("cam").body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"client-health-check\"}")
                .post("/api/v1/workflows").then().statusCode(201).extract().path("id");
        anonymous().get("/api/v1/workflows/" + id).then().statusCode(401);
        asIntegration().get("/api/v1/workflows/" + id).then().statusCode(403);
        as("cse2").get("/api/v1/workflows/" + id).then().statusCode(404);
        as("evp").get("/api/v1/workflows/" + id).then().statusCode(200);
        as("cse2").body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"qbr\"}").post("/api/v1/workflows").then().statusCode(404);
        as("marketing").body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"qbr\"}").post("/api/v1/workflows").then().statusCode(403);
        anonymous().body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"qbr\"}").post("/api/v1/workflows").then().statusCode(401);
        as("cse").body("{\"clientId\": \"" + clientId + "\"}").post("/api/v1/workflows").then().statusCode(400);
        as("cse").body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"no-such\"}").post("/api/v1/workflows").then().statusCode(404);
        as("cse2").body("{\"formData\": {}}").post("/api/v1/workflows/" + id + "/steps/1/completion").then().statusCode(404);
        as("marketing").body("{\"formData\": {}}").post("/api/v1/workflows/" + id + "/steps/1/completion").then().statusCode(403);

        String later = LocalDate.now().plusDays(8).toString();
        List<String> overdue = as("cse").get("/api/v1/workflows?overdue=true&limit=200&templateKey=client-health-check&clientId="
                        + clientId + "&asOf=" + later)
                .then().statusCode(200).extract().path("items.id");
        assertThat(overdue).containsExactly(id);
        // the list shows summaries: the active step with its due date as of asOf; every step in full at GET by id
        io.restassured.path.json.JsonPath full = as("cse").get("/api/v1/workflows/" + id).then().statusCode(200).extract().jsonPath();
        io.restassured.path.json.JsonPath summary = as("cse").get("/api/v1/workflows?overdue=true&limit=200&templateKey="
                + "client-health-check&clientId=" + clientId + "&asOf=" + later).then().statusCode(200).extract().jsonPath();
        int active = full.getInt("activePosition");
        String due = full.getString("steps[" + (active - 1) + "].dueOn");
        assertThat(summary.getString("items[0].activeStep.name")).isEqualTo(full.getString("steps[" + (active - 1) + "].name"));
        assertThat(summary.getString("items[0].activeStep.assigneeRole"))
                .isEqualTo(full.getString("steps[" + (active - 1) + "].assigneeRole"));
        assertThat(summary.getInt("items[0].activeStep.position")).isEqualTo(active);
        assertThat(summary.getString("items[0].activeStep.dueOn")).isEqualTo(due);
        assertThat(summary.getBoolean("items[0].activeStep.overdue")).isTrue();
        assertThat(summary.getLong("items[0].activeStep.daysUntilDue"))
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(later), LocalDate.parse(due)));
        assertThat(summary.getInt("items[0].stepCount")).isEqualTo(full.getList("steps").size());
        assertThat(summary.getString("items[0].template.key")).isEqualTo("client-health-check");
        assertThat(summary.getString("items[0].clientName")).isEqualTo(full.getString("clientName"));
        assertThat(summary.getMap("items[0]")).doesNotContainKey("steps");
        assertThat(as("cse").get("/api/v1/workflows?overdue=true&templateKey=client-health-check&clientId=" + clientId)
                .then().statusCode(200)
                .extract().<List<String>>path("items.id")).isEmpty();
        assertThat(as("cse2").get("/api/v1/workflows?overdue=true&limit=200&asOf=" + later).then().statusCode(200)
                .extract().<List<String>>path("items.id")).doesNotContain(id);
        as("cse").get("/api/v1/workflows?status=OPEN").then().statusCode(400);
        as("cse").get("/api/v1/workflows?limit=0").then().statusCode(400);
        as("cse").get("/api/v1/workflows?cursor=garbage").then().statusCode(400);
        anonymous().get("/api/v1/workflows").then().statusCode(401);
        asIntegration().get("/api/v1/workflows").then().statusCode(403);
    }

    @Test
    void adminsVersionTemplatesAndRunningInstancesKeepTheirVersion() {
        String clientId = knownClient();
        String key = "pulse-" + UUID.randomUUID().toString().substring(0, 8);
        String v1 = template(key, "Pulse check", "Note the pulse");
        as("cse").body(v1).post("/api/v1/workflows/templates").then().statusCode(403);
        anonymous().body(v1).post("/api/v1/workflows/templates").then().statusCode(401);
        as("admin").body(v1.replace("\"INTERNAL\", \"realmRoles\": [\"cse\"]", "\"INTERNAL\", \"realmRoles\": []"))
                .post("/api/v1/workflows/templates").then().statusCode(400).body("errors[0].field", equalTo("roles[0].realmRoles"));
        as("admin").body(v1.replace("\"dueDays\": 3", "\"dueDays\": 0")).post("/api/v1/workflows/templates").then().statusCode(400)
                .body("errors[0].field", equalTo("steps[0].dueDays"));
        String firstId = as("admin").header("Idempotency-Key", "tpl-" + key).body(v1).post("/api/v1/workflows/templates")
                .then().statusCode(201).body("version", equalTo(1)).extract().path("id");
        as("admin").header("Idempotency-Key", "tpl-" + key).body(v1).post("/api/v1/workflows/templates")
                .then().statusCode(201).body("id", equalTo(firstId));
        String running = as("cse").body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"" + key + "\"}")
                .post("/api/v1/workflows").then().statusCode(201).extract().path("id");
        as("admin").body(template(key, "Pulse check v2", "Note the pulse, twice")).post("/api/v1/workflows/templates")
                .then().statusCode(201).body("version", equalTo(2)).body("latest", equalTo(true));
        as("cse").get("/api/v1/workflows/templates/" + key + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(2, 1))).body("latest", equalTo(List.of(true, false)));
        as("cse").get("/api/v1/workflows/" + running).then().statusCode(200).body("template.version", equalTo(1))
                .body("steps[0].name", equalTo("Note the pulse"));
        as("cse").body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"" + key + "\"}").post("/api/v1/workflows")
                .then().statusCode(201).body("template.version", equalTo(2)).body("steps[0].name", equalTo("Note the pulse, twice"));
        as("cse").body("{\"clientId\": \"" + clientId + "\", \"templateId\": \"" + firstId + "\"}").post("/api/v1/workflows")
                .then().statusCode(201).body("template.version", equalTo(1));
        as("cse").get("/api/v1/workflows/templates/versions/" + firstId).then().statusCode(200).body("latest", equalTo(false));
    }

    @Test
    void guessingLinksFromOneAddressIsRateLimited() {
        int perMinute = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("rhythm.workflows.links.requests-per-minute", Integer.class);
        // an address of its own (documentation range), so no other test's link calls count against it
        String address = "203.0.113." + (1 + new java.util.Random().nextInt(254)) + ", 10.0.0.1";
        for (int i = 0; i < perMinute; i++) {
            anonymous().header("X-Forwarded-For", address).get("/api/v1/workflows/links/" + "g".repeat(40) + i)
                    .then().statusCode(404);
        }
        anonymous().header("X-Forwarded-For", address).get("/api/v1/workflows/links/" + "g".repeat(43))
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo(429)).body("detail", containsString("Too many requests"));
    }
    private static String template(String key, String name, String stepName) {
        return """
                {"key": "%s", "name": "%s", "description": "A short pulse", "tags": ["SaaS"], "complexity": "Simple",
                 "trigger": {"kind": "MANUAL", "label": "By hand"},
                 "roles": [{"name": "CSM", "side": "INTERNAL", "realmRoles": ["cse"]}],
                 "steps": [{"name": "%s", "type": "TODO", "assigneeRole": "CSM", "description": "Do it", "dueDays": 3}]}"""
                .formatted(key, name, stepName);
    }

    static String link(String id, int position) {
        return as("cse").body("{\"email\": \"contact." + UUID.randomUUID() + "@client.example\"}")
                .post("/api/v1/workflows/" + id + "/steps/" + position + "/links").then().statusCode(201).extract().path("token");
    }

    static Response upload(String user, String id, int position, String fileName, String type, byte[] content) {
        return given().header("Authorization", io.rhythm.platform.testing.Tokens.bearer(user)).contentType(type).body(content)
                .queryParam("fileName", fileName).put("/api/v1/workflows/" + id + "/steps/" + position + "/file");
    }

    private static String knownClient() {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/workflows?clientId=" + clientId).statusCode() == 200
                        && as("avp").body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"no-such\"}")
                        .post("/api/v1/workflows").then().extract().<String>path("detail").contains("template"));
        return clientId;
    }
}
