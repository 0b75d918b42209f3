package io.rhythm.segmentation.domain;

/**
 * Keeps one noisy input from flipping a client back and forth: a client moves to a newly computed segment only
 * after {@code required} consecutive assessments put it in the same new cell. The first segment of a client
 * (none yet) is taken at once; an assessment without enough data (UNASSIGNED) changes nothing, not even the count;
 * an assessment back in the current segment clears the pending move. Pure.
 */
public final class ConfirmationRule {

    private ConfirmationRule() {
    }

    /**
     * @param migrateTo the segment to move to now, or null to stay
     * @param pending   the candidate segment still waiting for confirmation, or null
     * @param count     how many consecutive assessments put the client in {@code pending}
     */
    public record Decision(Segment migrateTo, Segment pending, int count) {
    }

    public static Decision next(Segment current, Segment computed, Segment pending, int count, int required) {
        if (computed == null) {
            return new Decision(null, pending, count);
        }
        if (current == null) {
            return new Decision(computed, null, 0);
        }
        if (computed == current) {
            return new Decision(null, null, 0);
        }
        int seen = computed == pending ? count + 1 : 1;
        if (seen >= required) {
            return new Decision(computed, null, 0);
        }
        return new Decision(null, computed, seen);
    }
}
