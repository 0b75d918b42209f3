package io.rhythm.nps.domain.operations;

import io.rhythm.nps.domain.schedule.MilestoneCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which automatic operations a cycle needs now (issue 5: "the day-5 and day-12 pulls are snapshots kept for the
 * record; reminders sent automatically on the milestone, never to someone who has responded or unsubscribed"; the
 * close on day 14). The scan works from stored state only, so asking again after a restart, or from a second
 * replica, gives nothing that was already done.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>A closed cycle needs nothing.</li>
 *   <li><b>Pulls</b> (first, final): once the milestone's due date (UTC) has come, the recipient lists are frozen
 *       (there is someone to pull) and that milestone's pull has not been taken. A scan that runs late (the
 *       service was down) still takes it, late, before anything that comes after it.</li>
 *   <li><b>Reminders</b>: once the REMINDER milestone's date has come, the lists are frozen, the reminder run has
 *       not finished and nobody completed the milestone by hand (a person who did so has dealt with it), and only
 *       while answers are still accepted (before the end of the close date) — never for a cycle delivered by another
 *       tool (HubSpot sends its own reminder from the exported day-5 pull).</li>
 *   <li><b>Close</b>: once the close date has <i>ended</i> (UTC) — respondents have the whole of day 14, exactly as
 *       their links promise (they expire at the end of the close date) — whatever the cycle's channel (issue 17: an
 *       imported cycle no longer stays open for weeks unless a person closes it). Whoever needs more time extends the
 *       close date explicitly ({@code POST /api/v1/nps/cycles/{id}/extend}) before it ends. One exception: a cycle
 *       <i>created</i> after its close date had already ended — the record of a past survey, entered to import its
 *       answers — is closed by a person once the import is done, or by the scan once its lists are frozen (the
 *       import must not race the scan).</li>
 *   <li>Order: by the milestones' due dates, the close always last (a late scan takes the final pull, then
 *       closes).</li>
 * </ul>
 */
public final class DueOperations {

    private DueOperations() {
    }

    /**
     * The stored state of one cycle that the rule needs.
     *
     * @param closed                    whether the cycle is closed
     * @param recipientsFrozen          whether its recipient lists are frozen
     * @param closesAt                  the first instant after its close date (UTC)
     * @param dueDates                  due dates of its milestones (a cycle may lack some)
     * @param pullsTaken                the pull milestones whose snapshot exists
     * @param remindersFinished         whether the automatic reminder run has finished
     * @param reminderCompletedByPerson whether a person completed the REMINDER milestone
     * @param externallyDelivered       whether HubSpot (or another tool) delivers the survey
     * @param createdBeforeClose        whether the cycle was created before its close date ended (not a past survey
     *                                  entered afterwards)
     */
    public record CycleState(boolean closed, boolean recipientsFrozen, Instant closesAt, Map<MilestoneCode, LocalDate> dueDates,
                             Set<MilestoneCode> pullsTaken, boolean remindersFinished, boolean reminderCompletedByPerson,
                             boolean externallyDelivered, boolean createdBeforeClose) {

        public CycleState {
            Objects.requireNonNull(closesAt, "closesAt");
            dueDates = Map.copyOf(dueDates);
            pullsTaken = Set.copyOf(pullsTaken);
        }

        /** A cycle Rhythm delivers itself. */
        public CycleState(boolean closed, boolean recipientsFrozen, Instant closesAt, Map<MilestoneCode, LocalDate> dueDates,
                          Set<MilestoneCode> pullsTaken, boolean remindersFinished, boolean reminderCompletedByPerson) {
            this(closed, recipientsFrozen, closesAt, dueDates, pullsTaken, remindersFinished, reminderCompletedByPerson, false,
                    true);
        }
    }

    /** The first instant after a close date (UTC): when answers stop being accepted and the cycle closes. */
    public static Instant closesAt(LocalDate closeDate) {
        return closeDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The operations due at {@code now}, in the order to perform them. */
    public static List<CycleOperation> at(CycleState cycle, Instant now) {
        if (cycle.closed()) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        boolean accepting = now.isBefore(cycle.closesAt());
        List<CycleOperation> due = new ArrayList<>();
        for (CycleOperation operation : CycleOperation.values()) {
            LocalDate dueDate = cycle.dueDates().get(operation.milestone());
            boolean reached = dueDate != null && !dueDate.isAfter(today);
            boolean needed = switch (operation) {
                case FIRST_PULL, FINAL_PULL -> reached && cycle.recipientsFrozen()
                        && !cycle.pullsTaken().contains(operation.milestone());
                case REMINDERS -> reached && accepting && cycle.recipientsFrozen() && !cycle.remindersFinished()
                        && !cycle.reminderCompletedByPerson() && !cycle.externallyDelivered();
                case CLOSE -> !accepting && (cycle.recipientsFrozen() || cycle.createdBeforeClose());
            };
            if (needed) {
                due.add(operation);
            }
        }
        due.sort(Comparator.comparing((CycleOperation op) -> op == CycleOperation.CLOSE)
                .thenComparing(op -> cycle.dueDates().getOrDefault(op.milestone(), LocalDate.MAX))
                .thenComparing(Comparator.naturalOrder()));
        return List.copyOf(due);
    }
}
