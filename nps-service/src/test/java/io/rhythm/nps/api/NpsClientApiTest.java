package io.rhythm.nps.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** clients.v1 → nps-service's client directory, read back with row-level access. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class NpsClientApiTest {

    @jakarta.inject.Inject
    io.rhythm.platform.clients.ContactDirectory contacts;

    @Test
    void contactsArriveInTheLocalDirectoryNewestVersionFirst() {
        String clientId = TestClients.publishNew("Contacts " + UUID.randomUUID(), "cse", "cam");
        String contactId = UUID.randomUUID().toString();
        String email = "jane-" + UUID.randomUUID() + "@client.example";
        TestClients.publishContact(clientId, contactId, "Jane", email.toUpperCase(java.util.Locale.ROOT), true, 1);
        TestClients.publishContact(clientId, contactId, "Jane (stale)", "old@client.example", true, 0);
        String later = UUID.randomUUID().toString();
        TestClients.publishContact(clientId, later, "Zed", null, false, 0); // same key: consumed after the stale one
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.ofClient(UUID.fromString(clientId), false).size() == 2);

        var listed = contacts.ofClient(UUID.fromString(clientId), false);
        org.assertj.core.api.Assertions.assertThat(listed).extracting(c -> c.name()).containsExactly("Jane", "Zed");
        org.assertj.core.api.Assertions.assertThat(listed.get(1).subscribed()).isFalse();
        org.assertj.core.api.Assertions.assertThat(contacts.byEmail(email)).singleElement()
                .satisfies(c -> org.assertj.core.api.Assertions.assertThat(c.clientId().toString()).isEqualTo(clientId));
    }

    @Test
    void publishedClientsAreSurveyableWithinTheOwnersPortfolio() {
        String name = "Sunrise " + UUID.randomUUID();
        String clientId = TestClients.publishNew(name, "cse", "cam");
        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/nps/clients/" + clientId).statusCode() == 200);

        as("cse").get("/api/v1/nps/clients/" + clientId).then().statusCode(200)
                .body("name", equalTo(name)).body("annualRevenue.amount", equalTo("250000.00")).body("ownerCam", equalTo("cam"));
        as("cse2").get("/api/v1/nps/clients/" + clientId).then().statusCode(404);
        as("cse2").get("/api/v1/nps/clients?limit=200").then().statusCode(200).body("items.clientId", not(hasItem(clientId)));
        asIntegration().get("/api/v1/nps/clients/" + clientId).then().statusCode(403);
    }
}
