package io.rhythm.planning.readiness.messaging;

import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.events.payload.AlertEscalated;
import io.rhythm.platform.events.payload.AlertRaised;
import io.rhythm.platform.events.payload.AlertStatusChanged;
import io.rhythm.platform.events.payload.DetractorCaseClosed;
import io.rhythm.platform.events.payload.DetractorCaseEscalated;
import io.rhythm.platform.events.payload.DetractorCaseOpened;
import io.rhythm.platform.events.payload.ExpansionSignalRaised;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.inbox.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The live data readiness assessments are built from, projected from other services' events (services never read
 * each other's databases): latest health band per client, open/closed issues (health alerts, detractor cases) with
 * their SLA breaches, expansion signals. Idempotent per event id.
 */
@ApplicationScoped
public class ReadinessProjections {

    @Inject
    IdempotentConsumer inbox;
    @Inject
    AgroalDataSource dataSource;

    @Incoming("readiness-health-scores")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onScore(ConsumerRecord<String, String> record) {
        inbox.process("readiness-health", record, event -> {
            if (event.type().equals(EventCatalogue.HEALTH_SCORE_CHANGED.type())) {
                HealthScoreChanged s = Json.read(event.data(), HealthScoreChanged.class);
                update("""
                        insert into readiness_client_health (client_id, score, band, scored_at) values (?, ?, ?, ?)
                        on conflict (client_id) do update set score = excluded.score, band = excluded.band,
                            scored_at = excluded.scored_at where readiness_client_health.scored_at <= excluded.scored_at""",
                        UUID.fromString(s.clientId()), s.score(), s.band(), ts(s.scoredAt()));
            }
        });
    }

    @Incoming("readiness-health-alerts")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onAlert(ConsumerRecord<String, String> record) {
        inbox.process("readiness-alerts", record, this::alert);
    }

    @Incoming("readiness-nps-cases")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onCase(ConsumerRecord<String, String> record) {
        inbox.process("readiness-cases", record, this::detractorCase);
    }

    private void alert(CloudEvent event) {
        String type = event.type();
        if (type.equals(EventCatalogue.ALERT_RAISED.type())) {
            AlertRaised a = Json.read(event.data(), AlertRaised.class);
            update("""
                    insert into readiness_issue (issue_id, client_id, kind, issue_type, severity, owner, status, reason, opened_at)
                    values (?, ?, 'HEALTH_ALERT', ?, ?, ?, ?, ?, ?) on conflict (issue_id) do nothing""",
                    a.alertId(), UUID.fromString(a.clientId()), a.alertType(), a.severity(), a.owner(), a.status(), a.reason(),
                    ts(a.raisedAt()));
        } else if (type.equals(EventCatalogue.ALERT_STATUS_CHANGED.type())) {
            AlertStatusChanged a = Json.read(event.data(), AlertStatusChanged.class);
            update("update readiness_issue set status = ?, closed_at = case when ? = 'RESOLVED' then ? else closed_at end "
                    + "where issue_id = ?", a.status(), a.status(), ts(a.changedAt()), a.alertId());
        } else if (type.equals(EventCatalogue.ALERT_ESCALATED.type())) {
            AlertEscalated a = Json.read(event.data(), AlertEscalated.class);
            update("update readiness_issue set sla_breached = true where issue_id = ?", a.alertId());
        } else if (type.equals(EventCatalogue.EXPANSION_SIGNAL_RAISED.type())) {
            ExpansionSignalRaised s = Json.read(event.data(), ExpansionSignalRaised.class);
            update("insert into readiness_expansion_signal (signal_id, client_id, reason, raised_at) values (?, ?, ?, ?) "
                    + "on conflict do nothing", s.signalId(), UUID.fromString(s.clientId()), s.reason(), ts(s.raisedAt()));
        }
    }

    private void detractorCase(CloudEvent event) {
        String type = event.type();
        if (type.equals(EventCatalogue.DETRACTOR_CASE_OPENED.type())) {
            DetractorCaseOpened c = Json.read(event.data(), DetractorCaseOpened.class);
            update("""
                    insert into readiness_issue (issue_id, client_id, kind, issue_type, severity, owner, status, reason, opened_at)
                    values (?, ?, 'DETRACTOR_CASE', 'DETRACTOR', ?, ?, 'OPEN', ?, ?) on conflict (issue_id) do nothing""",
                    c.caseId(), UUID.fromString(c.clientId()), c.score() <= 3 ? "HIGH" : "MEDIUM", c.owner(),
                    "NPS detractor (score " + c.score() + ")", ts(c.openedAt()));
        } else if (type.equals(EventCatalogue.DETRACTOR_CASE_ESCALATED.type())) {
            DetractorCaseEscalated c = Json.read(event.data(), DetractorCaseEscalated.class);
            update("update readiness_issue set sla_breached = true where issue_id = ?", c.caseId());
        } else if (type.equals(EventCatalogue.DETRACTOR_CASE_CLOSED.type())) {
            DetractorCaseClosed c = Json.read(event.data(), DetractorCaseClosed.class);
            update("update readiness_issue set status = 'CLOSED', closed_at = ?, sla_breached = sla_breached or ? "
                    + "where issue_id = ?", ts(c.closedAt()), c.breachedStages() != null && !c.breachedStages().isEmpty(),
                    c.caseId());
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? Timestamp.from(Instant.EPOCH) : Timestamp.from(instant);
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update readiness projection", e);
        }
    }
}
