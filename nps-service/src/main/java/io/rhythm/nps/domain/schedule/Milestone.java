package io.rhythm.nps.domain.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One dated milestone of one NPS cycle.
 *
 * <p>A single-day milestone has {@code startDate == dueDate}; a range (the analysis workshop
 * "Apr 27 - May 1", client letters "May 26-30") starts on {@code startDate} and is due by
 * {@code dueDate}, both inclusive.
 *
 * @param code      stable code
 * @param name      display name
 * @param owners    roles that own it, accountable one first (never empty)
 * @param startDate first day
 * @param dueDate   last day, on or after {@code startDate}
 */
public record Milestone(MilestoneCode code, String name, List<OwnerRole> owners, LocalDate startDate, LocalDate dueDate) {

    public Milestone {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(dueDate, "dueDate");
        owners = List.copyOf(owners);
        if (owners.isEmpty()) {
            throw new IllegalArgumentException("Milestone " + code + " needs an owner");
        }
        if (dueDate.isBefore(startDate)) {
            throw new IllegalArgumentException("Milestone " + code + " is due " + dueDate + " before it starts " + startDate);
        }
    }

    /** The accountable role (the first owner). */
    public OwnerRole accountable() {
        return owners.get(0);
    }

    public boolean isRange() {
        return !startDate.equals(dueDate);
    }

    /**
     * Whether the milestone is late on {@code today} if it has not been completed: its due date has
     * passed. (Completion status lives with the cycle, not in this value.)
     */
    public boolean isOverdueOn(LocalDate today) {
        return today.isAfter(dueDate);
    }
}
