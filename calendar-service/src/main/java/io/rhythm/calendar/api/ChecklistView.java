package io.rhythm.calendar.api;

import java.time.LocalDate;
import java.util.List;

/** A checklist with its items and progress ("3 of 5 done, 1 overdue") as of a day. */
public record ChecklistView(String id, String template, int templateVersion, String kind, String name,
                            LocalDate anchorDate, String eventId, String clientId, LocalDate asOf, Progress progress,
                            List<DeliverableView> items) {

    public record Progress(int done, int total, int overdue) {
    }
}
