package io.rhythm.health.domain.alerts;

import java.time.Duration;
import java.util.Objects;

/**
 * One SLA of the alert protocol: an alert must have reached {@code stage} within {@code dueAfter}
 * of being raised, otherwise it escalates to the role {@code escalateTo}.
 *
 * @param appliesTo the alert type this row is for, {@code null} for every type without its own row
 */
public record SlaStage(AlertType appliesTo, AlertStatus stage, Duration dueAfter, String escalateTo) {

    public SlaStage {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(dueAfter, "dueAfter");
        Objects.requireNonNull(escalateTo, "escalateTo");
        if (stage == AlertStatus.OPEN) {
            throw new IllegalArgumentException("OPEN is where an alert starts, not an SLA stage");
        }
        if (dueAfter.isNegative() || dueAfter.isZero()) {
            throw new IllegalArgumentException("dueAfter must be positive, was " + dueAfter);
        }
        if (escalateTo.isBlank()) {
            throw new IllegalArgumentException("escalateTo must name a role");
        }
    }
}
