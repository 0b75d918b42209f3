package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.nps.domain.schedule.MilestoneCode;
import io.rhythm.nps.service.operations.NonResponderPulls;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Non-responder pulls: taken once per milestone or by hand, kept as they were, read row by row within the portfolio. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class NonResponderPullApiTest {

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory directory;
    @Inject
    ContactDirectory contacts;
    @Inject
    NonResponderPulls pulls;

    @Test
    void pullsAreSnapshotsReadWithinThePortfolio() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mine = TestClients.publishNew("Pull A " + tag, "cse", "cam");
        String theirs = TestClients.publishNew("Pull B " + tag, "cse2", "cam2");
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(mine)).isPresent()
                && directory.find(UUID.fromString(theirs)).isPresent());
        String cycleId = as("avp").body("{\"name\": \"Pulls " + tag + "\", \"openDate\": \"2027-08-04\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        String pullsPath = "/api/v1/nps/cycles/" + cycleId + "/non-responder-pulls";

        // nothing to pull before the lists are frozen
        as("avp").post(pullsPath).then().statusCode(409).contentType("application/problem+json");
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cyd = UUID.randomUUID();
        UUID answered = UUID.randomUUID();
        invite(cycleId, mine, List.of(ann, bob, answered), List.of("Ann", "Bob", "Zed"), answered);
        invite(cycleId, theirs, List.of(cyd), List.of("Cyd"), null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update survey_cycle set recipients_frozen_at = now(), recipients_frozen_by = 'test' where id = cast(?1 as uuid)")
                .setParameter(1, cycleId).executeUpdate());

        // by hand: leaders only
        as("cse").post(pullsPath).then().statusCode(403);
        as("marketing").post(pullsPath).then().statusCode(403);
        anonymous().post(pullsPath).then().statusCode(401);
        as("avp").post("/api/v1/nps/cycles/" + UUID.randomUUID() + "/non-responder-pulls").then().statusCode(404);
        String manual = as("avp").header("Idempotency-Key", "pull-" + tag).post(pullsPath).then().statusCode(201)
                .header("Location", notNullValue())
                .body("kind", equalTo("MANUAL")).body("milestone", nullValue()).body("takenBy", equalTo("avp"))
                .body("invited", equalTo(4)).body("responded", equalTo(1)).body("nonResponders", equalTo(3))
                .body("clients", equalTo(2)).extract().path("id");
        as("avp").header("Idempotency-Key", "pull-" + tag).post(pullsPath).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(manual));

        // the milestone's pull is taken once, and completes the milestone as "system"
        LocalDate due = LocalDate.of(2027, 8, 9);
        assertThat(QuarkusTransaction.requiringNew().call(() -> pulls.takeScheduled(UUID.fromString(cycleId),
                MilestoneCode.FIRST_NON_RESPONDER_PULL, due))).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> pulls.takeScheduled(UUID.fromString(cycleId),
                MilestoneCode.FIRST_NON_RESPONDER_PULL, due))).isFalse();
        as("cse").get("/api/v1/nps/cycles/" + cycleId + "/milestones").then().statusCode(200)
                .body("find { it.code == 'FIRST_NON_RESPONDER_PULL' }.completedBy", equalTo("system"));

        // a snapshot: Ann answers later, the pulls still list her; the live list does not
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update survey_invitation set responded_at = now() where contact_id = ?1").setParameter(1, ann).executeUpdate());
        as("cse").get("/api/v1/nps/cycles/" + cycleId + "/recipients/non-responders").then().statusCode(200)
                .body("name", contains("Bob"));

        // the list: newest first, leaders see everything, a CSE the counts of their own rows
        as("avp").get(pullsPath).then().statusCode(200).body("items", hasSize(2))
                .body("items.kind", contains("SCHEDULED", "MANUAL")).body("items[0].milestone", equalTo("FIRST_NON_RESPONDER_PULL"))
                .body("items[0].dueDate", equalTo("2027-08-09")).body("items[0].takenBy", equalTo("system"));
        as("cse").get(pullsPath).then().statusCode(200).body("items.nonResponders", contains(2, 2))
                .body("items[0].invited", nullValue());
        as("cse2").get(pullsPath + "/" + manual).then().statusCode(200).body("nonResponders", equalTo(1))
                .body("clients", equalTo(1));
        String page1 = as("avp").get(pullsPath + "?limit=1").then().statusCode(200).body("items", hasSize(1))
                .extract().path("nextCursor");
        as("avp").get(pullsPath + "?limit=1&cursor=" + page1).then().statusCode(200)
                .body("items[0].id", equalTo(manual)).body("nextCursor", nullValue());

        // rows: by client then contact, paged, per client, within the portfolio
        String rows = pullsPath + "/" + manual + "/rows";
        as("avp").get(rows).then().statusCode(200).body("items.name", contains("Ann", "Bob", "Cyd"))
                .body("items[0].clientName", equalTo("Pull A " + tag)).body("items[0].ownerCse", equalTo("cse"))
                .body("items[0].email", equalTo("ann@client.example")).body("items[0].invitedAt", notNullValue())
                .body("items[0].subscribed", equalTo(false)); // not in the contact directory: never e-mailed
        String next = as("avp").get(rows + "?limit=2").then().statusCode(200).body("items.name", contains("Ann", "Bob"))
                .extract().path("nextCursor");
        as("avp").get(rows + "?limit=2&cursor=" + next).then().statusCode(200).body("items.name", contains("Cyd"))
                .body("nextCursor", nullValue());
        as("avp").get(rows + "?clientId=" + theirs).then().statusCode(200).body("items.name", contains("Cyd"));
        as("cse").get(rows).then().statusCode(200).body("items.name", contains("Ann", "Bob"));
        as("cse2").get(rows).then().statusCode(200).body("items.name", contains("Cyd"));
        as("cam").get(rows).then().statusCode(200).body("items.name", contains("Ann", "Bob"));
        as("cse").get(rows + "?clientId=" + theirs).then().statusCode(404);
        as("marketing").get(rows).then().statusCode(200).body("items", hasSize(3));
        asIntegrationDenied(rows);

        // bad paging and unknown ids
        as("avp").get(rows + "?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as("avp").get(rows + "?cursor=garbage").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        as("avp").get(pullsPath + "/" + UUID.randomUUID()).then().statusCode(404);
        as("avp").get(pullsPath + "/" + UUID.randomUUID() + "/rows").then().statusCode(404);
        as("avp").get("/api/v1/nps/cycles/" + UUID.randomUUID() + "/non-responder-pulls").then().statusCode(404);
    }

    private static void asIntegrationDenied(String path) {
        io.rhythm.platform.testing.Api.asIntegration().get(path).then().statusCode(403);
    }

    private void invite(String cycleId, String clientId, List<UUID> contactIds, List<String> names, UUID respondent) {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID cycle = UUID.fromString(cycleId);
            UUID client = UUID.fromString(clientId);
            Timestamp now = Timestamp.from(Instant.now());
            em.createNativeQuery("insert into recipient_list (cycle_id, client_id, built_at) values (?1, ?2, ?3)")
                    .setParameter(1, cycle).setParameter(2, client).setParameter(3, now).executeUpdate();
            for (int i = 0; i < contactIds.size(); i++) {
                UUID contact = contactIds.get(i);
                String email = names.get(i).toLowerCase() + "@client.example";
                em.createNativeQuery("insert into recipient (cycle_id, client_id, contact_id, name, email, included) values (?1, ?2, ?3, ?4, ?5, true)")
                        .setParameter(1, cycle).setParameter(2, client).setParameter(3, contact).setParameter(4, names.get(i))
                        .setParameter(5, email).executeUpdate();
                em.createNativeQuery("""
                                insert into survey_invitation (cycle_id, contact_id, client_id, email, invited_at, invited_by, expires_at, responded_at)
                                values (?1, ?2, ?3, ?4, ?5, 'test', ?5, ?6)""")
                        .setParameter(1, cycle).setParameter(2, contact).setParameter(3, client).setParameter(4, email)
                        .setParameter(5, now).setParameter(6, contact.equals(respondent) ? now : null).executeUpdate();
            }
        });
    }
}
