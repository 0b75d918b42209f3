package io.rhythm.health.domain.supportbilling;

import io.rhythm.health.domain.crm.RowProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An event from a helpdesk about one ticket of a client.
 *
 * @param priority for TICKET_OPENED (default NORMAL) and TICKET_UPDATED (required); optional on TICKET_CLOSED
 * @param csat     only on TICKET_CLOSED, optional: the customer's satisfaction rating on the usual CSAT
 *                 scale 1–5, where 4 and 5 count as satisfied
 */
public record SupportEvent(String eventId, Type type, String ticketId, Priority priority, Integer csat, Instant occurredAt)
        implements ClientEvent {

    @Override
    public String typeName() {
        return type.name();
    }

    public enum Type { TICKET_OPENED, TICKET_UPDATED, TICKET_CLOSED }

    /** In increasing urgency: at equal event times the more urgent priority wins. */
    public enum Priority { LOW, NORMAL, HIGH, URGENT }

    public static final int CSAT_MIN = 1;
    public static final int CSAT_MAX = 5;
    /** CSAT's usual reading: 4 (satisfied) and 5 (very satisfied) count as satisfied. */
    public static final int CSAT_SATISFIED_FROM = 4;

    /** What is wrong with this event for its type (beyond the fields every event needs). */
    public List<RowProblem> problems() {
        List<RowProblem> problems = new ArrayList<>();
        if (type == Type.TICKET_UPDATED && priority == null) {
            problems.add(new RowProblem("priority", "is required for TICKET_UPDATED (LOW, NORMAL, HIGH or URGENT)"));
        }
        if (csat != null && type != Type.TICKET_CLOSED) {
            problems.add(new RowProblem("csat", "is only given with TICKET_CLOSED"));
        } else if (csat != null && (csat < CSAT_MIN || csat > CSAT_MAX)) {
            problems.add(new RowProblem("csat", "must be a rating from 1 to 5 (got " + csat + ")"));
        }
        return problems;
    }

    /** As sent, with the default priority of a new ticket (NORMAL) filled in. */
    public SupportEvent withDefaults() {
        return type == Type.TICKET_OPENED && priority == null
                ? new SupportEvent(eventId, type, ticketId, Priority.NORMAL, csat, occurredAt) : this;
    }
}
