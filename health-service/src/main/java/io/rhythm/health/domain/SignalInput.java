package io.rhythm.health.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A metric observation for a client, however it arrived (HTTP, Kafka, Segment): identified by its
 * event id (a repeat is a duplicate), about a client given by Rhythm id or by an id in a source system.
 */
public record SignalInput(String eventId, UUID clientId, String externalSource, String externalId, String metric,
                          double value, Instant occurredAt) {
}
