package io.rhythm.platform.events.payload;

import java.time.Instant;

/** An alert moved forward in its workflow (OPEN → ACKNOWLEDGED → ASSESSED → PLANNED → EXECUTING → RESOLVED). */
public record AlertStatusChanged(String alertId, String clientId, String alertType, String previousStatus, String status,
                                 String changedBy, String note, Instant changedAt) {
}
