package io.rhythm.health.domain.alerts;

import java.time.Instant;

/** A client's current value of one metric and the event time it was observed at. */
public record MetricReading(double value, Instant occurredAt) {
}
