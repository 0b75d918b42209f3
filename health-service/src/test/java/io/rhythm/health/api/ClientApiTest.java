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
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ClientApiTest {

    @Test
    void integrationRegistersAClientAndClientUpsertedIsPublished() {
        try (TopicProbe clients = TopicProbe.watch(Topics.CLIENTS)) {
            String hubspotId = "hs-" + UUID.randomUUID();
            String id = asIntegration().body(client("SA Health " + hubspotId, "cse", "cam", hubspotId))
                    .post("/api/v1/clients").then().statusCode(201)
                    .header("ETag", "\"v0\"")
                    .header("Location", containsString("/api/v1/clients/"))
                    .body("annualRevenue.amount", equalTo("578000.00"))
                    .body("lifecycleStage", equalTo("MATURE"))
                    .extract().path("id");

            CloudEvent event = clients.awaitEvent(EventCatalogue.CLIENT_UPSERTED.type(), id, Duration.ofSeconds(30));
            assertThat(event.source()).isEqualTo("/rhythm/health-service");
            assertThat(event.data().get("ownerCse").asText()).isEqualTo("cse");
            assertThat(event.data().get("version").asLong()).isZero();
            assertThat(event.data().get("externalIds").get("hubspot").asText()).isEqualTo(hubspotId);
        }
    }

    @Test
    void customerSinceIsStoredValidatedAndPublished() {
        String hubspotId = "hs-" + UUID.randomUUID();
        String body = client("Tenured " + hubspotId, "cse", "cam", hubspotId)
                .replace("\"lifecycleStage\"", "\"customerSince\": \"2019-07-01\", \"lifecycleStage\"");
        try (TopicProbe clients = TopicProbe.watch(Topics.CLIENTS)) {
            String id = asIntegration().body(body).post("/api/v1/clients").then().statusCode(201)
                    .body("customerSince", equalTo("2019-07-01")).extract().path("id");
            CloudEvent created = clients.awaitEvent(EventCatalogue.CLIENT_UPSERTED.type(), id, Duration.ofSeconds(30));
            assertThat(created.data().get("customerSince").asText()).isEqualTo("2019-07-01");

            as("avp").header("If-Match", "\"v0\"").body(body.replace("2019-07-01", "2099-01-01"))
                    .put("/api/v1/clients/" + id).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("customerSince"));
            as("avp").header("If-Match", "\"v0\"").body(body.replace("2019-07-01", "July 2019"))
                    .put("/api/v1/clients/" + id).then().statusCode(400);
            as("avp").get("/api/v1/clients/" + id).then().statusCode(200).header("ETag", "\"v0\"")
                    .body("customerSince", equalTo("2019-07-01"));

            as("avp").header("If-Match", "\"v0\"").body(body.replace("2019-07-01", "2020-02-29"))
                    .put("/api/v1/clients/" + id).then().statusCode(200).body("customerSince", equalTo("2020-02-29"));
            CloudEvent changed = TopicProbe.validated(clients.awaitRecord(
                    r -> id.equals(r.key()) && r.value().contains("\"version\":1"), Duration.ofSeconds(30)));
            assertThat(changed.data().get("customerSince").asText()).isEqualTo("2020-02-29");
        }
        asIntegration().body(client("Future " + UUID.randomUUID(), "cse", "cam", "hs-" + UUID.randomUUID())
                        .replace("\"lifecycleStage\"", "\"customerSince\": \"2099-01-01\", \"lifecycleStage\""))
                .post("/api/v1/clients").then().statusCode(400).body("errors[0].field", equalTo("customerSince"));
    }

    @Test
    void replacingNeedsTheCurrentETagAndPublishesTheNewVersion() {
        String hubspotId = "hs-" + UUID.randomUUID();
        String id = asIntegration().body(client("WA Health " + hubspotId, "cse", "cam", hubspotId))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        try (TopicProbe clients = TopicProbe.watch(Topics.CLIENTS)) {
            as("avp").header("If-Match", "\"v0\"").body(client("WA Health renamed " + hubspotId, "cse2", "cam", hubspotId))
                    .put("/api/v1/clients/" + id).then().statusCode(200).header("ETag", "\"v1\"")
                    .body("ownerCse", equalTo("cse2"));
            // the creation (v0) may also show up here, published just after the probe opened
            CloudEvent event = TopicProbe.validated(clients.awaitRecord(
                    r -> id.equals(r.key()) && r.value().contains("\"version\":1"), Duration.ofSeconds(30)));
            assertThat(event.data().get("ownerCse").asText()).isEqualTo("cse2");
        }
        as("avp").header("If-Match", "\"v0\"").body(client("lost update", "cse", "cam", hubspotId))
                .put("/api/v1/clients/" + id).then().statusCode(412).contentType("application/problem+json");
        as("avp").get("/api/v1/clients/" + id).then().statusCode(200).body("name", equalTo("WA Health renamed " + hubspotId));
    }

    @Test
    void invalidRowsAreRejectedWithFieldErrorsAndNothingIsStored() {
        String hubspotId = "hs-" + UUID.randomUUID();
        String bad = """
                {"name": "", "region": "APAC", "ownerCse": "cse", "lifecycleStage": "MATURE",
                 "annualRevenue": {"amount": "12.345", "currency": "aud"}, "externalIds": {"hubspot": "%s"}}"""
                .formatted(hubspotId);
        asIntegration().body(bad).post("/api/v1/clients").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("annualRevenue.currency"))
                .body("errors.field", hasItem("annualRevenue.amount"));
        asIntegration().body(client("x", "cse", "cam", hubspotId).replace("MATURE", "ADULT"))
                .post("/api/v1/clients").then().statusCode(400).body("errors[0].field", equalTo("lifecycleStage"));
        // nothing partial was stored: the external id is still free
        asIntegration().body(client("GHA " + hubspotId, "cse", "cam", hubspotId)).post("/api/v1/clients").then().statusCode(201);
        // and now it is taken: 409 naming the field
        asIntegration().body(client("Sunrise " + hubspotId, "cse", "cam", hubspotId)).post("/api/v1/clients").then()
                .statusCode(409).body("errors[0].field", equalTo("externalIds.hubspot"));
    }

    @Test
    void rolesDecideWhoMayWriteAndRead() {
        String body = client("Roles " + UUID.randomUUID(), "cse", "cam", "hs-" + UUID.randomUUID());
        anonymous().body(body).post("/api/v1/clients").then().statusCode(401);
        as("cse").body(body).post("/api/v1/clients").then().statusCode(403).body("type", containsString("forbidden"));
        as("marketing").body(body).post("/api/v1/clients").then().statusCode(403);
        String id = as("admin").body(body).post("/api/v1/clients").then().statusCode(201).extract().path("id");
        asIntegration().get("/api/v1/clients/" + id).then().statusCode(403);
    }

    @Test
    void aCseSeesOnlyTheirOwnClients() {
        String hubspotId = "hs-" + UUID.randomUUID();
        String id = asIntegration().body(client("Row level " + hubspotId, "cse", "cam", hubspotId))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");

        as("cse").get("/api/v1/clients/" + id).then().statusCode(200);
        as("cam").get("/api/v1/clients/" + id).then().statusCode(200);
        as("avp").get("/api/v1/clients/" + id).then().statusCode(200);
        as("cse2").get("/api/v1/clients/" + id).then().statusCode(404).body("type", containsString("not-found"));
        as("cse2").get("/api/v1/clients/" + id + "/engagements").then().statusCode(404);
        as("cse2").get("/api/v1/clients?limit=200").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void portfolioPagesFollowTheCursor() {
        String owner = "cse";
        for (int i = 0; i < 3; i++) {
            asIntegration().body(client("Paging " + UUID.randomUUID(), owner, "cam", "hs-" + UUID.randomUUID()))
                    .post("/api/v1/clients").then().statusCode(201);
        }
        var first = as("cse").get("/api/v1/clients?limit=2").then().statusCode(200).extract();
        assertThat(first.<java.util.List<?>>path("items")).hasSize(2);
        String cursor = first.path("nextCursor");
        assertThat(cursor).isNotNull();
        var second = as("cse").get("/api/v1/clients?limit=2&cursor=" + cursor).then().statusCode(200).extract();
        assertThat(second.<java.util.List<String>>path("items.id")).doesNotContainAnyElementsOf(first.path("items.id"));
        as("cse").get("/api/v1/clients?limit=500").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    static String client(String name, String ownerCse, String ownerCam, String hubspotId) {
        return """
                {"name": "%s", "region": "APAC", "businessUnit": "Health", "ownerCse": "%s", "ownerCam": "%s",
                 "tier": "Enterprise", "lifecycleStage": "MATURE", "renewalDate": "2027-06-30",
                 "annualRevenue": {"amount": "578000", "currency": "AUD"}, "externalIds": {"hubspot": "%s"}}"""
                .formatted(name, ownerCse, ownerCam, hubspotId);
    }
}
