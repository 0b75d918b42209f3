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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Contacts from HubSpot and Salesforce contact exports: per-row results, idempotent, ContactUpserted, unmatched. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ContactSyncApiTest {

    private static String clientWithHubSpotId(String hubspotId) {
        return asIntegration().body(ClientApiTest.client("Contacts " + hubspotId, "cse", "cam", hubspotId))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    private static String unique() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }

    @Test
    void hubspotContactRowsAreUpsertedOnceByTheirIdAndPublished() {
        String company = unique();
        String clientId = clientWithHubSpotId(company);
        String contact = unique();
        String unknownCompany = unique();
        String strayContact = unique();
        Map<String, Object> good = Map.of("hs_object_id", contact, "associatedcompanyid", company, "firstname", "Jane",
                "lastname", "Citizen", "email", "jane." + contact + "@health.example", "jobtitle", "CIO");
        Map<String, Object> stray = Map.of("hs_object_id", strayContact, "associatedcompanyid", unknownCompany,
                "firstname", "Nobody", "email", "nobody@nowhere.example");
        Map<String, Object> badEmail = Map.of("hs_object_id", unique(), "associatedcompanyid", company, "email", "jane at health");

        String contactId;
        try (TopicProbe clients = TopicProbe.watch(Topics.CLIENTS)) {
            contactId = asIntegration().body(Map.of("rows", List.of(good, stray, badEmail))).post("/api/v1/contacts/bulk/hubspot")
                    .then().statusCode(200)
                    .body("results.status", contains("CREATED", "UNMATCHED", "REJECTED"))
                    .body("summary.CREATED", equalTo(1)).body("summary.UNMATCHED", equalTo(1)).body("summary.REJECTED", equalTo(1))
                    .body("results[0].clientId", equalTo(clientId)).body("results[0].externalId", equalTo(contact))
                    .body("results[1].errors[0].field", equalTo("associatedcompanyid"))
                    .body("results[2].errors[0].field", equalTo("email"))
                    .extract().path("results[0].contactId");
            CloudEvent upserted = TopicProbe.validated(clients.awaitRecord(r -> clientId.equals(r.key())
                    && r.value().contains(contactId), Duration.ofSeconds(30)));
            assertThat(upserted.type()).isEqualTo(EventCatalogue.CONTACT_UPSERTED.type());
            assertThat(upserted.data().get("name").asText()).isEqualTo("Jane Citizen");
            assertThat(upserted.data().get("title").asText()).isEqualTo("CIO");
            assertThat(upserted.data().get("subscribed").asBoolean()).isTrue();

            // the same row again: nothing changes, nothing is published
            asIntegration().body(Map.of("rows", List.of(good))).post("/api/v1/contacts/bulk/hubspot").then().statusCode(200)
                    .body("results[0].status", equalTo("UNCHANGED")).body("results[0].contactId", equalTo(contactId));
            assertThat(clients.recordsAfter(Duration.ofSeconds(2)).stream()
                    .filter(r -> clientId.equals(r.key()) && r.value().contains(contactId)).count()).isEqualTo(1);
        }
        as("cse").get("/api/v1/clients/" + clientId + "/contacts").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(contactId)).body("items[0].email", equalTo(good.get("email")));
        as("admin").get("/api/v1/clients/unmatched?limit=200").then().statusCode(200)
                .body("items.find { it.externalId == '" + strayContact + "' }.kind", equalTo("contact"))
                .body("items.find { it.externalId == '" + strayContact + "' }.payload.associatedcompanyid", equalTo(unknownCompany));

        // opting out unsubscribes; a later row without the opt-out does not re-subscribe
        Map<String, Object> optedOut = new java.util.HashMap<>(good);
        optedOut.put("hs_email_optout", "true");
        optedOut.put("jobtitle", "Chief Digital Officer");
        asIntegration().body(Map.of("rows", List.of(optedOut))).post("/api/v1/contacts/bulk/hubspot").then().statusCode(200)
                .body("results[0].status", equalTo("UPDATED"));
        asIntegration().body(Map.of("rows", List.of(good))).post("/api/v1/contacts/bulk/hubspot").then().statusCode(200)
                .body("results[0].status", equalTo("UPDATED"));
        as("cse").get("/api/v1/clients/" + clientId + "/contacts").then().statusCode(200)
                .body("items[0].subscribed", equalTo(false)).body("items[0].title", equalTo("CIO")).body("items[0].version", equalTo(2));

        // once the company is a client, re-sending the stray contact matches and leaves the queue
        String strayClient = clientWithHubSpotId(unknownCompany);
        asIntegration().body(Map.of("rows", List.of(stray))).post("/api/v1/contacts/bulk/hubspot").then().statusCode(200)
                .body("results[0].status", equalTo("CREATED")).body("results[0].clientId", equalTo(strayClient));
        as("admin").get("/api/v1/clients/unmatched?limit=200").then().statusCode(200).body("items.externalId", not(hasItem(strayContact)));
    }

    @Test
    void aContactEnteredByHandIsAdoptedByItsEmailAndSalesforceRowsWorkTheSame() {
        String company = unique();
        String clientId = clientWithHubSpotId(company);
        String email = "sam." + company + "@gha.example";
        String handMade = as("cse").body(Map.of("name", "Sam", "email", email)).post("/api/v1/clients/" + clientId + "/contacts")
                .then().statusCode(201).extract().path("id");
        asIntegration().body(Map.of("rows", List.of(Map.of("hs_object_id", unique(), "associatedcompanyid", company,
                        "firstname", "Sam", "lastname", "Ng", "email", email.toUpperCase()))))
                .post("/api/v1/contacts/bulk/hubspot").then().statusCode(200)
                .body("results[0].status", equalTo("UPDATED")).body("results[0].contactId", equalTo(handMade));
        as("cse").get("/api/v1/clients/" + clientId + "/contacts").then().body("items", hasSize(1))
                .body("items[0].name", equalTo("Sam Ng"));

        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String account = "001ACCTCS" + suffix;
        asIntegration().body("{\"username\": \"cse\"}").put("/api/v1/clients/owner-mappings/salesforce/005CONTACTS").then().statusCode(200);
        String sfClient = asIntegration().body(Map.of("rows", List.of(Map.of("Id", account, "Name", "GHA " + suffix,
                        "Type", "Customer - Direct", "OwnerId", "005CONTACTS"))))
                .post("/api/v1/clients/bulk/salesforce").then().statusCode(200).body("results[0].status", equalTo("CREATED"))
                .extract().path("results[0].clientId");
        asIntegration().body(Map.of("rows", List.of(
                        Map.of("Id", "003CONTAC" + suffix, "AccountId", account, "FirstName", "Lee", "LastName", "Chan",
                                "Email", "lee." + suffix + "@gha.example", "Title", "CFO", "Department", "Finance",
                                "HasOptedOutOfEmail", true),
                        Map.of("Id", "003NOLAST" + suffix, "AccountId", account))))
                .post("/api/v1/contacts/bulk/salesforce").then().statusCode(200)
                .body("results.status", contains("CREATED", "REJECTED"))
                .body("results[1].errors[0].field", equalTo("LastName"));
        as("avp").get("/api/v1/clients/" + sfClient + "/contacts").then().statusCode(200)
                .body("items[0].name", equalTo("Lee Chan")).body("items[0].department", equalTo("Finance"))
                .body("items[0].subscribed", equalTo(false));
    }

    @Test
    void onlyIntegrationsAndAdminsSyncAndMalformedBatchesAre400() {
        String row = "{\"rows\": [{\"hs_object_id\": \"1\", \"associatedcompanyid\": \"" + unique() + "\", \"email\": \"a@b.example\"}]}";
        as("cse").body(row).post("/api/v1/contacts/bulk/hubspot").then().statusCode(403);
        as("avp").body(row).post("/api/v1/contacts/bulk/salesforce").then().statusCode(403);
        anonymous().body(row).post("/api/v1/contacts/bulk/hubspot").then().statusCode(401);
        as("admin").body(row).post("/api/v1/contacts/bulk/hubspot").then().statusCode(200)
                .body("results[0].status", equalTo("UNMATCHED"));
        asIntegration().body("{\"rows\": []}").post("/api/v1/contacts/bulk/hubspot").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("rows"));
        asIntegration().body("{}").post("/api/v1/contacts/bulk/hubspot").then().statusCode(400);
        asIntegration().body("{\"rows\": [42]}").post("/api/v1/contacts/bulk/hubspot").then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED")).body("results[0].errors[0].field", equalTo("row"))
                .body("results[0].contactId", nullValue());
    }
}
