package io.rhythm.platform.events.payload;

import java.time.LocalDate;
import java.util.List;

/** A deliverable or checklist item became overdue: still open after its due date (calendar-service); published once. */
public record DeliverableOverdue(String deliverableId, String checklistId, String template, String eventId,
                                 String clientId, String title, LocalDate dueOn, List<String> ownerRoles,
                                 String ownerPerson, LocalDate asOf) {
}
