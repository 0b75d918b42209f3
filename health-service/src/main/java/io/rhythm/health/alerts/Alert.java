package io.rhythm.health.alerts;

import io.rhythm.health.domain.alerts.AlertStatus;
import io.rhythm.health.domain.alerts.AlertType;
import io.rhythm.health.domain.alerts.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One alert as stored, with its SLA timers and its transitions (oldest first). */
public record Alert(UUID id, UUID clientId, String clientName, AlertType type, Severity severity, AlertStatus status,
                    String owner, List<String> alsoNotify, String reason, Map<String, Double> evidence, Instant raisedAt,
                    Instant updatedAt, long version, List<Timer> sla, List<Transition> transitions) {

    /** One SLA timer: reach {@code stage} by {@code dueAt}; when it was reached and when a breach was escalated. */
    public record Timer(AlertStatus stage, Instant dueAt, String escalateTo, Instant reachedAt, Instant escalatedAt) {
    }

    /** One move in the workflow: who, when, and why. */
    public record Transition(AlertStatus from, AlertStatus to, String by, Instant at, String note) {
    }

    Alert with(List<Timer> timers, List<Transition> moves) {
        return new Alert(id, clientId, clientName, type, severity, status, owner, alsoNotify, reason, evidence, raisedAt,
                updatedAt, version, timers, moves);
    }
}
