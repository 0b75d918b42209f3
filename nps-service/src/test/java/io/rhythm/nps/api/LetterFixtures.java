package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.platform.clients.ClientDirectory;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;

/** Cycles, invitations and answers (with comment themes) written straight into the nps database for letter tests. */
final class LetterFixtures {

    private LetterFixtures() {
    }

    static String known(ClientDirectory directory, String clientId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(clientId)).isPresent());
        return clientId;
    }

    static String cycle(String prefix, String openDate) {
        return as("avp").body("{\"name\": \"" + prefix + " " + UUID.randomUUID() + "\", \"openDate\": \"" + openDate + "\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
    }

    /** {@code invited} recipients invited; the first {@code scores.length} answered, answer i tagged with {@code themes[i]}. */
    static void answers(EntityManager em, String cycleId, String clientId, int invited, int[] scores, String[] themes) {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID cycle = UUID.fromString(cycleId);
            UUID client = UUID.fromString(clientId);
            Timestamp now = Timestamp.from(Instant.now());
            em.createNativeQuery("insert into recipient_list (cycle_id, client_id, built_at) values (?1, ?2, ?3)")
                    .setParameter(1, cycle).setParameter(2, client).setParameter(3, now).executeUpdate();
            for (int i = 0; i < invited; i++) {
                UUID contact = UUID.randomUUID();
                em.createNativeQuery("insert into recipient (cycle_id, client_id, contact_id, name, email, included) values (?1, ?2, ?3, ?4, ?5, true)")
                        .setParameter(1, cycle).setParameter(2, client).setParameter(3, contact).setParameter(4, "R" + i)
                        .setParameter(5, "r" + i + "@client.example").executeUpdate();
                em.createNativeQuery("""
                                insert into survey_invitation (cycle_id, contact_id, client_id, email, invited_at, invited_by, expires_at)
                                values (?1, ?2, ?3, ?4, ?5, 'test', ?5)""")
                        .setParameter(1, cycle).setParameter(2, contact).setParameter(3, client)
                        .setParameter(4, "r" + i + "@client.example").setParameter(5, now).executeUpdate();
                if (i < scores.length) {
                    int score = scores[i];
                    String tags = themes == null || i >= themes.length || themes[i] == null ? "{}" : "{" + themes[i] + "}";
                    em.createNativeQuery("""
                                    insert into survey_response (id, cycle_id, client_id, contact_id, score, category, themes,
                                        sentiment_score, sentiment_label, responded_at)
                                    values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as text[]), 0, 'NEUTRAL', ?8)""")
                            .setParameter(1, UUID.randomUUID()).setParameter(2, cycle).setParameter(3, client).setParameter(4, contact)
                            .setParameter(5, (short) score).setParameter(6, score <= 6 ? "DETRACTOR" : score <= 8 ? "PASSIVE" : "PROMOTER")
                            .setParameter(7, tags).setParameter(8, now).executeUpdate();
                }
            }
        });
    }
}
