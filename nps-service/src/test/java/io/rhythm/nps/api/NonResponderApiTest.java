package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Non-responders now: invited, not answered, within the portfolio; unsubscribed ones marked. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class NonResponderApiTest {

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory directory;
    @Inject
    ContactDirectory contacts;

    @Test
    void invitedContactsWithoutAnAnswerAreListedForTheirOwners() {
        String clientId = TestClients.publishNew("Follow-up " + UUID.randomUUID(), "cse", "cam");
        UUID answered = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        UUID unsubscribed = UUID.randomUUID();
        TestClients.publishContact(clientId, unsubscribed.toString(), "Una", "una@client.example", false, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(clientId)).isPresent()
                && !contacts.ofClient(UUID.fromString(clientId), true).isEmpty());
        String cycleId = as("avp").body("{\"name\": \"Follow-up " + UUID.randomUUID() + "\", \"openDate\": \"2027-05-05\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            UUID cycle = UUID.fromString(cycleId);
            UUID client = UUID.fromString(clientId);
            Timestamp now = Timestamp.from(Instant.now());
            em.createNativeQuery("insert into recipient_list (cycle_id, client_id, built_at) values (?1, ?2, ?3)")
                    .setParameter(1, cycle).setParameter(2, client).setParameter(3, now).executeUpdate();
            for (UUID contact : new UUID[]{answered, silent, unsubscribed}) {
                String name = contact.equals(answered) ? "Ada" : contact.equals(silent) ? "Sam" : "Una";
                em.createNativeQuery("insert into recipient (cycle_id, client_id, contact_id, name, email, included) values (?1, ?2, ?3, ?4, ?5, true)")
                        .setParameter(1, cycle).setParameter(2, client).setParameter(3, contact).setParameter(4, name)
                        .setParameter(5, name.toLowerCase() + "@client.example").executeUpdate();
                em.createNativeQuery("""
                                insert into survey_invitation (cycle_id, contact_id, client_id, email, invited_at, invited_by, expires_at, responded_at)
                                values (?1, ?2, ?3, ?4, ?5, 'test', ?5, ?6)""")
                        .setParameter(1, cycle).setParameter(2, contact).setParameter(3, client)
                        .setParameter(4, name.toLowerCase() + "@client.example").setParameter(5, now)
                        .setParameter(6, contact.equals(answered) ? now : null).executeUpdate();
            }
        });

        as("cse").get("/api/v1/nps/cycles/" + cycleId + "/recipients/non-responders").then().statusCode(200)
                .body("name", containsInAnyOrder("Sam", "Una"))
                .body("find { it.name == 'Una' }.subscribed", equalTo(false))
                .body("find { it.name == 'Sam' }.subscribed", equalTo(true));
        as("avp").get("/api/v1/nps/cycles/" + cycleId + "/recipients/non-responders?clientId=" + clientId).then().statusCode(200)
                .body("$", hasSize(2));
        as("cse2").get("/api/v1/nps/cycles/" + cycleId + "/recipients/non-responders").then().statusCode(200).body("$", empty());
        as("cse2").get("/api/v1/nps/cycles/" + cycleId + "/recipients/non-responders?clientId=" + clientId).then().statusCode(404);
        as("avp").get("/api/v1/nps/cycles/" + UUID.randomUUID() + "/recipients/non-responders").then().statusCode(404);
    }
}
