package io.rhythm.platform.outbox;

/** Fired when an event is written to the outbox; observed after the transaction commits, to relay at once. */
public record OutboxWritten(String topic) {
}
