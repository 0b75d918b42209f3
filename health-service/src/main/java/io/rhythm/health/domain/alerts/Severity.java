package io.rhythm.health.domain.alerts;

/** How bad an alert is; the seed calls every trigger "critical", Rhythm ranks them for triage. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
