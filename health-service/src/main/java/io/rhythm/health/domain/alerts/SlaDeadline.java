package io.rhythm.health.domain.alerts;

import java.time.Instant;

/** One SLA timer of one alert: reach {@code stage} by {@code dueAt}, or it escalates to {@code escalateTo}. */
public record SlaDeadline(AlertStatus stage, Instant dueAt, String escalateTo) {

    /**
     * Whether this SLA is breached: the stage was reached after the deadline, or it is still not
     * reached and {@code now} is past the deadline. Exactly at the deadline is in time (2 h after
     * raising is not breached, 2 h + 1 s is).
     *
     * @param reachedAt when the alert reached the stage, {@code null} when it has not
     */
    public boolean breached(Instant reachedAt, Instant now) {
        return reachedAt != null ? reachedAt.isAfter(dueAt) : now.isAfter(dueAt);
    }
}
