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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ContactApiTest {

    @Test
    void aCseKeepsTheirClientsContactsAndEveryChangeIsPublishedOnClientsV1() {
        String clientId = newClient("cse");
        String contactId;
        try (TopicProbe clients = TopicProbe.watch(Topics.CLIENTS)) {
            contactId = as("cse").body(contact("Dr Jane Citizen", "jane@health.example", "[\"EXECUTIVE_SPONSOR\", \"CHAMPION\"]"))
                    .post("/api/v1/clients/" + clientId + "/contacts").then().statusCode(201).header("ETag", "\"v0\"")
                    .body("stakeholderRoles", contains("CHAMPION", "EXECUTIVE_SPONSOR")).body("subscribed", equalTo(true))
                    .extract().path("id");
            CloudEvent event = clients.awaitEvent(EventCatalogue.CONTACT_UPSERTED.type(), clientId, Duration.ofSeconds(30));
            assertThat(event.data().get("contactId").asText()).isEqualTo(contactId);
            assertThat(event.data().get("email").asText()).isEqualTo("jane@health.example");
        }
        try (TopicProbe clients = TopicProbe.watch(Topics.CLIENTS)) {
            String unsubscribed = "{\"name\": \"Dr Jane Citizen\", \"email\": \"jane@health.example\", \"subscribed\": false}";
            as("cam").header("If-Match", "\"v0\"").body(unsubscribed).put("/api/v1/clients/" + clientId + "/contacts/" + contactId)
                    .then().statusCode(200).header("ETag", "\"v1\"").body("subscribed", equalTo(false));
            CloudEvent event = TopicProbe.validated(clients.awaitRecord(r -> clientId.equals(r.key())
                    && r.value().contains("\"version\":1") && r.value().contains(contactId), Duration.ofSeconds(30)));
            assertThat(event.data().get("subscribed").asBoolean()).isFalse();
            as("cam").header("If-Match", "\"v0\"").body(unsubscribed).put("/api/v1/clients/" + clientId + "/contacts/" + contactId)
                    .then().statusCode(412);
        }
        as("avp").get("/api/v1/clients/" + clientId + "/contacts").then().statusCode(200)
                .body("items.id", contains(contactId)).body("items[0].subscribed", equalTo(false));
    }

    @Test
    void badOrDuplicateContactsAreRefusedWithTheField() {
        String clientId = newClient("cse");
        as("cse").body(contact("A", "not-an-email", "[]")).post("/api/v1/clients/" + clientId + "/contacts").then()
                .statusCode(400).body("errors[0].field", equalTo("email"));
        as("cse").body(contact("A", "a@x.example", "[\"BOSS\"]")).post("/api/v1/clients/" + clientId + "/contacts").then()
                .statusCode(400).body("errors[0].field", equalTo("stakeholderRoles[0]"));
        as("cse").body(contact("A", "a@x.example", "[]")).post("/api/v1/clients/" + clientId + "/contacts").then().statusCode(201);
        as("cse").body(contact("B", "A@X.example", "[]")).post("/api/v1/clients/" + clientId + "/contacts").then().statusCode(409);
        as("cse").body("{\"name\": \"No email yet\"}").post("/api/v1/clients/" + clientId + "/contacts").then().statusCode(201);
        as("cse").get("/api/v1/clients/" + clientId + "/contacts").then().body("items.name", contains("A", "No email yet"));
    }

    @Test
    void rolesAndPortfolioDecideWhoKeepsContacts() {
        String clientId = newClient("cse");
        String body = contact("X", null, "[]");
        anonymous().body(body).post("/api/v1/clients/" + clientId + "/contacts").then().statusCode(401);
        as("cse2").body(body).post("/api/v1/clients/" + clientId + "/contacts").then().statusCode(404);
        as("marketing").body(body).post("/api/v1/clients/" + clientId + "/contacts").then().statusCode(403);
        asIntegration().body(body).post("/api/v1/clients/" + clientId + "/contacts").then().statusCode(201);
        as("cse2").get("/api/v1/clients/" + clientId + "/contacts").then().statusCode(404);
        as("marketing").get("/api/v1/clients/" + clientId + "/contacts").then().statusCode(200).body("items.name", hasItem("X"));
        asIntegration().body(body).post("/api/v1/clients/" + UUID.randomUUID() + "/contacts").then().statusCode(404);
    }

    private static String newClient(String owner) {
        return asIntegration().body(ClientApiTest.client("Contacts " + UUID.randomUUID(), owner, "cam", "hs-" + UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    private static String contact(String name, String email, String roles) {
        return "{\"name\": \"" + name + "\", " + (email == null ? "" : "\"email\": \"" + email + "\", ")
                + "\"stakeholderRoles\": " + roles + "}";
    }
}
