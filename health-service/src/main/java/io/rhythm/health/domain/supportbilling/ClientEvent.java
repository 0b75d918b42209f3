package io.rhythm.health.domain.supportbilling;

import java.time.Instant;

/** A support or billing event: identified by its event id (a repeat is a duplicate), at an event time. */
public sealed interface ClientEvent permits SupportEvent, BillingEvent {

    String eventId();

    Instant occurredAt();

    String typeName();
}
