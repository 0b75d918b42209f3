package io.rhythm.health.domain.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the alert rules look at for one client at one instant.
 *
 * @param metrics     current metric values by key ({@code usage.days_since_last_login}, ...), with their event time
 * @param healthScore the client's current health score, {@code null} when it has none yet
 * @param now         the evaluation instant
 */
public record AlertFacts(Map<String, MetricReading> metrics, Double healthScore, Instant now) {

    public AlertFacts {
        metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics"));
        Objects.requireNonNull(now, "now");
    }
}
