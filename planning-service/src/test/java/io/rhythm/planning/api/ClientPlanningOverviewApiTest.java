package io.rhythm.planning.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.ClientUpserted;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A client's planning in one read: each part is what the part's own endpoint answers the same caller. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ClientPlanningOverviewApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static JsonPath read(String user, String path) {
        return as(user).get(path).then().statusCode(200).extract().jsonPath();
    }

    /** A client of cse renewing in 60 days, known to planning. */
    private static String client() {
        String id = UUID.randomUUID().toString();
        ClientUpserted client = new ClientUpserted(id, "Overview " + id, "APAC", "Health", "cse", "cam", "Enterprise", "RENEWAL",
                TODAY.plusDays(60), new Money("578000.00", "AUD"), Map.of(), 0);
        TopicProbe.send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CLIENT_UPSERTED, id, Json.tree(client), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/plans?clientId=" + id).statusCode() == 200);
        return id;
    }

    private static String plan(String clientId, String fiscalYear) {
        return as("cse").body("{\"clientId\":\"" + clientId + "\",\"fiscalYear\":\"" + fiscalYear + "\",\"title\":\"Plan\"}")
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
    }

    @Test
    void theOverviewIsEachPartAsItsOwnEndpointShowsIt() {
        String clientId = client();
        plan(clientId, "FY2025");
        String latest = plan(clientId, "FY2026");
        as("cse").body("{\"name\":\"Pathology\",\"type\":\"UPSELL\",\"value\":{\"amount\":\"100000.00\",\"currency\":\"AUD\"},"
                + "\"stage\":\"PROPOSAL\",\"probability\":50,\"expectedClose\":\"2026-05-30\"}")
                .post("/api/v1/plans/" + latest + "/opportunities").then().statusCode(201);
        as("cse").body("{\"description\":\"Contract loss\",\"amount\":{\"amount\":\"200000.00\",\"currency\":\"AUD\"},"
                + "\"fiscalYear\":\"FY2026\",\"status\":\"AT_RISK\",\"probability\":25,\"mitigationPlan\":\"Sponsor meeting\"}")
                .post("/api/v1/plans/" + latest + "/risks").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> !read("cse", "/api/v1/renewals?clientId=" + clientId + "&asOf=" + TODAY
                + "&withinDays=730").getList("items").isEmpty());

        JsonPath overview = read("cse", "/api/v1/plans/clients/" + clientId + "/overview?asOf=" + TODAY);
        assertThat(overview.getString("clientId")).isEqualTo(clientId);
        assertThat(overview.getString("asOf")).isEqualTo(TODAY.toString());
        assertThat(overview.getList("plans")).isEqualTo(read("cse", "/api/v1/plans?clientId=" + clientId).getList(""));
        assertThat(overview.getList("plans.fiscalYear")).containsExactly("FY26", "FY25");
        assertThat(overview.getString("latestPlanId")).isEqualTo(latest);
        assertThat(overview.getMap("opportunities")).isEqualTo(read("cse", "/api/v1/plans/" + latest + "/opportunities?limit=200").getMap(""));
        assertThat(overview.getString("opportunities.items[0].name")).isEqualTo("Pathology");
        assertThat(overview.getMap("risks")).isEqualTo(read("cse", "/api/v1/plans/" + latest + "/risks?limit=200").getMap(""));
        assertThat(overview.getString("risks.items[0].amount.amount")).isEqualTo("200000.00");
        assertThat(overview.getMap("satisfactionActionPlans")).isEqualTo(
                read("cse", "/api/v1/plans/saps?clientId=" + clientId + "&asOf=" + TODAY + "&limit=200").getMap(""));
        assertThat(overview.getMap("renewals")).isEqualTo(read("cse", "/api/v1/renewals?clientId=" + clientId + "&asOf=" + TODAY
                + "&withinDays=730&limit=200").getMap(""));
        assertThat(overview.getList("renewals.items.clientId")).containsExactly(clientId);
        assertThat(overview.getMap("workflows")).isEqualTo(read("cse", "/api/v1/workflows?clientId=" + clientId
                + "&status=RUNNING&asOf=" + TODAY + "&limit=200").getMap(""));
        assertThat(overview.getList("withheld")).isEmpty();
        assertThat(read("avp", "/api/v1/plans/clients/" + clientId + "/overview?asOf=" + TODAY).getMap("risks"))
                .isEqualTo(overview.getMap("risks"));
    }

    @Test
    void theOverviewKeepsToTheCallersPortfolioAndRoles() {
        String clientId = client();
        String path = "/api/v1/plans/clients/" + clientId + "/overview";
        // no plan yet: no latest plan, no registers
        JsonPath mine = read("cse", path);
        assertThat(mine.getList("plans")).isEmpty();
        assertThat(mine.getString("latestPlanId")).isNull();
        assertThat(mine.getString("opportunities")).isNull();
        assertThat(mine.getString("risks")).isNull();
        plan(clientId, "FY2026");

        as("cse2").get(path).then().statusCode(404).contentType("application/problem+json");
        as("cam").get(path).then().statusCode(200);
        as("evp").get(path).then().statusCode(200);
        // marketing reads plans and workflows but not the money registers, SAPs or renewals: withheld, as their endpoints refuse them
        as("marketing").get("/api/v1/plans/saps?clientId=" + clientId).then().statusCode(403);
        JsonPath marketing = read("marketing", path);
        assertThat(marketing.getList("withheld")).containsExactly("opportunities", "risks", "satisfactionActionPlans", "renewals");
        assertThat(marketing.getString("opportunities")).isNull();
        assertThat(marketing.getString("renewals")).isNull();
        assertThat(marketing.getList("plans")).hasSize(1);
        assertThat(marketing.getString("plans[0].revenueForecast")).isNull();
        asIntegration().get(path).then().statusCode(403);
        anonymous().get(path).then().statusCode(401);
        as("cse").get(path + "?asOf=2026-02-30").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        as("avp").get("/api/v1/plans/clients/" + UUID.randomUUID() + "/overview").then().statusCode(404);
    }
}
