package io.rhythm.platform.events.payload;

import java.time.LocalDate;
import java.util.List;

/** A milestone of an NPS cycle is due (or overdue and still open): its owners should act (nps-service). */
public record CycleMilestoneDue(String cycleId, String cycleName, String milestone, String name, LocalDate dueDate,
                                List<String> ownerRoles, boolean overdue) {
}
