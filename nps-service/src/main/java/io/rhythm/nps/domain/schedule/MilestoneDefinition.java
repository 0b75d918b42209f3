package io.rhythm.nps.domain.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A milestone of a {@link CycleTemplate}: its days relative to the survey's open date (day 0;
 * negative = before opening).
 *
 * @param code        stable code
 * @param name        display name
 * @param owners      owning roles, accountable one first
 * @param startOffset first day, relative to the open date
 * @param endOffset   last day (inclusive), relative to the open date; equal to {@code startOffset}
 *                    for a single-day milestone
 */
public record MilestoneDefinition(MilestoneCode code, String name, List<OwnerRole> owners, int startOffset, int endOffset) {

    public MilestoneDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        owners = List.copyOf(owners);
        if (owners.isEmpty()) {
            throw new IllegalArgumentException("Milestone " + code + " needs an owner");
        }
        if (endOffset < startOffset) {
            throw new IllegalArgumentException("Milestone " + code + " ends (day " + endOffset + ") before it starts (day " + startOffset + ")");
        }
    }

    /** A single-day milestone with the code's default name. */
    public static MilestoneDefinition onDay(MilestoneCode code, int day, OwnerRole... owners) {
        return new MilestoneDefinition(code, code.displayName(), List.of(owners), day, day);
    }

    /** A multi-day milestone with the code's default name. */
    public static MilestoneDefinition days(MilestoneCode code, int firstDay, int lastDay, OwnerRole... owners) {
        return new MilestoneDefinition(code, code.displayName(), List.of(owners), firstDay, lastDay);
    }

    /** The dated milestone for a cycle opening on {@code openDate}. */
    public Milestone on(LocalDate openDate) {
        return new Milestone(code, name, owners, openDate.plusDays(startOffset), openDate.plusDays(endOffset));
    }

    public MilestoneDefinition withDays(int firstDay, int lastDay) {
        return new MilestoneDefinition(code, name, owners, firstDay, lastDay);
    }

    public MilestoneDefinition withOwners(List<OwnerRole> newOwners) {
        return new MilestoneDefinition(code, name, newOwners, startOffset, endOffset);
    }
}
