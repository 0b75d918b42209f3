package io.rhythm.nps.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.nps.service.Milestones;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MilestoneApiTest {

    @Inject
    Milestones milestones;

    @Test
    void theQ4TwentyTwentySixCycleCarriesTheSeedsOwnDates() {
        String id = cycle("NPS Q4 2026 " + UUID.randomUUID(), "2026-10-07");
        as("cse").get("/api/v1/nps/cycles/" + id + "/milestones").then().statusCode(200)
                .body("find { it.code == 'RECIPIENT_LIST_DEADLINE' }.dueDate", equalTo("2026-09-30"))
                .body("find { it.code == 'SURVEY_OPEN' }.dueDate", equalTo("2026-10-07"))
                .body("find { it.code == 'FIRST_NON_RESPONDER_PULL' }.dueDate", equalTo("2026-10-13"))
                .body("find { it.code == 'REMINDER' }.dueDate", equalTo("2026-10-14"))
                .body("find { it.code == 'FINAL_NON_RESPONDER_PULL' }.dueDate", equalTo("2026-10-20"))
                .body("find { it.code == 'SURVEY_CLOSE' }.dueDate", equalTo("2026-10-21"))
                .body("find { it.code == 'EVP_APPROVAL' }.dueDate", equalTo("2026-11-19"))
                .body("find { it.code == 'EVP_APPROVAL' }.ownerRoles", hasItems("evp"))
                .body("find { it.code == 'SURVEY_OPEN' }.status", equalTo("OPEN"));
    }

    @Test
    void ownersCompleteTheirMilestonesOnce() {
        String id = cycle("Completion " + UUID.randomUUID(), "2027-01-13");
        as("cse").post("/api/v1/nps/cycles/" + id + "/milestones/FIRST_NON_RESPONDER_PULL/complete").then().statusCode(200)
                .body("status", equalTo("DONE")).body("completedBy", equalTo("cse")).body("overdue", equalTo(false));
        as("cam").post("/api/v1/nps/cycles/" + id + "/milestones/FIRST_NON_RESPONDER_PULL/complete").then().statusCode(409);
        as("cse").post("/api/v1/nps/cycles/" + id + "/milestones/EVP_APPROVAL/complete").then().statusCode(403)
                .contentType("application/problem+json");
        as("evp").post("/api/v1/nps/cycles/" + id + "/milestones/EVP_APPROVAL/complete").then().statusCode(200);
        as("evp").post("/api/v1/nps/cycles/" + id + "/milestones/NO_SUCH_THING/complete").then().statusCode(404);
        as("evp").get("/api/v1/nps/cycles/" + UUID.randomUUID() + "/milestones").then().statusCode(404);
    }

    @Test
    void dueMilestonesAreAnnouncedOnceAndOverdueOnesSaySo() {
        String id = cycle("Announced " + UUID.randomUUID(), "2027-02-03"); // Appendix A: day 5 pull on Feb 8
        try (TopicProbe cycles = TopicProbe.watch(Topics.NPS_CYCLES)) {
            QuarkusTransaction.requiringNew().call(() -> milestones.announceDue(LocalDate.of(2027, 2, 8)));
            List<ConsumerRecord<String, String>> records = cycles.recordsAfter(Duration.ofSeconds(3)).stream()
                    .filter(r -> id.equals(r.key()) && r.value().contains("\"milestone\"")).toList();
            List<CloudEvent> due = records.stream().map(TopicProbe::validated).toList();
            assertThat(due).extracting(e -> e.data().get("milestone").asText())
                    .containsExactlyInAnyOrder("RECIPIENT_LIST_DEADLINE", "SURVEY_OPEN", "FIRST_NON_RESPONDER_PULL");
            assertThat(due).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventCatalogue.CYCLE_MILESTONE_DUE.type()));
            assertThat(due).filteredOn(e -> e.data().get("milestone").asText().equals("FIRST_NON_RESPONDER_PULL"))
                    .singleElement().satisfies(e -> assertThat(e.data().get("overdue").asBoolean()).isFalse());
            assertThat(due).filteredOn(e -> e.data().get("milestone").asText().equals("SURVEY_OPEN"))
                    .singleElement().satisfies(e -> assertThat(e.data().get("overdue").asBoolean()).isTrue());

            QuarkusTransaction.requiringNew().call(() -> milestones.announceDue(LocalDate.of(2027, 2, 8)));
            long again = cycles.recordsAfter(Duration.ofSeconds(2)).stream()
                    .filter(r -> id.equals(r.key()) && r.value().contains("\"milestone\"")).count();
            assertThat(again).isEqualTo(3);
        }
    }

    private static String cycle(String name, String openDate) {
        return as("avp").body("{\"name\": \"" + name + "\", \"openDate\": \"" + openDate + "\"}").post("/api/v1/nps/cycles")
                .then().statusCode(201).extract().path("id");
    }
}
