package io.rhythm.platform.probe;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct reads of the test database, for assertions. */
@ApplicationScoped
public class ProbeDb {

    @Inject
    AgroalDataSource dataSource;

    public long effects(String probeId) {
        return count("select count(*) from probe_effect where probe_id = ?", probeId);
    }

    public long pendingOutbox(String probeId) {
        return count("select count(*) from rhythm_outbox where event_key = ? and sent_at is null", probeId);
    }

    public long sentOutbox(String probeId) {
        return count("select count(*) from rhythm_outbox where event_key = ? and sent_at is not null", probeId);
    }

    public long processed(String eventId) {
        return count("select count(*) from rhythm_processed_event where event_id = ?", eventId);
    }

    private long count(String sql, String arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
