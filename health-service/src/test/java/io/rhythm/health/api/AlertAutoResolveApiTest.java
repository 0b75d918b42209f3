package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.rhythm.health.api.AlertTesting.newClient;
import static io.rhythm.health.api.AlertTesting.send;
import static io.rhythm.health.api.AlertTesting.signal;
import static io.rhythm.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

/** An alert nobody has taken up resolves itself when its condition clears; one a person acknowledged stays theirs. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AlertAutoResolveApiTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void anUntouchedAlertResolvesItselfWhenItsConditionClears() {
        String clientId = newClient("cse");
        send(signal(clientId, "support.open_urgent_tickets", 1, T0));
        as("cse").get("/api/v1/clients/" + clientId + "/alerts").then().statusCode(200)
                .body("items.find { it.type == 'URGENT_TICKET' }.status", equalTo("OPEN"));

        send(signal(clientId, "support.open_urgent_tickets", 0, T0.plusSeconds(3600)));
        as("cse").get("/api/v1/clients/" + clientId + "/alerts").then().statusCode(200)
                .body("items.find { it.type == 'URGENT_TICKET' }.status", equalTo("RESOLVED"));
    }

    @Test
    void anAcknowledgedAlertStaysWithThePersonWhoTookItUp() {
        String clientId = newClient("cse");
        send(signal(clientId, "support.open_urgent_tickets", 1, T0));
        var alert = as("cse").get("/api/v1/clients/" + clientId + "/alerts").then().statusCode(200).extract();
        String alertId = alert.path("items.find { it.type == 'URGENT_TICKET' }.id");
        String etag = as("cse").get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().header("ETag");
        as("cse").header("If-Match", etag).body("{\"to\": \"ACKNOWLEDGED\", \"note\": \"calling them\"}")
                .post("/api/v1/alerts/" + alertId + "/transitions").then().statusCode(200);

        send(signal(clientId, "support.open_urgent_tickets", 0, T0.plusSeconds(3600)));
        as("cse").get("/api/v1/alerts/" + alertId).then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
    }
}
