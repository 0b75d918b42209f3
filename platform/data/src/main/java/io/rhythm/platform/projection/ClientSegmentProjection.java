package io.rhythm.platform.projection;

import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.payload.SegmentMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * Each client's current segment, projected from segmentation-service's {@code SegmentMigrated} events
 * ({@code segments.migrations.v1}) into the calling service's own table
 * {@code client_segment (client_id uuid primary key, segment text, sap_required boolean, updated_at timestamptz)}.
 * The topic is keyed by client, so one client's events arrive in order; an older event (by {@code ce_time})
 * that comes again under another id never overwrites a newer segment. Call it from an idempotent consumer.
 */
@ApplicationScoped
public class ClientSegmentProjection {

    private static final String UPSERT = """
            insert into client_segment (client_id, segment, sap_required, updated_at) values (?, ?, ?, ?)
            on conflict (client_id) do update set segment = excluded.segment,
                sap_required = excluded.sap_required, updated_at = excluded.updated_at
            where client_segment.updated_at <= excluded.updated_at""";

    @Inject
    AgroalDataSource dataSource;

    /** Applies one event in the caller's transaction; events of other types change nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (!event.type().equals(EventCatalogue.SEGMENT_MIGRATED.type())) {
            return;
        }
        SegmentMigrated migrated = Json.read(event.data(), SegmentMigrated.class);
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, UUID.fromString(migrated.clientId()));
            upsert.setString(2, migrated.toSegment());
            upsert.setBoolean(3, migrated.sapRequired());
            upsert.setTimestamp(4, Timestamp.from(event.time()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot project the segment of client " + migrated.clientId(), e);
        }
    }
}
