package io.rhythm.health.api;

import io.rhythm.health.alerts.Alert;
import io.rhythm.health.domain.alerts.AlertStatus;
import io.rhythm.health.domain.alerts.AlertType;
import io.rhythm.health.domain.alerts.Severity;
import io.rhythm.health.domain.alerts.SlaDeadline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert as the API shows it: the SLA timers of the alert protocol with whether each is breached,
 * the next deadline still open, and who moved the alert when and why.
 */
public record AlertView(String id, String clientId, String clientName, AlertType type, Severity severity,
                        AlertStatus status, String owner, List<String> alsoNotify, String reason,
                        Map<String, Double> evidence, Instant raisedAt, Instant updatedAt, boolean breached,
                        Instant nextDueAt, List<Sla> sla, List<Alert.Transition> transitions) {

    public record Sla(AlertStatus stage, Instant dueAt, String escalateTo, Instant reachedAt, boolean breached,
                      Instant escalatedAt) {
    }

    public static AlertView of(Alert alert, Instant now) {
        List<Sla> sla = alert.sla().stream().map(t -> new Sla(t.stage(), t.dueAt(), t.escalateTo(), t.reachedAt(),
                new SlaDeadline(t.stage(), t.dueAt(), t.escalateTo()).breached(t.reachedAt(), now), t.escalatedAt())).toList();
        Instant next = alert.sla().stream().filter(t -> t.reachedAt() == null).map(Alert.Timer::dueAt).min(Instant::compareTo)
                .orElse(null);
        return new AlertView(alert.id().toString(), alert.clientId().toString(), alert.clientName(), alert.type(),
                alert.severity(), alert.status(), alert.owner(), alert.alsoNotify(), alert.reason(), alert.evidence(),
                alert.raisedAt(), alert.updatedAt(), sla.stream().anyMatch(Sla::breached), next, sla, alert.transitions());
    }
}
