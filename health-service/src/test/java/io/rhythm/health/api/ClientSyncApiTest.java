package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** CRM sync against the real database and broker: per-row results, idempotent upserts, the unmatched queue. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ClientSyncApiTest {

    @Test
    void rhythmRowsAreUpsertedByExternalIdWithPerRowResults() {
        String a = "crm-" + UUID.randomUUID();
        String b = "crm-" + UUID.randomUUID();
        String batch = rows("crm", row("Alpha " + a, a, "578000.00"),
                "{\"name\": \"\", \"region\": \"APAC\", \"ownerCse\": \"cse\", \"lifecycleStage\": \"MATURE\","
                        + " \"annualRevenue\": {\"amount\": \"1\", \"currency\": \"aud\"}, \"externalIds\": {\"crm\": \"bad-" + a + "\"}}",
                row("Beta " + b, b, "100.00"),
                "\"not an object\"");
        String alphaId = asIntegration().body(batch).post("/api/v1/clients/bulk").then().statusCode(200)
                .body("summary.CREATED", equalTo(2)).body("summary.REJECTED", equalTo(2))
                .body("results.status", contains("CREATED", "REJECTED", "CREATED", "REJECTED"))
                .body("results[1].errors.field", hasItem("name"))
                .body("results[1].errors.field", hasItem("annualRevenue.currency"))
                .body("results[3].errors[0].field", equalTo("row"))
                .extract().path("results[0].clientId");
        // nothing of the bad row was stored: its external id is free for a good row
        asIntegration().body(rows("crm", row("Gamma bad-" + a, "bad-" + a, "5.00"))).post("/api/v1/clients/bulk")
                .then().statusCode(200).body("results[0].status", equalTo("CREATED"));

        // the same batch again changes nothing
        asIntegration().body(rows("crm", row("Alpha " + a, a, "578000.00"), row("Beta " + b, b, "100.00")))
                .post("/api/v1/clients/bulk").then().statusCode(200).body("summary.UNCHANGED", equalTo(2));

        try (TopicProbe clients = TopicProbe.watch(Topics.CLIENTS)) {
            asIntegration().body(rows("crm", row("Alpha renamed " + a, a, "600000.00"))).post("/api/v1/clients/bulk")
                    .then().statusCode(200).body("results[0].status", equalTo("UPDATED"))
                    .body("results[0].clientId", equalTo(alphaId));
            CloudEvent event = TopicProbe.validated(clients.awaitRecord(r -> alphaId.equals(r.key())
                    && r.value().contains("\"version\":1"), Duration.ofSeconds(30)));
            assertThat(event.data().get("annualRevenue").get("amount").asText()).isEqualTo("600000.00");
        }
        as("avp").get("/api/v1/clients/" + alphaId).then().body("name", equalTo("Alpha renamed " + a)).body("version", equalTo(1));
    }

    @Test
    void hubspotRowsWithUnmappedOwnersWaitInTheUnmatchedQueueUntilMapped() {
        String company = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String owner = "owner-" + UUID.randomUUID();
        String batch = "{\"rows\": [{\"hs_object_id\": \"" + company + "\", \"name\": \"Sunrise " + company + "\","
                + " \"annualrevenue\": \"4500000\", \"lifecyclestage\": \"customer\", \"hubspot_owner_id\": \"" + owner + "\"},"
                + " {\"hs_object_id\": \"1" + company + "\", \"name\": \"A lead\", \"lifecyclestage\": \"lead\", \"hubspot_owner_id\": \"x\"}]}";

        asIntegration().body(batch).post("/api/v1/clients/bulk/hubspot").then().statusCode(200)
                .body("results.status", contains("UNMATCHED", "REJECTED"))
                .body("results[0].errors[0].message", org.hamcrest.Matchers.containsString("owner-mappings/hubspot/" + owner))
                .body("results[1].errors[0].field", equalTo("lifecyclestage"));
        as("admin").get("/api/v1/clients/unmatched?limit=200").then().statusCode(200)
                .body("items.externalId", hasItem(company))
                .body("items.find { it.externalId == '" + company + "' }.payload.name", equalTo("Sunrise " + company));

        asIntegration().body("{\"username\": \"cse2\"}").put("/api/v1/clients/owner-mappings/hubspot/" + owner)
                .then().statusCode(200);
        try (TopicProbe clients = TopicProbe.watch(Topics.CLIENTS)) {
            String id = asIntegration().body(batch).post("/api/v1/clients/bulk/hubspot").then().statusCode(200)
                    .body("results[0].status", equalTo("CREATED")).extract().path("results[0].clientId");
            CloudEvent event = clients.awaitEvent(EventCatalogue.CLIENT_UPSERTED.type(), id, Duration.ofSeconds(30));
            assertThat(event.data().get("ownerCse").asText()).isEqualTo("cse2");
            assertThat(event.data().get("externalIds").get("hubspot").asText()).isEqualTo(company);
        }
        as("admin").get("/api/v1/clients/unmatched?limit=200").then().body("items.externalId", not(hasItem(company)));
    }

    @Test
    void crmRowsCarryTheCustomerSinceDateAndTheExpansionStage() {
        String company = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        asIntegration().body("{\"username\": \"cse\"}").put("/api/v1/clients/owner-mappings/hubspot/owner-since")
                .then().statusCode(200);
        String batch = "{\"rows\": [{\"hs_object_id\": \"" + company + "\", \"name\": \"Since " + company + "\","
                + " \"lifecyclestage\": \"customer\", \"hubspot_owner_id\": \"owner-since\", \"rhythm_lifecycle_stage\": \"expansion\","
                + " \"hs_lifecyclestage_customer_date\": \"2021-04-12T02:00:00.000Z\"}]}";
        try (TopicProbe clients = TopicProbe.watch(Topics.CLIENTS)) {
            String id = asIntegration().body(batch).post("/api/v1/clients/bulk/hubspot").then().statusCode(200)
                    .body("results[0].status", equalTo("CREATED")).extract().path("results[0].clientId");
            CloudEvent event = clients.awaitEvent(EventCatalogue.CLIENT_UPSERTED.type(), id, Duration.ofSeconds(30));
            assertThat(event.data().get("customerSince").asText()).isEqualTo("2021-04-12");
            assertThat(event.data().get("lifecycleStage").asText()).isEqualTo("EXPANSION");
            as("avp").get("/api/v1/clients/" + id).then().statusCode(200)
                    .body("customerSince", equalTo("2021-04-12")).body("lifecycleStage", equalTo("EXPANSION"));
        }
        String ahead = row("Ahead " + company, "ahead-" + company, "1000")
                .replace("\"lifecycleStage\"", "\"customerSince\": \"2099-01-01\", \"lifecycleStage\"");
        asIntegration().body(rows("crm", ahead)).post("/api/v1/clients/bulk").then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED")).body("results[0].errors[0].field", equalTo("customerSince"));
    }

    @Test
    void salesforceParentsComeFirstAndProspectsAreRejected() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String parent = "001PARENT" + suffix.substring(0, 6);
        String child = "001CHILDX" + suffix.substring(0, 6);
        String orphan = "001ORPHAN" + suffix.substring(0, 6);
        asIntegration().body("{\"username\": \"cse\"}").put("/api/v1/clients/owner-mappings/salesforce/005OWNER").then().statusCode(200);
        String batch = "{\"rows\": ["
                + sf(parent, "Health Dept " + suffix, "Customer - Direct", null) + ","
                + sf(child, "Hospital " + suffix, "Customer - Channel", parent) + ","
                + sf(orphan, "Orphan " + suffix, "Customer - Direct", "001NOSUCHPARENT") + ","
                + sf("001PROSPECT" + suffix.substring(0, 4), "Prospect " + suffix, "Prospect", null) + "]}";
        var results = asIntegration().body(batch).post("/api/v1/clients/bulk/salesforce").then().statusCode(200)
                .body("results.status", contains("CREATED", "CREATED", "REJECTED", "REJECTED"))
                .body("results[2].errors[0].field", equalTo("parent"))
                .body("results[3].errors[0].field", equalTo("Type"))
                .extract();
        String parentId = results.path("results[0].clientId");
        as("cse").get("/api/v1/clients/" + results.path("results[1].clientId")).then().statusCode(200)
                .body("parentId", equalTo(parentId)).body("businessUnit", equalTo("Health"));
        as("cse").get("/api/v1/clients/" + parentId).then().body("parentId", nullValue());
    }

    @Test
    void batchesAreBoundedAndOnlyForIntegrations() {
        asIntegration().body("{\"source\": \"crm\", \"rows\": []}").post("/api/v1/clients/bulk").then().statusCode(400)
                .body("errors[0].field", equalTo("rows"));
        String tooMany = "{\"source\": \"crm\", \"rows\": [" + String.join(",", Collections.nCopies(1001, "{}")) + "]}";
        asIntegration().body(tooMany).post("/api/v1/clients/bulk").then().statusCode(400).body("errors[0].field", equalTo("rows"));
        asIntegration().body("{\"rows\": [{}]}").post("/api/v1/clients/bulk").then().statusCode(400)
                .body("errors[0].field", equalTo("source"));
        as("cse").body(rows("crm", row("x", "x", "1"))).post("/api/v1/clients/bulk").then().statusCode(403);
        as("avp").body("{\"rows\": [{}]}").post("/api/v1/clients/bulk/hubspot").then().statusCode(403);
        anonymous().body("{\"rows\": [{}]}").post("/api/v1/clients/bulk/salesforce").then().statusCode(401);
        as("cse").get("/api/v1/clients/unmatched").then().statusCode(403);
        // the unmatched queue is a read: integration clients only ingest (DESIGN.md, security model)
        asIntegration().get("/api/v1/clients/unmatched").then().statusCode(403);
        anonymous().get("/api/v1/clients/unmatched").then().statusCode(401);
        for (String role : new String[] {"avp", "vp", "admin"}) {
            as(role).get("/api/v1/clients/unmatched?limit=1").then().statusCode(200);
        }
        as("cse").body("{\"username\": \"cse\"}").put("/api/v1/clients/owner-mappings/hubspot/1").then().statusCode(403);
    }

    private static String rows(String source, String... rows) {
        return "{\"source\": \"" + source + "\", \"rows\": [" + String.join(",", rows) + "]}";
    }

    private static String row(String name, String externalId, String amount) {
        return "{\"name\": \"" + name + "\", \"region\": \"APAC\", \"ownerCse\": \"cse\", \"ownerCam\": \"cam\","
                + " \"lifecycleStage\": \"MATURE\", \"annualRevenue\": {\"amount\": \"" + amount + "\", \"currency\": \"AUD\"},"
                + " \"externalIds\": {\"crm\": \"" + externalId + "\"}}";
    }

    private static String sf(String id, String name, String type, String parentId) {
        return "{\"Id\": \"" + id + "\", \"Name\": \"" + name + "\", \"Type\": \"" + type + "\", \"Industry\": \"Health\","
                + " \"AnnualRevenue\": 1000000, \"OwnerId\": \"005OWNER\"" + (parentId == null ? "" : ", \"ParentId\": \"" + parentId + "\"") + "}";
    }
}
