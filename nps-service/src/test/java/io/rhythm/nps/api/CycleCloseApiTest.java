package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Closing a cycle by hand: leaders only, once; what a closed cycle refuses; its frozen results. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CycleCloseApiTest {

    @Inject
    EntityManager em;

    @Test
    void onlyLeadersCloseACycleAndOnlyOnce() {
        String id = cycle("Close " + UUID.randomUUID(), "2027-03-03");
        String path = "/api/v1/nps/cycles/" + id;
        for (String user : List.of("cse", "cam", "marketing")) {
            as(user).post(path + "/close").then().statusCode(403).contentType("application/problem+json");
        }
        asIntegration().post(path + "/close").then().statusCode(403);
        anonymous().post(path + "/close").then().statusCode(401);
        as("avp").post("/api/v1/nps/cycles/" + UUID.randomUUID() + "/close").then().statusCode(404)
                .contentType("application/problem+json");
        as("avp").get(path).then().statusCode(200).body("status", equalTo("OPEN")).body("closedAt", nullValue());
        as("avp").get(path + "/closed-results").then().statusCode(409).body("detail", containsString("still open"));

        try (TopicProbe cycles = TopicProbe.watch(Topics.NPS_CYCLES)) {
            as("vp").post(path + "/close").then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("closedBy", equalTo("vp")).body("closedAt", notNullValue())
                    .body("results.responses", equalTo(0)).body("results.invited", equalTo(0))
                    .body("results.nps", nullValue()).body("results.average", nullValue())
                    .body("results.responseRate.targetMet", equalTo(false));
            CloudEvent closed = cycles.awaitEvent(EventCatalogue.CYCLE_CLOSED.type(), id, Duration.ofSeconds(20));
            assertThat(closed.data().get("closedBy").asText()).isEqualTo("vp");
            assertThat(closed.data().get("results").get("nps").isNull()).isTrue();
            assertThat(closed.data().get("results").get("topThemes")).isEmpty();
        }
        as("evp").post(path + "/close").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("closed already, by vp"));
        as("cse").get(path).then().statusCode(200).body("status", equalTo("CLOSED")).body("closedBy", equalTo("vp"));
        as("marketing").get(path + "/closed-results").then().statusCode(200).body("results.responses", equalTo(0));
        as("cse").get(path + "/closed-results").then().statusCode(403);
        as("cse").get(path + "/milestones").then().statusCode(200)
                .body("find { it.code == 'SURVEY_CLOSE' }.completedBy", equalTo("vp"));
    }

    @Test
    void aClosedCycleTakesNoMoreAnswersImportsInvitationsOrReminders() {
        String id = cycle("Closed " + UUID.randomUUID(), "2027-04-07");
        String path = "/api/v1/nps/cycles/" + id;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update survey_cycle set recipients_frozen_at = now(), recipients_frozen_by = 'test' where id = cast(?1 as uuid)")
                .setParameter(1, id).executeUpdate());
        as("admin").post(path + "/close").then().statusCode(200);

        as("avp").post(path + "/invitations/send").then().statusCode(409).body("detail", containsString("closed"));
        as("avp").post(path + "/invitations/remind").then().statusCode(409).body("detail", containsString("closed"));
        Map<String, Object> row = Map.of("hs_survey_type", "NPS", "hs_value", "9", "hs_submission_timestamp",
                "2027-04-10T10:00:00Z", "email", "nobody@client.example");
        asIntegration().body(Map.of("rows", List.of(row))).post(path + "/responses/import/hubspot").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("frozen"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from unmatched_response where cycle_id = cast(?1 as uuid)").setParameter(1, id)
                .getSingleResult()).intValue())).isZero();
    }

    private static String cycle(String name, String openDate) {
        return as("avp").body("{\"name\": \"" + name + "\", \"openDate\": \"" + openDate + "\"}").post("/api/v1/nps/cycles")
                .then().statusCode(201).extract().path("id");
    }
}
