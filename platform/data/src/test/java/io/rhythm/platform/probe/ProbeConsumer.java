package io.rhythm.platform.probe;

import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.payload.ProbeRecorded;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Test-only consumer: records one effect row per processed ProbeRecorded event. */
@ApplicationScoped
public class ProbeConsumer {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    AgroalDataSource dataSource;

    @Incoming("probes")
    @Blocking
    public void onProbe(ConsumerRecord<String, String> record) {
        inbox.process("probe-effects", record, this::apply);
    }

    private void apply(CloudEvent event) {
        ProbeRecorded probe = Json.read(event.data(), ProbeRecorded.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into probe_effect (probe_id, event_id, label) values (?, ?, ?)")) {
            ps.setString(1, probe.probeId());
            ps.setString(2, event.id());
            ps.setString(3, probe.label());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
