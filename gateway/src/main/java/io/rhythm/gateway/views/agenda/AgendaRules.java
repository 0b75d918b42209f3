package io.rhythm.gateway.views.agenda;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** Orders the agenda by due time: soonest (most overdue) first, undated last, then by kind and title. */
public final class AgendaRules {

    private AgendaRules() {
    }

    public static List<AgendaItem> order(List<AgendaItem> items) {
        return items.stream().sorted(Comparator.comparing((AgendaItem i) -> dueInstant(i.due()),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AgendaItem::kind).thenComparing(i -> String.valueOf(i.title()))).toList();
    }

    /** An ISO instant, or a day as its start in UTC; null when absent or unreadable. */
    static Instant dueInstant(String due) {
        if (due == null || due.isBlank()) {
            return null;
        }
        try {
            return due.length() == 10 ? LocalDate.parse(due).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(due);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Whether a due time is before asOf's start (UTC). */
    public static boolean overdue(String due, LocalDate asOf) {
        Instant at = dueInstant(due);
        return at != null && at.isBefore(asOf.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
