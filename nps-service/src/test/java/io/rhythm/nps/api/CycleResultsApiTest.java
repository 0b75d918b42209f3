package io.rhythm.nps.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** A cycle's results: seed 000's SA Health answers (average 6.1, range 1-9) and row-level scoping. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CycleResultsApiTest {

    private static final int[] SA_HEALTH_SCORES = {1, 9, 7, 8, 6, 5, 9, 3, 8, 5};

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory directory;

    @Test
    void resultsShowNpsSpreadConfidenceAndResponseRateWithinThePortfolio() {
        String saHealth = known(TestClients.publishNew("SA Health " + UUID.randomUUID(), "cse", "cam"));
        String other = known(TestClients.publishNew("Other " + UUID.randomUUID(), "cse2", "cam"));
        String cycleId = as("avp").body("{\"name\": \"Results " + UUID.randomUUID() + "\", \"openDate\": \"2027-04-07\"}")
                .post("/api/v1/nps/cycles").then().statusCode(201).extract().path("id");
        answers(cycleId, saHealth, 20, SA_HEALTH_SCORES);
        answers(cycleId, other, 2, new int[]{10, 9});

        as("avp").get("/api/v1/nps/cycles/" + cycleId + "/results").then().statusCode(200)
                .body("overall.count", equalTo(12))
                .body("byClient", hasSize(2))
                .body("byClient.find { it.key == '" + saHealth + "' }.summary.average", equalTo(6.1f))
                .body("byClient.find { it.key == '" + saHealth + "' }.summary.min", equalTo(1))
                .body("byClient.find { it.key == '" + saHealth + "' }.summary.max", equalTo(9))
                .body("byClient.find { it.key == '" + saHealth + "' }.summary.npsRounded", equalTo(-30))
                .body("byClient.find { it.key == '" + saHealth + "' }.responseRate.percent", equalTo(50.0f))
                .body("byClient.find { it.key == '" + saHealth + "' }.responseRate.targetMet", equalTo(true))
                .body("byClient.find { it.key == '" + saHealth + "' }.caveat", containsString("95 % interval"))
                .body("byCse.key", org.hamcrest.Matchers.contains("cse", "cse2"))
                .body("responseRate.invited", equalTo(22))
                .body("weightedByRevenue", notNullValue());
        as("cse").get("/api/v1/nps/cycles/" + cycleId + "/results").then().statusCode(200)
                .body("overall.count", equalTo(10)).body("byClient", hasSize(1)).body("overall.npsRounded", equalTo(-30));
        as("cse2").get("/api/v1/nps/cycles/" + cycleId + "/results").then().statusCode(200)
                .body("overall.count", equalTo(2)).body("overall.npsRounded", equalTo(100));
        as("avp").get("/api/v1/nps/cycles/" + UUID.randomUUID() + "/results").then().statusCode(404);
    }

    private String known(String clientId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(UUID.fromString(clientId)).isPresent());
        return clientId;
    }

    /** {@code invited} recipients invited, the first {@code scores.length} of them answered with these scores. */
    private void answers(String cycleId, String clientId, int invited, int[] scores) {
        LetterFixtures.answers(em, cycleId, clientId, invited, scores, null);
    }
}
