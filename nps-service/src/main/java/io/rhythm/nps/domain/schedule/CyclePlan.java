package io.rhythm.nps.domain.schedule;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dated milestones of one NPS cycle (e.g. "NPS Q2 2026"), in date order. Either generated from a
 * {@link CycleTemplate} or given explicitly, like the seed's 2026 cycles ({@link SeedCycles2026}).
 *
 * @param cycleName  the cycle's name
 * @param milestones its milestones, one per code; must include the survey's opening and closing
 */
public record CyclePlan(String cycleName, List<Milestone> milestones) {

    public CyclePlan {
        Objects.requireNonNull(cycleName, "cycleName");
        if (cycleName.isBlank()) {
            throw new IllegalArgumentException("A cycle needs a name");
        }
        Set<MilestoneCode> seen = EnumSet.noneOf(MilestoneCode.class);
        for (Milestone m : milestones) {
            if (!seen.add(m.code())) {
                throw new IllegalArgumentException("Milestone " + m.code() + " appears twice in " + cycleName);
            }
        }
        if (!seen.contains(MilestoneCode.SURVEY_OPEN) || !seen.contains(MilestoneCode.SURVEY_CLOSE)) {
            throw new IllegalArgumentException(cycleName + " needs both an opening and a closing milestone");
        }
        milestones = milestones.stream()
                .sorted(Comparator.comparing(Milestone::startDate).thenComparing(Milestone::code))
                .toList();
        Milestone open = find(milestones, MilestoneCode.SURVEY_OPEN);
        Milestone close = find(milestones, MilestoneCode.SURVEY_CLOSE);
        if (!close.startDate().isAfter(open.startDate())) {
            throw new IllegalArgumentException(cycleName + " must close after it opens");
        }
    }

    /** The milestone with this code, if the cycle has one. */
    public Optional<Milestone> milestone(MilestoneCode code) {
        return milestones.stream().filter(m -> m.code() == code).findFirst();
    }

    public LocalDate openDate() {
        return find(milestones, MilestoneCode.SURVEY_OPEN).startDate();
    }

    public LocalDate closeDate() {
        return find(milestones, MilestoneCode.SURVEY_CLOSE).startDate();
    }

    public Optional<LocalDate> recipientListDeadline() {
        return milestone(MilestoneCode.RECIPIENT_LIST_DEADLINE).map(Milestone::dueDate);
    }

    /** Whether responses are accepted on {@code day}: from the open date to the close date, both inclusive. */
    public boolean isLiveOn(LocalDate day) {
        return !day.isBefore(openDate()) && !day.isAfter(closeDate());
    }

    /** Milestones whose due date has passed on {@code today} and that are not in {@code completed}. */
    public List<Milestone> overdueOn(LocalDate today, Set<MilestoneCode> completed) {
        return milestones.stream().filter(m -> !completed.contains(m.code()) && m.isOverdueOn(today)).toList();
    }

    private static Milestone find(List<Milestone> list, MilestoneCode code) {
        return list.stream().filter(m -> m.code() == code).findFirst().orElseThrow();
    }
}
