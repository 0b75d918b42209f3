package io.rhythm.nps.api;

import io.rhythm.nps.domain.SurveyCycle;

import java.time.Instant;
import java.time.LocalDate;

public record CycleView(String id, String name, LocalDate openDate, LocalDate closeDate, String createdBy, Instant createdAt) {

    public static CycleView of(SurveyCycle c) {
        return new CycleView(c.id.toString(), c.name, c.openDate, c.closeDate, c.createdBy, c.createdAt);
    }
}
