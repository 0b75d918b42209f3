package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.nps.domain.operations.CycleOperation;
import io.rhythm.nps.service.operations.CycleAutomation;
import io.rhythm.nps.testing.TestClock;
import io.rhythm.platform.clients.ContactDirectory;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The automatic reminder run is at most once per recipient, even when a scan died half-way: whoever takes the run
 * over reminds only those the dead scan had not reminded yet — even a day later, past the 24 h reminder interval.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ReminderRunApiTest {

    @Inject
    EntityManager em;
    @Inject
    CycleAutomation automation;
    @Inject
    TestClock clock;
    @Inject
    ContactDirectory contacts;

    @BeforeAll
    static void smtp() {
        SmtpServer.get();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRunThatDiedHalfWayIsResumedWithoutRemindingAnyoneTwice() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String clientId = TestClients.publishNew("Resume " + tag, "cse", "cam");
        List<String> names = List.of("Pam", "Quin", "Rae");
        List<UUID> ids = names.stream().map(n -> UUID.randomUUID()).toList();
        for (int i = 0; i < names.size(); i++) {
            TestClients.publishContact(clientId, ids.get(i).toString(), names.get(i), email(names.get(i), tag), true, 0);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts.ofClient(UUID.fromString(clientId), false).size() == 3);
        // Appendix A for an opening on Jun 2, 2027: first pull Jun 7, reminder Jun 8, close Jun 16
        String cycleId = as("avp").body("{\"name\": \"Resume " + tag + "\", \"openDate\": \"2027-06-02\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        UUID cycle = UUID.fromString(cycleId);
        Instant started = Instant.parse("2027-06-08T08:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            UUID client = UUID.fromString(clientId);
            Timestamp invited = Timestamp.from(Instant.parse("2027-06-02T09:00:00Z"));
            em.createNativeQuery("insert into recipient_list (cycle_id, client_id, built_at) values (?1, ?2, ?3)")
                    .setParameter(1, cycle).setParameter(2, client).setParameter(3, invited).executeUpdate();
            for (int i = 0; i < names.size(); i++) {
                em.createNativeQuery("insert into recipient (cycle_id, client_id, contact_id, name, email, included) values (?1, ?2, ?3, ?4, ?5, true)")
                        .setParameter(1, cycle).setParameter(2, client).setParameter(3, ids.get(i)).setParameter(4, names.get(i))
                        .setParameter(5, email(names.get(i), tag)).executeUpdate();
                em.createNativeQuery("""
                                insert into survey_invitation (cycle_id, contact_id, client_id, email, invited_at, invited_by, expires_at)
                                values (?1, ?2, ?3, ?4, ?5, 'test', ?6)""")
                        .setParameter(1, cycle).setParameter(2, ids.get(i)).setParameter(3, client)
                        .setParameter(4, email(names.get(i), tag)).setParameter(5, invited)
                        .setParameter(6, Timestamp.from(Instant.parse("2027-06-17T00:00:00Z"))).executeUpdate();
            }
            em.createNativeQuery("update survey_cycle set recipients_frozen_at = ?1, recipients_frozen_by = 'test' where id = ?2")
                    .setParameter(1, invited).setParameter(2, cycle).executeUpdate();
            // a scan started the run at 08:00, reminded Pam at 08:01 and died
            em.createNativeQuery("insert into cycle_reminder_run (cycle_id, started_at, claimed_at) values (?1, ?2, ?2)")
                    .setParameter(1, cycle).setParameter(2, Timestamp.from(started)).executeUpdate();
            em.createNativeQuery("update survey_invitation set reminded_at = ?1, reminders = 1 where contact_id = ?2")
                    .setParameter(1, Timestamp.from(started.plusSeconds(60))).setParameter(2, ids.get(0)).executeUpdate();
        });

        // the dead scan's claim is fresh: another scan keeps its hands off (the pull is taken, the reminders are not)
        clock.freezeAt(Instant.parse("2027-06-08T08:10:00Z"));
        assertThat(automation.runDue(cycle).operations()).containsExactly(CycleOperation.FIRST_PULL);

        // the next day (past the 24 h interval and the claim timeout) the run is taken over: Quin and Rae only
        clock.freezeAt(Instant.parse("2027-06-09T12:00:00Z"));
        assertThat(automation.runDue(cycle).operations()).containsExactly(CycleOperation.REMINDERS);
        await().atMost(Duration.ofSeconds(10)).until(() -> SmtpServer.to(email("Quin", tag)).size() == 1
                && SmtpServer.to(email("Rae", tag)).size() == 1);
        assertThat(SmtpServer.to(email("Pam", tag))).isEmpty();
        assertThat(SmtpServer.subject(SmtpServer.to(email("Rae", tag)).get(0))).startsWith("Reminder");

        Object[] run = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select reminded, finished_at is not null, claimed_at is null from cycle_reminder_run where cycle_id = ?1")
                .setParameter(1, cycle).getSingleResult());
        assertThat(((Number) run[0]).intValue()).isEqualTo(3);
        assertThat(run[1]).isEqualTo(true);
        assertThat(run[2]).isEqualTo(true);
        as("avp").get("/api/v1/nps/cycles/" + cycleId + "/milestones").then().statusCode(200)
                .body("find { it.code == 'REMINDER' }.completedBy", equalTo("system"));

        // finished: a later scan reminds nobody
        clock.freezeAt(Instant.parse("2027-06-11T12:00:00Z"));
        assertThat(automation.runDue(cycle).operations()).isEmpty();
        assertThat(SmtpServer.to(email("Quin", tag))).hasSize(1);
    }

    private static String email(String name, String tag) {
        return name.toLowerCase() + "-resume-" + tag + "@client.example";
    }
}
