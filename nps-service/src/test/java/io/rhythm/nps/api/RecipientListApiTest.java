package io.rhythm.nps.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.ContactUpserted;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Recipient lists from the contact directory: validation report, sign-off before the deadline, freeze. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RecipientListApiTest {

    @Inject
    ContactDirectory contacts;

    @Test
    void listsAreValidatedSignedOffByTheOwnerAndFrozen() {
        String clientId = clientWithContacts();
        String cycleId = cycle("Recipients " + UUID.randomUUID(), "2027-03-01"); // deadline 2027-02-15

        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/recipients/build?clientId=" + clientId).then().statusCode(200)
                .body("[0].included", equalTo(2)).body("[0].excluded", equalTo(3))
                .body("[0].flagged.MISSING_EMAIL", equalTo(1)).body("[0].flagged.INVALID_EMAIL", equalTo(1))
                .body("[0].flagged.UNSUBSCRIBED", equalTo(1)).body("[0].flagged.NO_ROLE", equalTo(1))
                .body("[0].recipients.find { it.name == 'Una Subscribed' }.included", equalTo(false))
                .body("[0].signedOffBy", nullValue());

        as("cse2").post("/api/v1/nps/cycles/" + cycleId + "/recipients/" + clientId + "/sign-off").then().statusCode(404);
        as("cse2").get("/api/v1/nps/cycles/" + cycleId + "/recipients").then().statusCode(200)
                .body("clientId", not(hasItem(clientId)));
        as("cam").post("/api/v1/nps/cycles/" + cycleId + "/recipients/" + clientId + "/sign-off").then().statusCode(200)
                .body("signedOffBy", equalTo("cam"));
        // rebuilding may change the list: the sign-off is cleared and must be given again
        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/recipients/build?clientId=" + clientId).then().statusCode(200)
                .body("[0].signedOffBy", nullValue());
        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/recipients/" + clientId + "/sign-off").then().statusCode(200);

        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/recipients/freeze").then().statusCode(403);
        as("avp").post("/api/v1/nps/cycles/" + cycleId + "/recipients/freeze").then().statusCode(200)
                .body("frozenBy", equalTo("avp")).body("notSignedOff", not(hasItem(clientId)));
        as("cse").post("/api/v1/nps/cycles/" + cycleId + "/recipients/build?clientId=" + clientId).then().statusCode(409)
                .body("detail", containsString("frozen"));
        as("avp").get("/api/v1/nps/cycles/" + cycleId + "/recipients?clientId=" + clientId).then().statusCode(200)
                .body("[0].signedOffBy", equalTo("cse"));
    }

    @Test
    void tenureOfNinetyDaysOrLessAtTheOpenDateExcludesAClientWithTheReason() {
        String cycleId = cycle("Tenure " + UUID.randomUUID(), "2027-03-01");
        String newcomer = clientSince("Tenure newcomer", LocalDate.of(2027, 3, 1).minusDays(60));
        String established = clientSince("Tenure established", LocalDate.of(2027, 3, 1).minusDays(120));
        String unknown = clientSince("Tenure unknown", null);
        String build = "/api/v1/nps/cycles/" + cycleId + "/recipients/build?clientId=";

        as("cse").post(build + newcomer).then().statusCode(200)
                .body("[0].included", equalTo(0)).body("[0].excluded", equalTo(1))
                .body("[0].tenure.status", equalTo("UP_TO_90_DAYS")).body("[0].tenure.days", equalTo(60))
                .body("[0].tenure.customerSince", equalTo("2026-12-31")).body("[0].tenure.asOf", equalTo("2027-03-01"))
                .body("[0].tenure.note", containsString("60 days at the cycle's open date 2027-03-01"))
                .body("[0].flagged.TENURE_90_DAYS_OR_LESS", equalTo(1))
                .body("[0].recipients[0].included", equalTo(false))
                .body("[0].recipients[0].issues", hasItem("TENURE_90_DAYS_OR_LESS"));
        as("cse").post(build + established).then().statusCode(200)
                .body("[0].included", equalTo(1)).body("[0].excluded", equalTo(0))
                .body("[0].tenure.status", equalTo("OVER_90_DAYS")).body("[0].tenure.days", equalTo(120))
                .body("[0].tenure.note", nullValue());
        as("cse").post(build + unknown).then().statusCode(200)
                .body("[0].included", equalTo(1)).body("[0].tenure.status", equalTo("UNKNOWN"))
                .body("[0].tenure.days", nullValue()).body("[0].tenure.note", containsString("Tenure unknown: included"));

        // the validation report lists the excluded client and why; the HubSpot upload leaves its contacts out
        as("cse").get("/api/v1/nps/cycles/" + cycleId + "/recipients").then().statusCode(200)
                .body("find { it.clientId == '" + newcomer + "' }.tenure.status", equalTo("UP_TO_90_DAYS"))
                .body("find { it.clientId == '" + established + "' }.tenure.status", equalTo("OVER_90_DAYS"));
        String csv = as("cse").get("/api/v1/nps/cycles/" + cycleId + "/recipients/export").then().statusCode(200)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv).doesNotContain("Tenure newcomer")
                .contains("Tenure established", "Tenure unknown");
    }

    @Test
    void signOffAfterTheDeadlineOrBeforeBuildingIsAConflict() {
        String clientId = clientWithContacts();
        String past = cycle("Past deadline " + UUID.randomUUID(), "2026-10-07"); // seed deadline 2026-09-30
        as("cse").post("/api/v1/nps/cycles/" + past + "/recipients/" + clientId + "/sign-off").then().statusCode(409)
                .body("detail", containsString("Build"));
        as("cse").post("/api/v1/nps/cycles/" + past + "/recipients/build?clientId=" + clientId).then().statusCode(200);
        as("cse").post("/api/v1/nps/cycles/" + past + "/recipients/" + clientId + "/sign-off").then().statusCode(409)
                .body("detail", containsString("deadline"));
        as("marketing").post("/api/v1/nps/cycles/" + past + "/recipients/build").then().statusCode(403);
        as("cse").post("/api/v1/nps/cycles/" + UUID.randomUUID() + "/recipients/build").then().statusCode(404);
    }

    /** A client of cse/cam with five contacts covering every validation case; waits until the directory has them. */
    private String clientWithContacts() {
        String clientId = TestClients.publishNew("Recipients " + UUID.randomUUID(), "cse", "cam");
        publish(clientId, "Ada Valid", "ada@client.example", true, "CIO", List.of());
        publish(clientId, "Noel Role", "noel@client.example", true, null, List.of());
        publish(clientId, "Una Subscribed", "una@client.example", false, "CFO", List.of());
        publish(clientId, "Mia Missing", null, true, "Head of IT", List.of());
        publish(clientId, "Ivan Invalid", "ivan@client", true, null, List.of("CHAMPION"));
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.ofClient(UUID.fromString(clientId), false).size() == 5);
        return clientId;
    }

    /** A client of cse/cam that became a customer on {@code since} (null: unknown) with one valid contact. */
    private String clientSince(String prefix, LocalDate since) {
        String clientId = UUID.randomUUID().toString();
        TestClients.publish(clientId, prefix + " " + clientId, "cse", "cam", 0, since);
        publish(clientId, "Val " + prefix, "val-" + clientId + "@client.example", true, "CIO", List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.ofClient(UUID.fromString(clientId), false).size() == 1);
        return clientId;
    }

    private static void publish(String clientId, String name, String email, boolean subscribed, String title, List<String> roles) {
        ContactUpserted contact = new ContactUpserted(UUID.randomUUID().toString(), clientId, name, email, title, null, roles,
                subscribed, true, 0);
        TopicProbe.send(Topics.CLIENTS, CloudEvent.create(EventCatalogue.CONTACT_UPSERTED, clientId, Json.tree(contact), null));
    }

    private static String cycle(String name, String openDate) {
        return as("avp").body("{\"name\": \"" + name + "\", \"openDate\": \"" + openDate + "\"}").post("/api/v1/nps/cycles")
                .then().statusCode(201).extract().path("id");
    }
}
