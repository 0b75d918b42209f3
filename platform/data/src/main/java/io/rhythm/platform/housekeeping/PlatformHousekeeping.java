package io.rhythm.platform.housekeeping;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/** Deletes what the platform tables no longer need: sent outbox rows, old processed ids and idempotency keys. */
@ApplicationScoped
public class PlatformHousekeeping {

    private static final Logger LOG = Logger.getLogger(PlatformHousekeeping.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "rhythm.outbox.retention", defaultValue = "7d")
    Duration outboxRetention;

    @ConfigProperty(name = "rhythm.inbox.retention", defaultValue = "30d")
    Duration inboxRetention;

    @ConfigProperty(name = "rhythm.idempotency.retention", defaultValue = "1d")
    Duration idempotencyRetention;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try (Connection connection = dataSource.getConnection()) {
            int outbox = delete(connection, "delete from rhythm_outbox where sent_at < now() - ?::interval", outboxRetention);
            int inbox = delete(connection, "delete from rhythm_processed_event where processed_at < now() - ?::interval", inboxRetention);
            int keys = delete(connection, "delete from rhythm_idempotency_key where created_at < now() - ?::interval", idempotencyRetention);
            LOG.debugf("Housekeeping removed %d outbox rows, %d processed ids, %d idempotency keys", outbox, inbox, keys);
        } catch (SQLException e) {
            LOG.warnf("Housekeeping failed, will retry: %s", e.toString());
        }
    }

    private static int delete(Connection connection, String sql, Duration age) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, age.toSeconds() + " seconds");
            return delete.executeUpdate();
        }
    }
}
