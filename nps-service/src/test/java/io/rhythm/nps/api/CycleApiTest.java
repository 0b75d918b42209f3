package io.rhythm.nps.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CycleApiTest {

    @Test
    void creatingACyclePublishesCycleCreatedAndClosesOnDayFourteenByDefault() {
        String name = "NPS Q4 2026 " + UUID.randomUUID();
        try (TopicProbe cycles = TopicProbe.watch(Topics.NPS_CYCLES)) {
            String id = as("avp").body("{\"name\": \"" + name + "\", \"openDate\": \"2026-10-07\"}")
                    .post("/api/v1/nps/cycles").then().statusCode(201)
                    .body("closeDate", equalTo("2026-10-21")).extract().path("id");
            CloudEvent event = cycles.awaitEvent(EventCatalogue.CYCLE_CREATED.type(), id, Duration.ofSeconds(30));
            assertThat(event.data().get("name").asText()).isEqualTo(name);
            assertThat(event.data().get("closeDate").asText()).isEqualTo("2026-10-21");
            as("cse").get("/api/v1/nps/cycles/" + id).then().statusCode(200).body("name", equalTo(name));
        }
        as("evp").body("{\"name\": \"" + name + "\", \"openDate\": \"2026-10-07\"}").post("/api/v1/nps/cycles")
                .then().statusCode(409);
    }

    @Test
    void badDatesAreA400NamingTheField() {
        as("avp").body("{\"name\": \"Backwards " + UUID.randomUUID() + "\", \"openDate\": \"2026-10-07\", \"closeDate\": \"2026-10-01\"}")
                .post("/api/v1/nps/cycles").then().statusCode(400).body("errors[0].field", equalTo("closeDate"));
        as("avp").body("{\"name\": \"No date\"}").post("/api/v1/nps/cycles").then().statusCode(400)
                .body("errors.field", hasItem("openDate"));
        as("avp").body("{\"name\": \"Bad date\", \"openDate\": \"7 Oct\"}").post("/api/v1/nps/cycles").then().statusCode(400)
                .body("errors[0].field", equalTo("openDate"));
    }

    @Test
    void onlyLeadersCreateCyclesEveryoneInCsReadsThem() {
        String body = "{\"name\": \"Roles " + UUID.randomUUID() + "\", \"openDate\": \"2026-04-08\"}";
        anonymous().body(body).post("/api/v1/nps/cycles").then().statusCode(401);
        as("cse").body(body).post("/api/v1/nps/cycles").then().statusCode(403);
        as("marketing").body(body).post("/api/v1/nps/cycles").then().statusCode(403);
        as("vp").body(body).post("/api/v1/nps/cycles").then().statusCode(201);
        as("cam").get("/api/v1/nps/cycles?limit=5").then().statusCode(200);
    }
}
