package io.rhythm.health.alerts;

import io.rhythm.health.domain.alerts.AlertStatus;
import io.rhythm.health.domain.alerts.AlertType;
import io.rhythm.health.domain.alerts.Severity;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of an alert list; {@code null} means "any". {@code portfolioOwner} restricts to the clients
 * a CSE or CAM owns; {@code openOnly} keeps the alerts not RESOLVED; {@code afterRaisedAt}/{@code afterId} is the keyset position (newest first).
 */
public record AlertQuery(AlertStatus status, Severity severity, AlertType type, String owner, UUID clientId,
                         boolean breachedOnly, boolean openOnly, String portfolioOwner, Instant afterRaisedAt, UUID afterId, int fetchSize) {
}
