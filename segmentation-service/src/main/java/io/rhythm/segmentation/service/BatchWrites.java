package io.rhythm.segmentation.service;

import io.rhythm.platform.events.EventType;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.persistence.CopyRows;
import io.rhythm.segmentation.domain.AxisBand;
import io.rhythm.segmentation.domain.ClientSegmentState;
import io.rhythm.segmentation.domain.Segment;
import io.rhythm.segmentation.domain.SegmentAssignment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The writes of one re-segmentation batch, collected while {@link SegmentEngine#apply} places its clients and then
 * written set-based on the batch's connection with PostgreSQL COPY: new state rows straight into their table, existing
 * ones into a staging table and one upsert from it, the migration records straight into
 * their table, the events through {@link OutboxWriter#publishAll} (one COPY per event type, in the order the types
 * first occurred, so a client's {@code SegmentMigrated} precedes its action-plan event).
 */
final class BatchWrites implements SegmentEngine.Writes {

    private static final String STATE_COLUMNS = """
            client_id, segment, segment_since, computed_segment, computed_reason, satisfaction, satisfaction_band,
            spend_band, model_version, pending_segment, pending_count, pending_since, override_segment, override_reason,
            override_from, override_expires, override_by, updated_at""";

    /**
     * The batch's state rows are copied into this session's staging table (created once per connection, emptied at
     * every commit), then upserted from it in one statement.
     */
    private static final String STAGING = """
            create temp table if not exists segment_state_batch (like client_segment_state including defaults)
            on commit delete rows""";

    /** What {@link SegmentEngine#apply} changes; an override set meanwhile by someone else is left as it is. */
    private static final String UPSERT_STATE = "insert into client_segment_state (" + STATE_COLUMNS + ") select "
            + STATE_COLUMNS + " from segment_state_batch" + """

            on conflict (client_id) do update set segment = excluded.segment, segment_since = excluded.segment_since,
              computed_segment = excluded.computed_segment, computed_reason = excluded.computed_reason,
              satisfaction = excluded.satisfaction, satisfaction_band = excluded.satisfaction_band,
              spend_band = excluded.spend_band, model_version = excluded.model_version,
              pending_segment = excluded.pending_segment, pending_count = excluded.pending_count,
              pending_since = excluded.pending_since, updated_at = excluded.updated_at""";

    private static final String MIGRATIONS = """
            segment_assignment (id, client_id, segment, from_segment, reason, assigned_by, assigned_at, cause,
              cause_event_id, model_version, effective_at, revenue_amount)""";

    private final Set<UUID> existing;
    private final Map<UUID, ClientSegmentState> states = new LinkedHashMap<>();
    private final List<SegmentAssignment> migrations = new ArrayList<>();
    private final Map<EventType, List<OutboxWriter.Pending>> events = new LinkedHashMap<>();

    /** {@code existing}: the clients whose state row {@link #states} found (the others' rows are new). */
    BatchWrites(Set<UUID> existing) {
        this.existing = existing;
    }

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

    /**
     * Writes everything collected, in the caller's transaction ({@code connection} is the one it holds): new state rows
     * by COPY into their table, the others by COPY into the staging table and one upsert from it, the migration records
     * by COPY, the events by {@link OutboxWriter#publishAll} (COPY as well). A state row that a live assessment created
     * after {@link #states} read the batch makes the COPY fail, and with it the batch's transaction: the caller runs
     * the batch again, which then finds the row.
     */
    void flush(Connection connection, OutboxWriter outbox, PhaseTimes times) throws SQLException {
        long t = System.nanoTime();
        CopyRows changedRows = new CopyRows("segment_state_batch (" + STATE_COLUMNS + ")");
        CopyRows newRows = new CopyRows("client_segment_state (" + STATE_COLUMNS + ")");
        for (ClientSegmentState s : states.values()) {
            (existing.contains(s.clientId) ? changedRows : newRows).add(s.clientId).add(s.segment).add(s.segmentSince)
                    .add(s.computedSegment).add(s.computedReason).add(s.satisfaction).add(s.satisfactionBand).add(s.spendBand)
                    .add(s.modelVersion).add(s.pendingSegment).add(s.pendingCount).add(s.pendingSince).add(s.overrideSegment)
                    .add(s.overrideReason).add(s.overrideFrom).add(s.overrideExpires).add(s.overrideBy).add(s.updatedAt).endRow();
        }
        newRows.copy(connection);
        if (changedRows.rows() > 0) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(STAGING);
                changedRows.copy(connection);
                statement.executeUpdate(UPSERT_STATE);
                statement.executeUpdate("delete from segment_state_batch"); // a second flush in this transaction starts empty
            }
        }
        CopyRows migrationRows = new CopyRows(MIGRATIONS);
        for (SegmentAssignment m : migrations) {
            migrationRows.add(m.id).add(m.clientId).add(m.segment).add(m.fromSegment).add(m.reason).add(m.assignedBy)
                    .add(m.assignedAt).add(m.cause).add(m.causeEventId).add(m.modelVersion).add(m.effectiveAt)
                    .add(m.revenueAmount).endRow();
        }
        t = times.since("write states", t);
        migrationRows.copy(connection);
        t = times.since("write migrations", t);
        events.forEach(outbox::publishAll);
        times.since("write events", t);
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

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
