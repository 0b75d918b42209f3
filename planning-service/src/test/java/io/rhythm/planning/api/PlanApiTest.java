package io.rhythm.planning.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.planning.domain.FiscalYear;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PlanApiTest {

    @Test
    void aCsePlansTheirClientAndAccountPlanCreatedIsPublished() {
        String clientId = knownClient();
        String currentFy = FiscalYear.containing(LocalDate.now(), 7).label();
        try (TopicProbe plans = TopicProbe.watch(Topics.PLANNING_PLANS)) {
            String planId = as("cse").body(plan(clientId, null, "Grow the Health BU"))
                    .post("/api/v1/plans").then().statusCode(201)
                    .body("fiscalYear", equalTo(currentFy)).body("owner", equalTo("cse"))
                    .extract().path("id");
            CloudEvent event = plans.awaitEvent(EventCatalogue.ACCOUNT_PLAN_CREATED.type(), clientId, Duration.ofSeconds(30));
            assertThat(event.data().get("planId").asText()).isEqualTo(planId);
            assertThat(event.data().get("fiscalYear").asText()).isEqualTo(currentFy);
            as("cam").get("/api/v1/plans/" + planId).then().statusCode(200).body("title", equalTo("Grow the Health BU"));
        }
        as("cse").body(plan(clientId, null, "Second plan, same year")).post("/api/v1/plans").then().statusCode(409);
        as("avp").body(plan(clientId, "FY30", "Later year")).post("/api/v1/plans").then().statusCode(201);
        as("cse").get("/api/v1/plans?clientId=" + clientId).then().statusCode(200)
                .body("$", hasSize(2)).body("[0].fiscalYear", equalTo("FY30"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        String clientId = knownClient();
        as("cse").body(plan(clientId, "2027", "x")).post("/api/v1/plans").then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
        as("cse").body(plan(clientId, "FY27", " ")).post("/api/v1/plans").then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        as("cse").get("/api/v1/plans").then().statusCode(400).body("errors[0].field", equalTo("clientId"));
        as("cse").get("/api/v1/plans?clientId=" + clientId).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void rolesAndPortfolioDecideWhoMayPlan() {
        String clientId = knownClient();
        anonymous().body(plan(clientId, null, "x")).post("/api/v1/plans").then().statusCode(401);
        as("marketing").body(plan(clientId, null, "x")).post("/api/v1/plans").then().statusCode(403);
        as("cse2").body(plan(clientId, null, "not my client")).post("/api/v1/plans").then().statusCode(404);
        as("cse2").get("/api/v1/plans?clientId=" + clientId).then().statusCode(404);
        as("evp").get("/api/v1/plans?clientId=" + clientId).then().statusCode(200);
    }

    private static String knownClient() {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/plans?clientId=" + clientId).statusCode() == 200);
        return clientId;
    }

    private static String plan(String clientId, String fiscalYear, String title) {
        return "{\"clientId\": \"" + clientId + "\", " + (fiscalYear == null ? "" : "\"fiscalYear\": \"" + fiscalYear + "\", ")
                + "\"title\": \"" + title + "\"}";
    }
}
