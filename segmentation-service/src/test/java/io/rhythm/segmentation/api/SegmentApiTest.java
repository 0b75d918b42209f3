package io.rhythm.segmentation.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TestClients;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SegmentApiTest {

    @Inject
    ClientDirectory directory;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void assigningPublishesSegmentMigratedWithTheSapRuleAndTheMigrationHistory() {
        String clientId = knownClient("cse", "cam");
        as("avp").get("/api/v1/segments/clients/" + clientId).then().statusCode(200).body("current", nullValue());

        try (TopicProbe migrations = TopicProbe.watch(Topics.SEGMENT_MIGRATIONS)) {
            as("avp").body(assignment(clientId, "Sleeping Giant", "Large spend, low satisfaction"))
                    .post("/api/v1/segments/assignments").then().statusCode(201)
                    .body("segment", equalTo("SLEEPING_GIANTS")).body("segmentName", equalTo("Sleeping Giants"))
                    .body("sapRequired", equalTo(true)).body("fromSegment", nullValue());
            CloudEvent first = migrations.awaitEvent(EventCatalogue.SEGMENT_MIGRATED.type(), clientId, Duration.ofSeconds(30));
            assertThat(first.data().get("sapRequired").asBoolean()).isTrue();
            assertThat(first.data().get("assignedBy").asText()).isEqualTo("avp");

            as("vp").body(assignment(clientId, "GIANTS", "Satisfaction recovered after the SAP"))
                    .post("/api/v1/segments/assignments").then().statusCode(201).body("fromSegment", equalTo("SLEEPING_GIANTS"));
            CloudEvent second = TopicProbe.validated(migrations.awaitRecord(r -> clientId.equals(r.key())
                    && r.value().contains("\"toSegment\":\"GIANTS\""), Duration.ofSeconds(30)));
            assertThat(second.data().get("fromSegment").asText()).isEqualTo("SLEEPING_GIANTS");
            assertThat(second.data().get("sapRequired").asBoolean()).isFalse();
        }
        as("cse").get("/api/v1/segments/clients/" + clientId).then().statusCode(200)
                .body("current.segment", equalTo("GIANTS"))
                .body("history.segment", org.hamcrest.Matchers.contains("GIANTS", "SLEEPING_GIANTS"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        String clientId = knownClient("cse", "cam");
        as("avp").body(assignment(clientId, "Dormant", "x")).post("/api/v1/segments/assignments").then()
                .statusCode(400).body("errors[0].field", equalTo("segment"));
        as("avp").body("{\"clientId\": \"" + clientId + "\", \"segment\": \"MAINTAIN\"}").post("/api/v1/segments/assignments")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        as("avp").body(assignment("not-a-uuid", "MAINTAIN", "x")).post("/api/v1/segments/assignments").then()
                .statusCode(400).body("errors[0].field", equalTo("clientId"));
        as("avp").body(assignment(UUID.randomUUID().toString(), "MAINTAIN", "x")).post("/api/v1/segments/assignments")
                .then().statusCode(404);
        as("avp").get("/api/v1/segments/clients/" + clientId).then().body("current", nullValue());
    }

    @Test
    void onlyLeadersAssignAndCsesSeeOnlyTheirClients() {
        String clientId = knownClient("cse", "cam");
        anonymous().body(assignment(clientId, "MAINTAIN", "x")).post("/api/v1/segments/assignments").then().statusCode(401);
        as("cse").body(assignment(clientId, "MAINTAIN", "x")).post("/api/v1/segments/assignments").then().statusCode(403);
        as("cse").get("/api/v1/segments/clients/" + clientId).then().statusCode(200);
        as("cam").get("/api/v1/segments/clients/" + clientId).then().statusCode(200);
        as("cse2").get("/api/v1/segments/clients/" + clientId).then().statusCode(404);
    }

    @Test
    void theClientDirectoryKeepsTheNewestVersionWhenEventsArriveOutOfOrder() throws Exception {
        String clientId = knownClient("cse", "cam");
        TestClients.publish(clientId, "Moved to cse2", "cse2", "cam", 2);
        String staleEventId = TestClients.publish(clientId, "Stale version 1", "cse", "cam", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(staleEventId));

        DirectoryEntry entry = directory.find(UUID.fromString(clientId)).orElseThrow();
        assertThat(entry.version()).isEqualTo(2);
        assertThat(entry.ownerCse()).isEqualTo("cse2");
        as("cse2").get("/api/v1/segments/clients/" + clientId).then().statusCode(200).body("clientName", equalTo("Moved to cse2"));
        as("cse").get("/api/v1/segments/clients/" + clientId).then().statusCode(404);
    }

    private boolean processed(String eventId) throws Exception {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("select 1 from rhythm_processed_event where consumer = 'client-directory' and event_id = ?")) {
            query.setString(1, eventId);
            try (var rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Publishes a client on clients.v1 and waits until this service's directory has it. */
    private static String knownClient(String cse, String cam) {
        String clientId = TestClients.publishNew("Client " + UUID.randomUUID(), cse, cam);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                as("avp").get("/api/v1/segments/clients/" + clientId).statusCode() == 200);
        return clientId;
    }

    private static String assignment(String clientId, String segment, String reason) {
        return "{\"clientId\": \"" + clientId + "\", \"segment\": \"" + segment + "\", \"reason\": \"" + reason + "\"}";
    }
}
