package io.rhythm.health.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.events.payload.SegmentMigrated;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static io.rhythm.platform.testing.Api.asIntegration;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** segments.migrations.v1 → the portfolio's segment filter. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PortfolioSegmentApiTest {

    @Test
    void thePortfolioFiltersByTheClientsCurrentSegment() {
        String clientId = asIntegration().body(ClientApiTestSupport.client("Segmented " + UUID.randomUUID()))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        asIntegration().body(Map.of("signals", List.of(Map.of("eventId", "seg-" + UUID.randomUUID(), "clientId", clientId,
                "metric", "usage.active_users_pct", "value", 60, "occurredAt", "2026-11-20T00:00:00Z"))))
                .post("/api/v1/signals").then().statusCode(200);
        migrate(clientId, null, "LEVERAGE");
        migrate(clientId, "LEVERAGE", "SLEEPING_GIANTS");

        await().atMost(Duration.ofSeconds(30)).until(() -> as("avp").get("/api/v1/health/portfolio?segment=SLEEPING_GIANTS&limit=200")
                .then().extract().<List<String>>path("items.clientId").contains(clientId));
        as("cse").get("/api/v1/health/portfolio?segment=Sleeping Giant&limit=200").then().statusCode(200)
                .body("items.find { it.clientId == '" + clientId + "' }.segment", equalTo("SLEEPING_GIANTS"));
        as("avp").get("/api/v1/health/portfolio?segment=LEVERAGE&limit=200").then().statusCode(200)
                .body("items.clientId", not(hasItem(clientId)));
        as("cse2").get("/api/v1/health/portfolio?segment=SLEEPING_GIANTS&limit=200").then().statusCode(200)
                .body("items.clientId", not(hasItem(clientId)));
        as("avp").get("/api/v1/health/portfolio?segment=DORMANT").then().statusCode(400)
                .body("errors[0].field", equalTo("segment"));

        // an older migration arriving late (another event id, an earlier ce_time) does not overwrite the newer one
        CloudEvent stale = new CloudEvent(UUID.randomUUID().toString(), "/rhythm/segmentation-service",
                EventCatalogue.SEGMENT_MIGRATED.type(), Instant.now().minus(Duration.ofDays(1)), clientId, null,
                Json.tree(new SegmentMigrated(clientId, null, "LEVERAGE", "test", false, "avp")));
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, stale);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(stale.id()));
        as("avp").get("/api/v1/health/portfolio?segment=SLEEPING_GIANTS&limit=200").then().statusCode(200)
                .body("items.clientId", hasItem(clientId));
    }

    @Inject
    AgroalDataSource db;

    private boolean processed(String eventId) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("select 1 from rhythm_processed_event where event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void migrate(String clientId, String from, String to) {
        TopicProbe.send(Topics.SEGMENT_MIGRATIONS, CloudEvent.create(EventCatalogue.SEGMENT_MIGRATED, clientId,
                Json.tree(new SegmentMigrated(clientId, from, to, "test", !to.equals("LEVERAGE"), "avp")), null));
    }
}
