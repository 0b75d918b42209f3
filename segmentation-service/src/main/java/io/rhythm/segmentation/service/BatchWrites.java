package io.rhythm.segmentation.service;

import io.rhythm.platform.events.EventType;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.segmentation.domain.AxisBand;
import io.rhythm.segmentation.domain.ClientSegmentState;
import io.rhythm.segmentation.domain.Segment;
import io.rhythm.segmentation.domain.SegmentAssignment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The writes of one re-segmentation batch, collected while {@link SegmentEngine#apply} places its clients and then
 * written set-based on the batch's connection: the state rows as one batched upsert, the migration records as one
 * batched insert, the events through {@link OutboxWriter#publishAll} (one batched insert per event type, in the order
 * the types first occurred, so a client's {@code SegmentMigrated} precedes its action-plan event).
 */
final class BatchWrites implements SegmentEngine.Writes {

    private static final String STATE_COLUMNS = """
            client_id, segment, segment_since, computed_segment, computed_reason, satisfaction, satisfaction_band,
            spend_band, model_version, pending_segment, pending_count, pending_since, override_segment, override_reason,
            override_from, override_expires, override_by, updated_at""";

    /** What {@link SegmentEngine#apply} changes; an override set meanwhile by someone else is left as it is. */
    private static final String UPSERT_STATE = "insert into client_segment_state (" + STATE_COLUMNS + """
            ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (client_id) do update set segment = excluded.segment, segment_since = excluded.segment_since,
              computed_segment = excluded.computed_segment, computed_reason = excluded.computed_reason,
              satisfaction = excluded.satisfaction, satisfaction_band = excluded.satisfaction_band,
              spend_band = excluded.spend_band, model_version = excluded.model_version,
              pending_segment = excluded.pending_segment, pending_count = excluded.pending_count,
              pending_since = excluded.pending_since, updated_at = excluded.updated_at""";

    private static final String INSERT_MIGRATION = """
            insert into segment_assignment (id, client_id, segment, from_segment, reason, assigned_by, assigned_at, cause,
              cause_event_id, model_version, effective_at, revenue_amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Map<UUID, ClientSegmentState> states = new LinkedHashMap<>();
    private final List<SegmentAssignment> migrations = new ArrayList<>();
    private final Map<EventType, List<OutboxWriter.Pending>> events = new LinkedHashMap<>();

    /** The state rows of {@code clients} that exist, in one query (detached: written back by {@link #flush}). */
    static Map<UUID, ClientSegmentState> states(Connection connection, List<UUID> clients) throws SQLException {
        Map<UUID, ClientSegmentState> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + STATE_COLUMNS + " from client_segment_state where client_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", clients.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ClientSegmentState s = new ClientSegmentState();
                    s.clientId = rs.getObject(1, UUID.class);
                    s.segment = segment(rs.getString(2));
                    s.segmentSince = instant(rs, 3);
                    s.computedSegment = segment(rs.getString(4));
                    s.computedReason = rs.getString(5);
                    s.satisfaction = rs.getBigDecimal(6);
                    s.satisfactionBand = band(rs.getString(7));
                    s.spendBand = band(rs.getString(8));
                    s.modelVersion = (Integer) rs.getObject(9);
                    s.pendingSegment = segment(rs.getString(10));
                    s.pendingCount = rs.getInt(11);
                    s.pendingSince = instant(rs, 12);
                    s.overrideSegment = segment(rs.getString(13));
                    s.overrideReason = rs.getString(14);
                    s.overrideFrom = rs.getObject(15, LocalDate.class);
                    s.overrideExpires = rs.getObject(16, LocalDate.class);
                    s.overrideBy = rs.getString(17);
                    s.updatedAt = instant(rs, 18);
                    found.put(s.clientId, s);
                }
            }
        }
        return found;
    }

    @Override
    public void state(ClientSegmentState state) {
        states.put(state.clientId, state);
    }

    @Override
    public void migration(SegmentAssignment migration) {
        migrations.add(migration);
    }

    @Override
    public void event(EventType type, String subject, Object payload) {
        events.computeIfAbsent(type, t -> new ArrayList<>()).add(new OutboxWriter.Pending(subject, payload));
    }

    /** Writes everything collected, in the caller's transaction ({@code connection} is the one it holds). */
    void flush(Connection connection, OutboxWriter outbox) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_STATE)) {
            for (ClientSegmentState s : states.values()) {
                upsert.setObject(1, s.clientId);
                upsert.setString(2, name(s.segment));
                upsert.setObject(3, timestamp(s.segmentSince), Types.TIMESTAMP_WITH_TIMEZONE);
                upsert.setString(4, name(s.computedSegment));
                upsert.setString(5, s.computedReason);
                upsert.setBigDecimal(6, s.satisfaction);
                upsert.setString(7, s.satisfactionBand == null ? null : s.satisfactionBand.name());
                upsert.setString(8, s.spendBand == null ? null : s.spendBand.name());
                upsert.setObject(9, s.modelVersion, Types.INTEGER);
                upsert.setString(10, name(s.pendingSegment));
                upsert.setInt(11, s.pendingCount);
                upsert.setObject(12, timestamp(s.pendingSince), Types.TIMESTAMP_WITH_TIMEZONE);
                upsert.setString(13, name(s.overrideSegment));
                upsert.setString(14, s.overrideReason);
                upsert.setObject(15, s.overrideFrom, Types.DATE);
                upsert.setObject(16, s.overrideExpires, Types.DATE);
                upsert.setString(17, s.overrideBy);
                upsert.setObject(18, timestamp(s.updatedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        if (!migrations.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_MIGRATION)) {
                for (SegmentAssignment m : migrations) {
                    insert.setObject(1, m.id);
                    insert.setObject(2, m.clientId);
                    insert.setString(3, name(m.segment));
                    insert.setString(4, name(m.fromSegment));
                    insert.setString(5, m.reason);
                    insert.setString(6, m.assignedBy);
                    insert.setObject(7, timestamp(m.assignedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setString(8, m.cause);
                    insert.setString(9, m.causeEventId);
                    insert.setObject(10, m.modelVersion, Types.INTEGER);
                    insert.setObject(11, timestamp(m.effectiveAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setBigDecimal(12, m.revenueAmount);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        events.forEach(outbox::publishAll);
    }

    /** Clients whose migration moved them to another segment (not a record to the same segment). */
    int moved() {
        return (int) migrations.stream().filter(m -> m.segment != m.fromSegment).count();
    }

    private static Segment segment(String code) {
        return code == null ? null : Segment.valueOf(code);
    }

    private static AxisBand band(String code) {
        return code == null ? null : AxisBand.valueOf(code);
    }

    private static String name(Segment segment) {
        return segment == null ? null : segment.name();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime timestamp(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
