package io.rhythm.planning.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Seed 000's early warning "pipeline stage movement" (monitored monthly) for one opportunity over a window
 * [{@code from}, {@code to}): how its stage moved, from its stage history. Only a change of stage is movement (a new
 * probability at the same stage is not):
 * <ul>
 *   <li>REGRESSED — within the window it went back to an earlier open stage, or was lost (CLOSED_LOST);</li>
 *   <li>ADVANCED — it moved forward (won included) and never back;</li>
 *   <li>STALLED — open at the start and at the end of the window with no change of stage in it;</li>
 *   <li>NEW — created within the window and has not changed stage since.</li>
 * </ul>
 * REGRESSED and STALLED are the warnings. Opportunities closed before the window, or created after it, have no
 * movement (empty).
 */
public final class StageMovement {

    public enum Movement { REGRESSED, STALLED, ADVANCED, NEW }

    /** One step of the history (oldest first). */
    public record Step(OpportunityStage stage, Instant changedAt) {
    }

    /**
     * @param stageAtStart    the stage when the window opened (null: created within it)
     * @param stage           the stage when the window closed
     * @param stageChanges    changes of stage within the window
     * @param lastStageChange when it last changed stage (or was created) before the window closed
     */
    public record Result(Movement movement, OpportunityStage stageAtStart, OpportunityStage stage, int stageChanges,
                         Instant lastStageChange, long daysSinceStageChange) {

        public boolean warning() {
            return movement == Movement.REGRESSED || movement == Movement.STALLED;
        }
    }

    private StageMovement() {
    }

    public static Optional<Result> of(List<Step> history, Instant from, Instant to) {
        OpportunityStage atStart = null;
        OpportunityStage current = null;
        Instant lastChange = null;
        int changes = 0;
        boolean back = false;
        boolean forward = false;
        for (Step step : history) {
            if (!step.changedAt().isBefore(to)) {
                break;
            }
            boolean inWindow = !step.changedAt().isBefore(from);
            if (!inWindow) {
                atStart = step.stage();
            }
            if (current == null || step.stage() != current) {
                if (current != null && inWindow) {
                    changes++;
                    if (regression(current, step.stage())) {
                        back = true;
                    } else {
                        forward = true;
                    }
                }
                lastChange = step.changedAt();
                current = step.stage();
            }
        }
        if (current == null || (atStart != null && atStart.closed())) {
            return Optional.empty();
        }
        Movement movement = back ? Movement.REGRESSED : forward ? Movement.ADVANCED
                : atStart == null ? Movement.NEW : Movement.STALLED;
        return Optional.of(new Result(movement, atStart, current, changes, lastChange,
                Duration.between(lastChange, to).toDays()));
    }

    /** Lost, or back to an earlier stage. */
    static boolean regression(OpportunityStage from, OpportunityStage to) {
        return to == OpportunityStage.CLOSED_LOST || (!to.closed() && to.ordinal() < from.ordinal());
    }
}
