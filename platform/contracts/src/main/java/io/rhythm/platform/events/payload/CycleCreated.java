package io.rhythm.platform.events.payload;

import java.time.LocalDate;

/** An NPS survey cycle was created (nps-service). */
public record CycleCreated(String cycleId, String name, LocalDate openDate, LocalDate closeDate) {
}
