package io.rhythm.nps.api;

import io.rhythm.nps.domain.SurveyCycle;

import java.time.Instant;
import java.time.LocalDate;

/** A survey cycle; {@code status} OPEN or CLOSED, with who closed it and when ({@code system}: the milestone scan). */
public record CycleView(String id, String name, LocalDate openDate, LocalDate closeDate, String createdBy, Instant createdAt,
                        String status, Instant closedAt, String closedBy) {

    public static CycleView of(SurveyCycle c) {
        return new CycleView(c.id.toString(), c.name, c.openDate, c.closeDate, c.createdBy, c.createdAt, c.status, c.closedAt,
                c.closedBy);
    }
}
