package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Segment-spec track and group calls become signals. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SegmentCallsApiTest {

    @Test
    void trackAndGroupCallsBecomeSignalsForTheAccount() {
        String account = "acct-" + UUID.randomUUID();
        String body = """
                {"name": "Segment %s", "region": "APAC", "ownerCse": "cse", "lifecycleStage": "ADOPTION",
                 "externalIds": {"segment": "%s"}}""".formatted(account, account);
        String clientId = asIntegration().body(body).post("/api/v1/clients").then().statusCode(201).extract().path("id");
        String track = "m-" + UUID.randomUUID();
        Map<String, Object> trackCall = Map.of("type", "track", "messageId", track, "groupId", account, "event", "Usage Reported",
                "timestamp", "2026-11-20T10:00:00Z",
                "properties", Map.of("active_users_pct", 70, "usage.feature_adoption_pct", 60, "plan", "gold"));
        Map<String, Object> groupCall = Map.of("type", "group", "messageId", "g-" + UUID.randomUUID(), "groupId", clientId,
                "timestamp", "2026-11-20T10:05:00Z", "traits", Map.of("csat_pct", 85, "industry", "Health"));

        asIntegration().body(Map.of("batch", List.of(trackCall, groupCall,
                        Map.of("type", "identify", "messageId", "x", "groupId", account, "timestamp", "2026-11-20T10:00:00Z"),
                        Map.of("type", "track", "messageId", "o-" + UUID.randomUUID(), "groupId", "no-such-account",
                                "timestamp", "2026-11-20T10:00:00Z", "properties", Map.of("csat_pct", 70)),
                        Map.of("type", "track", "messageId", "n-" + UUID.randomUUID(), "groupId", account,
                                "timestamp", "2026-11-20T10:00:00Z", "properties", Map.of("plan", "gold")))))
                .post("/api/v1/signals/segment").then().statusCode(200)
                .body("[0].signals.outcome", contains("ACCEPTED", "ACCEPTED")).body("[0].ignored", contains("plan"))
                .body("[0].signals.eventId", org.hamcrest.Matchers.containsInAnyOrder(track + ":usage.active_users_pct", track + ":usage.feature_adoption_pct"))
                .body("[1].signals[0].outcome", equalTo("ACCEPTED")).body("[1].signals[0].clientId", equalTo(clientId))
                .body("[2].errors[0].field", equalTo("type"))
                .body("[3].signals[0].outcome", equalTo("UNMATCHED"))
                .body("[4].errors[0].detail", org.hamcrest.Matchers.nullValue())
                .body("[4].errors[0].message", containsString("names no input"));
        asIntegration().body(Map.of("batch", List.of(trackCall))).post("/api/v1/signals/segment").then().statusCode(200)
                .body("[0].signals.outcome", contains("DUPLICATE", "DUPLICATE")).body("[0].errors", empty());

        as("cse").get("/api/v1/clients/" + clientId + "/health").then().statusCode(200)
                .body("components.find { it.component == 'SUPPORT' }.inputs.find { it.key == 'support.csat_pct' }.raw",
                        equalTo(85.0f));
        as("cse").body(Map.of("batch", List.of(trackCall))).post("/api/v1/signals/segment").then().statusCode(403);
        asIntegration().body(Map.of("batch", List.of())).post("/api/v1/signals/segment").then().statusCode(400)
                .body("errors[0].field", equalTo("batch"));
    }
}
