package io.rhythm.planning.workflow.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.planning.testing.PlanningClock;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The assignee work list ({@code GET /api/v1/workflows/my-steps}) and link issuance under an Idempotency-Key. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class WorkListTest {

    private static final String MY_STEPS = "/api/v1/workflows/my-steps";

    @Inject
    PlanningClock clock;

    @BeforeAll
    static void smtp() {
        WorkflowMailbox.get();
    }

    @Test
    void theWorkListShowsStepsWaitingForTheCallersRolesEarliestDueFirst() {
        // cse3's own client: nobody else's tests give cse3 clients, so cse3's list is exactly these workflows
        String clientId = TestClients.publishNew("Work list " + UUID.randomUUID(), "cse3", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("cse3")
                .body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"no-such\"}").post("/api/v1/workflows").statusCode() == 404
                && as("cse3").get("/api/v1/workflows?clientId=" + clientId).statusCode() == 200
                && as("avp").get("/api/v1/plans?clientId=" + clientId).statusCode() == 200);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String qbr = start("cse3", clientId, "qbr");
        String renewal;
        try {
            clock.freezeAt(Instant.now().minus(Duration.ofDays(3)));
            renewal = start("cse3", clientId, "annual-renewal"); // step 1 due 3 days earlier than the QBR's
        } finally {
            clock.reset();
        }
        List<String> ids = as("cse3").get(MY_STEPS + "?limit=200").then().statusCode(200).extract().path("items.workflowId");
        assertThat(ids).containsExactly(renewal, qbr);
        as("cse3").get(MY_STEPS).then().statusCode(200)
                .body("items[1].stepName", equalTo("Pre-QBR data collection")).body("items[1].side", equalTo("INTERNAL"))
                .body("items[1].assigneeRole", equalTo("Account Manager")).body("items[1].position", equalTo(1))
                .body("items[1].dueOn", equalTo(today.plusDays(7).toString())).body("items[1].overdue", equalTo(false))
                .body("items[1].daysUntilDue", equalTo(7)).body("items[1].templateKey", equalTo("qbr"));
        as("cse3").get(MY_STEPS + "?asOf=" + today.plusDays(6)).then().statusCode(200)
                .body("items[0].workflowId", equalTo(renewal)).body("items[0].overdue", equalTo(true))
                .body("items[0].daysUntilDue", equalTo(-2));
        // paging keeps the order
        String cursor = as("cse3").get(MY_STEPS + "?limit=1").then().statusCode(200).body("items[0].workflowId", equalTo(renewal))
                .extract().path("nextCursor");
        as("cse3").get(MY_STEPS + "?limit=1&cursor=" + cursor).then().statusCode(200).body("items[0].workflowId", equalTo(qbr));

        // Finance's approval (realm role vp) is vp's, not the CSE's
        as("cse3").body("{\"formData\": {\"accountName\": \"W\", \"contractEndDate\": \"2027-03-31\", \"currentArr\": \"1.00\"}}")
                .post("/api/v1/workflows/" + renewal + "/steps/1/completion").then().statusCode(200);
        WorkflowApiTest.upload("cse3", renewal, 2, "usage.csv", "text/csv", "a".getBytes()).then().statusCode(200);
        as("cse3").get(MY_STEPS + "?side=CLIENT").then().statusCode(200).body("items.workflowId", hasItem(renewal))
                .body("items.find { it.workflowId == '" + renewal + "' }.side", equalTo("CLIENT"))
                .body("items.find { it.workflowId == '" + renewal + "' }.stepName", equalTo("Client renewal survey"));
        String survey = as("cse3").body("{\"email\": \"c." + UUID.randomUUID() + "@client.example\"}")
                .post("/api/v1/workflows/" + renewal + "/steps/3/links").then().statusCode(201).extract().path("token");
        anonymous().body("{\"formData\": {\"overallSatisfaction\": \"Satisfied\", \"currentUsageLevel\": \"High\", "
                + "\"anyBudgetChangesExpected\": \"No change\"}}").post("/api/v1/workflows/links/" + survey).then().statusCode(200);
        assertThat(as("cse3").get(MY_STEPS).then().statusCode(200).extract().<List<String>>path("items.workflowId"))
                .containsExactly(qbr);
        as("cse3").get(MY_STEPS + "?side=ALL").then().statusCode(200).body("items.workflowId", not(hasItem(renewal)));
        as("vp").get(MY_STEPS + "?limit=200").then().statusCode(200)
                .body("items.find { it.workflowId == '" + renewal + "' }.stepName", equalTo("Internal pricing approval"))
                .body("items.workflowId", not(hasItem(qbr)));
        as("admin").get(MY_STEPS + "?limit=200").then().statusCode(200).body("items.workflowId", hasItem(qbr));

        // row level, roles, validation
        as("cse2").get(MY_STEPS + "?limit=200").then().statusCode(200).body("items.workflowId", not(hasItem(qbr)));
        as("marketing").get(MY_STEPS).then().statusCode(403);
        asIntegration().get(MY_STEPS).then().statusCode(403);
        anonymous().get(MY_STEPS).then().statusCode(401);
        as("cse3").get(MY_STEPS + "?side=EVERYONE").then().statusCode(400).body("errors[0].field", notNullValue());
        as("cse3").get(MY_STEPS + "?asOf=tomorrow").then().statusCode(400);
        as("cse3").get(MY_STEPS + "?cursor=garbage").then().statusCode(400);
    }

    @Test
    void aLinkIssuedTwiceUnderOneIdempotencyKeyIsOneLinkAndItsTokenIsNeverReplayed() {
        String clientId = TestClients.publishNew("Link key " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("cse")
                .body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"no-such\"}").post("/api/v1/workflows").statusCode() == 404);
        String id = start("cse", clientId, "client-health-check");
        as("cse").body("{\"formData\": {\"triggerReason\": \"Scheduled pulse\", \"currentHealthRYG\": \"Yellow\"}}")
                .post("/api/v1/workflows/" + id + "/steps/1/completion").then().statusCode(200);
        String email = "key." + UUID.randomUUID() + "@client.example";
        String body = "{\"email\": \"" + email + "\", \"recipientName\": \"Siobhán Ní Bhriain\"}";
        String key = "link-" + UUID.randomUUID();
        String token = as("cse").header("Idempotency-Key", key).body(body).post("/api/v1/workflows/" + id + "/steps/2/links")
                .then().statusCode(201).body("tokenWithheld", equalTo(false)).body("url", notNullValue())
                .extract().path("token");
        as("cse").header("Idempotency-Key", key).body(body).post("/api/v1/workflows/" + id + "/steps/2/links")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("token", nullValue()).body("url", nullValue())
                .body("tokenWithheld", equalTo(true)).body("email", equalTo(email)).body("position", equalTo(2));
        as("cse").header("Idempotency-Key", key).body("{\"email\": \"other." + UUID.randomUUID() + "@client.example\"}")
                .post("/api/v1/workflows/" + id + "/steps/2/links").then().statusCode(422);
        await().atMost(Duration.ofSeconds(20)).until(() -> !WorkflowMailbox.to(email).isEmpty());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8)).until(() -> WorkflowMailbox.to(email).size() == 1);
        assertThat(WorkflowMailbox.token(WorkflowMailbox.to(email).get(0))).isEqualTo(token);
        anonymous().get("/api/v1/workflows/links/" + token).then().statusCode(200).body("position", equalTo(2));
    }

    private static String start(String user, String clientId, String template) {
        return as(user).body("{\"clientId\": \"" + clientId + "\", \"templateKey\": \"" + template + "\"}")
                .post("/api/v1/workflows").then().statusCode(201).extract().path("id");
    }
}
