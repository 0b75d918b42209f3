package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Churn and renewal outcomes read from CRM rows, stored once, and judged against by a backtest. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CrmOutcomesApiTest {

    @Test
    void formerCustomersAndRolledRenewalDatesBecomeOutcomesThatBacktestsUse() {
        // a random stretch of the past, so that reruns against the same database do not meet earlier outcomes
        LocalDate base = LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 36_000));
        String owner = "owner-" + UUID.randomUUID();
        asIntegration().body("{\"username\": \"cse\"}").put("/api/v1/clients/owner-mappings/hubspot/" + owner).then().statusCode(200);
        String churning = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String renewing = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));

        Map<String, Object> customer = Map.of("hs_object_id", churning, "name", "Churning " + churning,
                "lifecyclestage", "customer", "hubspot_owner_id", owner);
        Map<String, Object> renewal = Map.of("hs_object_id", renewing, "name", "Renewing " + renewing,
                "lifecyclestage", "customer", "hubspot_owner_id", owner, "renewal_date", base.plusDays(5).toString());
        String churnedId = asIntegration().body(Map.of("rows", List.of(customer, renewal))).post("/api/v1/clients/bulk/hubspot")
                .then().statusCode(200).body("results[0].status", equalTo("CREATED")).body("results[0].outcome", nullValue())
                .body("results[1].outcome", nullValue())
                .extract().path("results[0].clientId");

        // what the model saw 200 days before: the churning client barely used the product, the renewing one did
        signal(churnedId, 10, base.minusDays(200));

        Map<String, Object> formerCustomer = Map.of("hs_object_id", churning, "name", "Churning " + churning,
                "lifecyclestage", "former_customer", "hubspot_owner_id", owner, "churn_date", base.plusDays(10).toString());
        Map<String, Object> renewed = Map.of("hs_object_id", renewing, "name", "Renewing " + renewing,
                "lifecyclestage", "customer", "hubspot_owner_id", owner, "renewal_date", base.plusDays(5).plusYears(1).toString());
        String renewedId = asIntegration().body(Map.of("rows", List.of(formerCustomer, renewed))).post("/api/v1/clients/bulk/hubspot")
                .then().statusCode(200)
                .body("results[0].status", equalTo("UNCHANGED")).body("results[0].clientId", equalTo(churnedId))
                .body("results[0].outcome", equalTo("CHURNED " + base.plusDays(10)))
                .body("results[1].status", equalTo("UPDATED"))
                .body("results[1].outcome", equalTo("RENEWED " + base.plusDays(5)))
                .extract().path("results[1].clientId");
        signal(renewedId, 80, base.minusDays(200));
        // the former customer again: the same outcome, still one row
        asIntegration().body(Map.of("rows", List.of(formerCustomer))).post("/api/v1/clients/bulk/hubspot").then().statusCode(200)
                .body("results[0].outcome", equalTo("CHURNED " + base.plusDays(10)));

        as("avp").body(Map.of("from", base.toString(), "to", base.plusDays(30).toString()))
                .post("/api/v1/health/models/1/backtest").then().statusCode(200)
                .body("clients", equalTo(2)).body("churned", equalTo(1)).body("renewed", equalTo(1)).body("unscored", equalTo(0))
                .body("precision", equalTo(1.0f)).body("recall", equalTo(1.0f))
                .body("predictions.find { it.clientId == '" + churnedId + "' }.outcome", equalTo("CHURNED"))
                .body("predictions.find { it.clientId == '" + churnedId + "' }.outcomeDate", equalTo(base.plusDays(10).toString()))
                .body("predictions.find { it.clientId == '" + renewedId + "' }.outcome", equalTo("RENEWED"));

        // a Salesforce former customer, on its Churn_Date__c
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        asIntegration().body("{\"username\": \"cse\"}").put("/api/v1/clients/owner-mappings/salesforce/005OUTCOME").then().statusCode(200);
        String sfId = asIntegration().body(Map.of("rows", List.of(Map.of("Id", "001FORMER" + suffix, "Name", "Former " + suffix,
                        "Type", "Former Customer", "OwnerId", "005OUTCOME", "Churn_Date__c", base.plusDays(20).toString()))))
                .post("/api/v1/clients/bulk/salesforce").then().statusCode(200)
                .body("results[0].status", equalTo("CREATED")).body("results[0].outcome", equalTo("CHURNED " + base.plusDays(20)))
                .extract().path("results[0].clientId");
        as("avp").body(Map.of("from", base.toString(), "to", base.plusDays(30).toString()))
                .post("/api/v1/health/models/1/backtest").then().statusCode(200)
                .body("clients", equalTo(3)).body("churned", equalTo(1)).body("unscored", equalTo(1))
                .body("predictions.find { it.clientId == '" + sfId + "' }.outcome", equalTo("CHURNED"));
    }

    private static void signal(String clientId, int activeUsersPct, LocalDate at) {
        asIntegration().body(Map.of("signals", List.of(Map.of("eventId", "crm-outcome-" + UUID.randomUUID(), "clientId", clientId,
                        "metric", "usage.active_users_pct", "value", activeUsersPct,
                        "occurredAt", at.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString()))))
                .post("/api/v1/signals").then().statusCode(200).body("[0].outcome", equalTo("ACCEPTED"));
    }
}
