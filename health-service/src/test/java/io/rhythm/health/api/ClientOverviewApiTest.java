package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.health.api.AlertTesting.newClient;
import static io.rhythm.health.api.AlertTesting.send;
import static io.rhythm.health.api.AlertTesting.signal;
import static io.rhythm.health.api.SupportBillingEventsApiTest.billing;
import static io.rhythm.health.api.SupportBillingEventsApiTest.invoice;
import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A client's overview in one read: each part is what the part's own endpoint answers the same caller. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ClientOverviewApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static JsonPath read(String user, String path) {
        return as(user).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theOverviewIsEachPartAsItsOwnEndpointShowsIt() {
        String clientId = newClient("cse");
        String base = "/api/v1/clients/" + clientId;
        as("cse").body(Map.of("name", "Dr Jane Citizen", "email", "jane-" + UUID.randomUUID() + "@health.example",
                        "stakeholderRoles", List.of("EXECUTIVE_SPONSOR")))
                .post(base + "/contacts").then().statusCode(201);
        // a score below 50 raises a critical alert; an overdue invoice is aged
        send(signal(clientId, "usage.active_users_pct", 20, Instant.now().minusSeconds(60))).body("[0].outcome", equalTo("ACCEPTED"));
        billing(List.of(invoice(clientId, "INVOICE_ISSUED", "OV-1", TODAY.minusDays(40).atStartOfDay(ZoneOffset.UTC).toInstant(),
                "amount", "1500.00", "currency", "AUD", "dueDate", TODAY.minusDays(10).toString())))
                .body("[0].outcome", equalTo("ACCEPTED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !read("cse", base + "/alerts").getList("items").isEmpty());

        JsonPath overview = read("cse", base + "/overview?asOf=" + TODAY);
        assertThat(overview.getString("clientId")).isEqualTo(clientId);
        assertThat(overview.getString("asOf")).isEqualTo(TODAY.toString());
        assertThat(overview.getMap("client")).isEqualTo(read("cse", base).getMap(""));
        assertThat(overview.getMap("contacts")).isEqualTo(read("cse", base + "/contacts?limit=200").getMap(""));
        assertThat(overview.getList("contacts.items")).hasSize(1);
        assertThat(overview.getMap("health")).isEqualTo(read("cse", base + "/health").getMap(""));
        assertThat(overview.getMap("history")).isEqualTo(read("cse", base + "/health/history").getMap(""));
        assertThat(overview.getList("history.items")).isNotEmpty();
        assertThat(overview.getMap("receivables")).isEqualTo(read("cse", base + "/receivables?asOf=" + TODAY).getMap(""));
        assertThat(overview.getString("receivables.byCurrency[0].overdue.amount")).isEqualTo("1500.00");
        List<Map<String, Object>> alerts = read("cse", base + "/alerts?limit=200").getList("items");
        assertThat(overview.getList("openAlerts.items")).isEqualTo(alerts.stream().filter(a -> !"RESOLVED".equals(a.get("status"))).toList());
        assertThat(overview.getList("openAlerts.items")).isNotEmpty();
        assertThat(overview.getList("withheld")).isEmpty();

        // leaders read it whole
        assertThat(read("avp", base + "/overview?asOf=" + TODAY).getMap("receivables"))
                .isEqualTo(overview.getMap("receivables"));
    }

    @Test
    void theOverviewKeepsToTheCallersPortfolioAndRoles() {
        String clientId = newClient("cse");
        String path = "/api/v1/clients/" + clientId + "/overview";
        // no score yet: health is null, the rest is there
        JsonPath mine = read("cse", path);
        assertThat(mine.getString("health")).isNull();
        assertThat(mine.getList("history.items")).isEmpty();
        assertThat(mine.getList("receivables.byCurrency")).isEmpty();
        assertThat(mine.getString("client.name")).startsWith("Alerted ");

        as("cse2").get(path).then().statusCode(404).contentType("application/problem+json");
        as("cam").get(path).then().statusCode(200);
        as("evp").get(path).then().statusCode(200);
        // marketing reads the portfolio but not Working Capital: the receivables are withheld, as /receivables refuses them
        as("marketing").get("/api/v1/clients/" + clientId + "/receivables").then().statusCode(403);
        JsonPath marketing = read("marketing", path);
        assertThat(marketing.getString("receivables")).isNull();
        assertThat(marketing.getList("withheld")).containsExactly("receivables");
        assertThat(marketing.getString("client.id")).isEqualTo(clientId);
        asIntegration().get(path).then().statusCode(403);
        anonymous().get(path).then().statusCode(401);
        as("cse").get(path + "?asOf=2026-02-30").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        as("avp").get("/api/v1/clients/" + UUID.randomUUID() + "/overview").then().statusCode(404);
        as("avp").get("/api/v1/clients/not-a-uuid/overview").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }
}
