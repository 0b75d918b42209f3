package io.rhythm.calendar.api;

import io.rhythm.calendar.domain.Deliverable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A deliverable as of a day: {@code overdue} when still open after its due date. */
public record DeliverableView(String id, String checklistId, String code, String phase, String title,
                              List<String> ownerRoles, String ownerPerson, LocalDate dueOn, Deliverable.Status status,
                              boolean overdue, String completedBy, Instant completedAt, String note) {

    public static DeliverableView of(Deliverable d, LocalDate asOf) {
        return new DeliverableView(d.id.toString(), d.checklistId.toString(), d.code, d.phase, d.title,
                Arrays.asList(d.ownerRoles), d.ownerPerson, d.dueOn, d.status, d.overdueOn(asOf), d.completedBy,
                d.completedAt, d.note);
    }
}
