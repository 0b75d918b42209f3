package io.rhythm.segmentation.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Topics;
import io.rhythm.platform.testing.RealInfrastructureResource;
import io.rhythm.platform.testing.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A re-segmentation batch writes a client that has inputs but no state row yet (its row COPYed straight in) with its
 * migration record, {@code SegmentMigrated} and, entering Maintain, {@code SatisfactionActionPlanRequired}, all in the
 * batch's transaction; clients the same thresholds leave where they are get no migration.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ResegmentationBatchTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aClientWithoutAStateRowGetsItsFirstSegmentWithItsRecordAndEvents() throws SQLException {
        UUID client = UUID.randomUUID();
        // health 50 (LOW satisfaction) and 100,000 AUD (LOW spend): MAINTAIN under the seed's thresholds; written
        // straight into the inputs, so no live assessment creates the client's state row first
        update("insert into client_health (client_id, score, scored_at) values (?, 50.00, now())", client);
        update("insert into client_revenue (client_id, version, amount, currency, recorded_at) values (?, 1, 100000.00, 'AUD', now())",
                client);
        assertThat(count("select count(*) from client_segment_state where client_id = ?", client)).isZero();

        // the active model again, as a new version: the same thresholds, so only the new client moves
        Map<String, Object> active = as("avp").get("/api/v1/segments/models").jsonPath()
                .getMap("find { it.status == 'ACTIVE' }.model");
        int version = as("avp").body(active).post("/api/v1/segments/models").then().statusCode(201)
                .extract().jsonPath().getInt("version");
        try (TopicProbe topic = TopicProbe.watch(Topics.SEGMENT_MIGRATIONS)) {
            String job = as("avp").post("/api/v1/segments/models/" + version + "/activate").then().statusCode(202)
                    .extract().jsonPath().getString("id");
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    "DONE".equals(as("avp").get("/api/v1/segments/jobs/" + job).jsonPath().getString("status")));

            CloudEvent migrated = topic.awaitEvent(EventCatalogue.SEGMENT_MIGRATED.type(), client.toString(), Duration.ofSeconds(30));
            assertThat(migrated.data().get("toSegment").asText()).isEqualTo("MAINTAIN");
            assertThat(migrated.data().get("fromSegment").isNull()).isTrue();
            assertThat(migrated.data().get("cause").asText()).isEqualTo("MODEL_ACTIVATION");
            assertThat(migrated.data().get("modelVersion").asInt()).isEqualTo(version);
            CloudEvent sap = topic.awaitEvent(EventCatalogue.SATISFACTION_ACTION_PLAN_REQUIRED.type(), client.toString(),
                    Duration.ofSeconds(30));
            assertThat(sap.data().get("segment").asText()).isEqualTo("MAINTAIN");
            assertThat(as("avp").get("/api/v1/segments/jobs/" + job).jsonPath().getInt("changed")).isPositive();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select s.segment, s.computed_segment, s.model_version, s.segment_since, a.segment, a.from_segment, a.cause,
                       a.cause_event_id, a.model_version, a.revenue_amount, a.effective_at
                from client_segment_state s join segment_assignment a on a.client_id = s.client_id where s.client_id = ?""")) {
            ps.setObject(1, client);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("MAINTAIN");
                assertThat(rs.getString(2)).isEqualTo("MAINTAIN");
                assertThat(rs.getInt(3)).isEqualTo(version);
                assertThat(rs.getString(5)).isEqualTo("MAINTAIN");
                assertThat(rs.getString(6)).isNull();
                assertThat(rs.getString(7)).isEqualTo("MODEL_ACTIVATION");
                assertThat(rs.getString(8)).isEqualTo("model-" + version);
                assertThat(rs.getInt(9)).isEqualTo(version);
                assertThat(rs.getBigDecimal(10)).isEqualByComparingTo("100000.00");
                assertThat(rs.getObject(11, OffsetDateTime.class)).isEqualTo(rs.getObject(4, OffsetDateTime.class));
                assertThat(rs.next()).as("one migration record").isFalse();
            }
        }
    }

    private void update(String sql, UUID client) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, client);
            ps.executeUpdate();
        }
    }

    private long count(String sql, UUID client) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, client);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
