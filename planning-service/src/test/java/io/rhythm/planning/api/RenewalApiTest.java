package io.rhythm.planning.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RenewalApiTest {

    @Test
    void aRenewalOpensNinetyDaysAheadOnceAndAsOfMovesTheList() {
        LocalDate end = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 20_000));
        String clientId = client(end, "cse", "cam");
        String list = "/api/v1/renewals";

        // asOf decides what is due: 91 days ahead it is not in a 90-day window, at 90 days it is
        as("cse").queryParam("asOf", end.minusDays(91).toString()).get(list).then().statusCode(200)
                .body("items.clientId", not(hasItem(clientId)));
        as("cse").queryParam("asOf", end.minusDays(90).toString()).queryParam("withinDays", 90).get(list).then()
                .statusCode(200)
                .body("items.find { it.clientId == '" + clientId + "' }.daysRemaining", equalTo(90))
                .body("items.find { it.clientId == '" + clientId + "' }.kickoffDate", equalTo(end.minusDays(90).toString()))
                .body("items.find { it.clientId == '" + clientId + "' }.status", equalTo("NOT_OPENED"))
                .body("items.find { it.clientId == '" + clientId + "' }.annualRevenue.amount", equalTo("578000.00"));
        as("cse").queryParam("asOf", end.plusDays(1).toString()).get(list).then().statusCode(200)
                .body("items.clientId", not(hasItem(clientId)));

        try (TopicProbe plans = TopicProbe.watch(Topics.PLANNING_PLANS)) {
            as("admin").queryParam("asOf", end.minusDays(91).toString()).post(list + "/open-due").then().statusCode(200)
                    .body("clientId", not(hasItem(clientId)));
            String renewalId = as("admin").queryParam("asOf", end.minusDays(90).toString()).post(list + "/open-due")
                    .then().statusCode(200).body("clientId", hasItem(clientId))
                    .extract().path("find { it.clientId == '" + clientId + "' }.renewalId");
            as("admin").queryParam("asOf", end.minusDays(60).toString()).post(list + "/open-due").then().statusCode(200)
                    .body("clientId", not(hasItem(clientId)));

            CloudEvent opened = plans.awaitEvent(EventCatalogue.RENEWAL_WINDOW_OPENED.type(), clientId, Duration.ofSeconds(30));
            assertThat(opened.data().get("renewalId").asText()).isEqualTo(renewalId);
            assertThat(opened.data().get("daysRemaining").asInt()).isEqualTo(90);
            assertThat(opened.data().get("contractEndDate").asText()).isEqualTo(end.toString());
            assertThat(opened.data().get("annualRevenue").get("amount").asText()).isEqualTo("578000.00");
            long events = plans.recordsAfter(Duration.ofSeconds(3)).stream()
                    .filter(r -> clientId.equals(r.key()))
                    .filter(r -> TopicProbe.validated(r).type().equals(EventCatalogue.RENEWAL_WINDOW_OPENED.type())).count();
            assertThat(events).isEqualTo(1);

            as("cse").queryParam("asOf", end.minusDays(30).toString()).get(list).then().statusCode(200)
                    .body("items.find { it.clientId == '" + clientId + "' }.status", equalTo("OPEN"))
                    .body("items.find { it.clientId == '" + clientId + "' }.daysRemaining", equalTo(30));

            // outcome once, with If-Match, by the client's people
            String outcome = "{\"outcome\":\"RENEWED_WITH_CHANGE\",\"newAnnualRevenue\":{\"amount\":\"520000.00\",\"currency\":\"AUD\"},"
                    + "\"riskAssessment\":\"Reduced seats\"}";
            as("cse2").header("If-Match", "\"v0\"").body(outcome).post(list + "/" + renewalId + "/outcome").then().statusCode(404);
            as("marketing").header("If-Match", "\"v0\"").body(outcome).post(list + "/" + renewalId + "/outcome").then().statusCode(403);
            as("cse").body(outcome).post(list + "/" + renewalId + "/outcome").then().statusCode(428);
            as("cse").header("If-Match", "\"v0\"").body("{\"outcome\":\"MAYBE\"}").post(list + "/" + renewalId + "/outcome")
                    .then().statusCode(400).body("errors.field", hasItem("outcome"));
            as("cse").header("If-Match", "\"v0\"").body(outcome.replace("AUD", "NZD")).post(list + "/" + renewalId + "/outcome")
                    .then().statusCode(400).body("errors.field", hasItem("newAnnualRevenue.currency"));
            as("cse").header("If-Match", "\"v0\"").body(outcome).post(list + "/" + renewalId + "/outcome").then().statusCode(200)
                    .body("status", equalTo("RENEWED_WITH_CHANGE")).body("outcomeRevenue.amount", equalTo("520000.00"));
            as("cse").header("If-Match", "\"v1\"").body(outcome).post(list + "/" + renewalId + "/outcome").then().statusCode(409);
            as("cam").get(list + "/" + renewalId).then().statusCode(200).body("outcomeBy", equalTo("cse"));
            as("cse2").get(list + "/" + renewalId).then().statusCode(404);

            // the outcome goes to health's backtests: one schema-valid RenewalOutcomeRecorded, refused attempts publish nothing
            CloudEvent recorded = plans.awaitEvent(EventCatalogue.RENEWAL_OUTCOME_RECORDED.type(), clientId, Duration.ofSeconds(30));
            assertThat(recorded.data().get("renewalId").asText()).isEqualTo(renewalId);
            assertThat(recorded.data().get("outcome").asText()).isEqualTo("RENEWED_WITH_CHANGE");
            assertThat(recorded.data().get("contractEndDate").asText()).isEqualTo(end.toString());
            assertThat(recorded.data().get("previousAnnualRevenue").get("amount").asText()).isEqualTo("578000.00");
            assertThat(recorded.data().get("newAnnualRevenue").get("amount").asText()).isEqualTo("520000.00");
            assertThat(recorded.data().get("recordedBy").asText()).isEqualTo("cse");
            long outcomes = plans.recordsAfter(Duration.ofSeconds(3)).stream()
                    .filter(r -> clientId.equals(r.key()))
                    .filter(r -> TopicProbe.validated(r).type().equals(EventCatalogue.RENEWAL_OUTCOME_RECORDED.type())).count();
            assertThat(outcomes).isEqualTo(1);
        }
    }

    @Test
    void renewalsAreRowLevelAndValidated() {
        LocalDate end = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 20_000));
        String clientId = client(end, "cse", "cam");
        String asOf = end.minusDays(10).toString();
        as("cse2").queryParam("asOf", asOf).get("/api/v1/renewals").then().statusCode(200)
                .body("items.clientId", not(hasItem(clientId)));
        as("cam").queryParam("asOf", asOf).get("/api/v1/renewals").then().statusCode(200).body("items.clientId", hasItem(clientId));
        as("vp").queryParam("asOf", asOf).get("/api/v1/renewals").then().statusCode(200).body("items.clientId", hasItem(clientId));
        as("marketing").get("/api/v1/renewals").then().statusCode(403);
        anonymous().get("/api/v1/renewals").then().statusCode(401);
        as("avp").post("/api/v1/renewals/open-due").then().statusCode(403);
        as("cse").queryParam("withinDays", 0).get("/api/v1/renewals").then().statusCode(400)
                .body("errors[0].field", equalTo("withinDays"));
        as("cse").queryParam("asOf", "next tuesday").get("/api/v1/renewals").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        as("cse").get("/api/v1/renewals/" + UUID.randomUUID()).then().statusCode(404);
        as("cse").queryParam("clientId", "not-a-uuid").get("/api/v1/renewals").then().statusCode(400)
                .body("errors[0].field", equalTo("clientId"));
    }

    @Test
    void oneClientsRenewalsAreItsRowsOfThePortfolioList() {
        LocalDate end = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 20_000));
        String clientId = client(end, "cse", "cam");
        String neighbour = client(end, "cse", "cam"); // same contract end, same owner: only the filter tells them apart
        String asOf = end.minusDays(10).toString();
        var portfolio = as("cse").queryParam("asOf", asOf).queryParam("limit", 200).get("/api/v1/renewals").then().statusCode(200)
                .extract().jsonPath();
        assertThat(portfolio.getList("items.clientId")).contains(clientId, neighbour);
        var one = as("cse").queryParam("asOf", asOf).queryParam("clientId", clientId).get("/api/v1/renewals").then().statusCode(200)
                .extract().jsonPath();
        assertThat(one.getList("items")).containsExactly(portfolio.getMap("items.find { it.clientId == '" + clientId + "' }"));
        // outside the window, or not the caller's: empty, never another client's row
        as("cse").queryParam("asOf", end.plusDays(1).toString()).queryParam("clientId", clientId).get("/api/v1/renewals")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        as("cse2").queryParam("asOf", asOf).queryParam("clientId", clientId).get("/api/v1/renewals")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        as("vp").queryParam("asOf", asOf).queryParam("clientId", clientId).get("/api/v1/renewals")
                .then().statusCode(200).body("items.clientId", org.hamcrest.Matchers.contains(clientId));
        as("marketing").queryParam("clientId", clientId).get("/api/v1/renewals").then().statusCode(403);
        anonymous().queryParam("clientId", clientId).get("/api/v1/renewals").then().statusCode(401);
    }

    private static String client(LocalDate renewal, String cse, String cam) {
        String id = UUID.randomUUID().toString();
        ClientUpserted client = new ClientUpserted(id, "Renewing " + id, "APAC", "Health", cse, cam, "Enterprise", "RENEWAL",
                renewal, new Money("578000.00", "AUD"), Map.of(), 0);
        TopicProbe.send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CLIENT_UPSERTED, id, Json.tree(client), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/plans?clientId=" + id).statusCode() == 200);
        return id;
    }
}
