package io.rhythm.health.domain.supportbilling;

import java.time.Instant;

/**
 * What is known of one support ticket, built from its events in any order: applying the same events
 * in any order gives the same ticket, and applying an event twice changes nothing.
 * <ul>
 *   <li>opened at the earliest time of any of its events (no event can precede the opening);</li>
 *   <li>open or closed as its latest event says (OPENED/UPDATED: open — an update after a close
 *       reopens it —, CLOSED: closed; at equal times, closed wins);</li>
 *   <li>the priority of its latest event that carries one (at equal times, the more urgent);</li>
 *   <li>the CSAT rating of its latest rated close, with that close's time.</li>
 * </ul>
 *
 * @param priority null while no event gave one (counts as NORMAL)
 */
public record Ticket(String ticketId, Instant openedAt, boolean open, Instant statusAt, SupportEvent.Priority priority,
                     Instant priorityAt, Integer csat, Instant csatAt) {

    /** A ticket known only from this event. */
    public static Ticket of(SupportEvent event) {
        return new Ticket(event.ticketId(), event.occurredAt(), event.type() != SupportEvent.Type.TICKET_CLOSED,
                event.occurredAt(), event.priority(), event.priority() == null ? null : event.occurredAt(),
                event.csat(), event.csat() == null ? null : event.occurredAt());
    }

    public Ticket apply(SupportEvent event) {
        Instant at = event.occurredAt();
        Instant opened = at.isBefore(openedAt) ? at : openedAt;
        boolean eventOpen = event.type() != SupportEvent.Type.TICKET_CLOSED;
        boolean newOpen = open;
        Instant newStatusAt = statusAt;
        if (at.isAfter(statusAt) || (at.equals(statusAt) && !eventOpen)) {
            newOpen = eventOpen;
            newStatusAt = at;
        }
        SupportEvent.Priority newPriority = priority;
        Instant newPriorityAt = priorityAt;
        if (event.priority() != null && (priorityAt == null || at.isAfter(priorityAt)
                || (at.equals(priorityAt) && event.priority().compareTo(priority) > 0))) {
            newPriority = event.priority();
            newPriorityAt = at;
        }
        Integer newCsat = csat;
        Instant newCsatAt = csatAt;
        if (event.csat() != null && (csatAt == null || at.isAfter(csatAt) || (at.equals(csatAt) && event.csat() > csat))) {
            newCsat = event.csat();
            newCsatAt = at;
        }
        return new Ticket(ticketId, opened, newOpen, newStatusAt, newPriority, newPriorityAt, newCsat, newCsatAt);
    }

    public boolean urgent() {
        return open && priority == SupportEvent.Priority.URGENT;
    }

}
