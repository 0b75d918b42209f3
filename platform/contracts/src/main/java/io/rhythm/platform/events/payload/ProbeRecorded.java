package io.rhythm.platform.events.payload;

/** Diagnostic event proving the outbox → Kafka → consumer pipeline end to end. */
public record ProbeRecorded(String probeId, String label) {
}
