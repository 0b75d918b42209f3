package io.rhythm.platform.events.payload;

import java.time.Instant;

/**
 * An alert missed an SLA of the alert protocol (health-service): it had not reached
 * {@code missedStage} by {@code dueAt}, and is escalated to the role {@code escalatedTo}.
 * Published once per alert and stage. {@code status} is the alert's status when escalated.
 */
public record AlertEscalated(String alertId, String clientId, String alertType, String severity, String status,
                             String owner, String missedStage, Instant dueAt, String escalatedTo, Instant escalatedAt) {
}
