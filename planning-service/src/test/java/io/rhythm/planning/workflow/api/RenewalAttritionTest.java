package io.rhythm.planning.workflow.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.planning.service.WorkflowAttrition;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * An Annual Renewal opened by RenewalWindowOpened that ends "will not renew" writes confirmed attrition into the plan
 * and records the renewal as churned.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RenewalAttritionTest {

    @Inject
    WorkflowAttrition attrition;

    @BeforeAll
    static void smtp() {
        WorkflowMailbox.get();
    }

    @Test
    void willNotRenewBecomesConfirmedAttritionInThePlanOfTheContractEndsFiscalYear() {
        LocalDate end = LocalDate.of(2045, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 5_000));
        // rhythm.fiscal-year.start-month=7: a contract ending in July 2046 falls in FY2047
        String fiscalYear = "FY" + (end.getMonthValue() >= 7 ? end.getYear() + 1 : end.getYear());
        String clientId = UUID.randomUUID().toString();
        ClientUpserted client = new ClientUpserted(clientId, "Leaving " + clientId, "APAC", "Health", "cse", "cam", "Enterprise",
                "RENEWAL", end, new Money("578000.00", "AUD"), Map.of(), 0);
        TopicProbe.send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CLIENT_UPSERTED, clientId, Json.tree(client), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/plans?clientId=" + clientId).statusCode() == 200);

        String renewalId = as("admin").queryParam("asOf", end.minusDays(90).toString()).post("/api/v1/renewals/open-due")
                .then().statusCode(200).body("clientId", hasItem(clientId))
                .extract().path("find { it.clientId == '" + clientId + "' }.renewalId");
        await().atMost(Duration.ofSeconds(60)).until(() -> renewals(clientId).size() == 1);
        String id = renewals(clientId).get(0);

        as("cse").body("{\"formData\": {\"accountName\": \"Leaving\", \"contractEndDate\": \"" + end + "\", \"currentArr\": \"578000.00\"}}")
                .post("/api/v1/workflows/" + id + "/steps/1/completion").then().statusCode(200);
        WorkflowApiTest.upload("cse", id, 2, "usage.csv", "text/csv", "a,b".getBytes()).then().statusCode(200);
        anonymous().body("{\"formData\": {\"overallSatisfaction\": \"Dissatisfied\", \"currentUsageLevel\": \"Low\", "
                + "\"anyBudgetChangesExpected\": \"Decrease\"}}")
                .post("/api/v1/workflows/links/" + WorkflowApiTest.link(id, 3)).then().statusCode(200);
        as("vp").body("{\"outcome\": \"APPROVED\"}").post("/api/v1/workflows/" + id + "/steps/4/completion").then().statusCode(200);
        WorkflowApiTest.upload("cse", id, 5, "proposal.pdf", "application/pdf", "%PDF proposal".getBytes()).then().statusCode(200);
        String decisionLink = WorkflowApiTest.link(id, 6);
        try (TopicProbe plans = TopicProbe.watch(Topics.PLANNING_PLANS)) {
            anonymous().body("{\"outcome\": \"WILL_NOT_RENEW\", \"comment\": \"Consolidating on one vendor\"}")
                    .post("/api/v1/workflows/links/" + decisionLink).then().statusCode(200);
            // the renewal is decided too: churned by the workflow, announced through the outbox
            CloudEvent decided = plans.awaitEvent(EventCatalogue.RENEWAL_OUTCOME_RECORDED.type(), clientId, Duration.ofSeconds(30));
            assertThat(decided.data().get("renewalId").asText()).isEqualTo(renewalId);
            assertThat(decided.data().get("outcome").asText()).isEqualTo("CHURNED");
            assertThat(decided.data().get("recordedBy").asText()).isEqualTo("workflow:" + id);
        }

        String planId = as("cse").get("/api/v1/plans?clientId=" + clientId).then().statusCode(200)
                .body("fiscalYear", hasItem(fiscalYear.substring(0, 2) + fiscalYear.substring(4)))
                .extract().path("find { it.fiscalYear == '" + fiscalYear.substring(0, 2) + fiscalYear.substring(4) + "' }.id");
        as("cse").get("/api/v1/plans/" + planId + "/risks").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].status", equalTo("CONFIRMED")).body("items[0].probability", equalTo(100))
                .body("items[0].amount.amount", equalTo("578000.00")).body("items[0].amount.currency", equalTo("AUD"))
                .body("items[0].fiscalYear", equalTo(fiscalYear)).body("items[0].owner", equalTo("cse"))
                .body("items[0].source", equalTo("workflow:" + id))
                .body("items[0].description", org.hamcrest.Matchers.containsString("Consolidating on one vendor"))
                .body("items[0].description", org.hamcrest.Matchers.containsString(end.toString()));
        as("cse2").get("/api/v1/plans/" + planId + "/risks").then().statusCode(404);
        // the renewal list flags the renewal as at risk now that attrition is on the register
        as("cse").queryParam("asOf", end.minusDays(30).toString()).get("/api/v1/renewals").then().statusCode(200)
                .body("items.find { it.clientId == '" + clientId + "' }.renewalId", equalTo(renewalId))
                .body("items.find { it.clientId == '" + clientId + "' }.attritionOnRegister", equalTo(true));
        as("cse").get("/api/v1/renewals/" + renewalId).then().statusCode(200)
                .body("status", equalTo("CHURNED")).body("outcomeBy", equalTo("workflow:" + id));

        // writing it again for the same workflow (a retried transaction, a repeated call) adds nothing
        boolean again = QuarkusTransaction.requiringNew().call(() -> attrition.confirm(UUID.fromString(id),
                UUID.fromString(clientId), "renewal:" + renewalId, "Annual Renewal", "Will not renew", null).isPresent());
        assertThat(again).isFalse();
        as("cse").get("/api/v1/plans/" + planId + "/risks").then().statusCode(200).body("items", hasSize(1));
    }

    private static List<String> renewals(String clientId) {
        return as("avp").get("/api/v1/workflows?limit=200&clientId=" + clientId + "&templateKey=annual-renewal")
                .then().statusCode(200).extract().path("items.id");
    }
}
