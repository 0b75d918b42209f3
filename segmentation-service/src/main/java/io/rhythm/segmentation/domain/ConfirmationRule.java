package io.rhythm.segmentation.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps one noisy input from flipping a client back and forth (a model setting): a client moves to a newly computed
 * segment only once it is confirmed — by {@code consecutiveInputs} consecutive assessments putting it in the same new
 * cell, or by having sat in that cell for {@code days} days (24-hour days from the first assessment that put it
 * there, with no assessment elsewhere since), whichever comes first; either setting may be absent, not both.
 * <ul>
 *   <li>The first segment of a client (none yet) is taken at once.</li>
 *   <li>An assessment without enough data (UNASSIGNED) changes nothing, not even the count or the start.</li>
 *   <li>An assessment back in the current segment clears the pending move; one in another new cell restarts it.</li>
 *   <li>A move confirmed by inputs is effective at the confirming assessment; one confirmed by days at the moment the
 *       days were up ({@code pendingSince + days}), also when it is noticed later (a later input or the daily pass).</li>
 * </ul>
 * Pure.
 */
public record ConfirmationRule(Integer consecutiveInputs, Integer days) {

    /** Model activation: the new model's placement is taken at once. */
    public static final ConfirmationRule IMMEDIATE = new ConfirmationRule(1, null);

    /** A move waiting for confirmation: the candidate segment, how many consecutive assessments put it there, since when. */
    public record Pending(Segment segment, int count, Instant since) {
        public static final Pending NONE = new Pending(null, 0, null);
    }

    /** {@code migrateTo} the segment to move to (null to stay), effective at {@code effectiveAt}; the pending move after. */
    public record Decision(Segment migrateTo, Instant effectiveAt, Pending pending) {
    }

    /** Every problem of the setting (fields under {@code confirmation.}), empty when it is valid. */
    public java.util.List<ModelProblem> problems() {
        java.util.List<ModelProblem> problems = new java.util.ArrayList<>();
        if (consecutiveInputs == null && days == null) {
            problems.add(new ModelProblem("confirmation", "needs consecutiveInputs, days or both"));
        }
        if (consecutiveInputs != null && (consecutiveInputs < 1 || consecutiveInputs > 10)) {
            problems.add(new ModelProblem("confirmation.consecutiveInputs", "must be between 1 and 10"));
        }
        if (days != null && (days < 1 || days > 365)) {
            problems.add(new ModelProblem("confirmation.days", "must be between 1 and 365"));
        }
        return problems;
    }

    /** An assessment at {@code now} computed {@code computed} (null: not enough data) for a client in {@code current}. */
    public Decision next(Segment current, Segment computed, Pending pending, Instant now) {
        if (computed == null) {
            return new Decision(null, null, pending);
        }
        if (current == null) {
            return new Decision(computed, now, Pending.NONE);
        }
        if (computed == current) {
            return new Decision(null, null, Pending.NONE);
        }
        boolean same = computed == pending.segment() && pending.since() != null;
        Pending seen = same ? new Pending(computed, pending.count() + 1, pending.since()) : new Pending(computed, 1, now);
        Instant daysUp = daysUp(seen);
        if (daysUp != null && !daysUp.isAfter(now)) {
            return new Decision(computed, daysUp, Pending.NONE);
        }
        if (consecutiveInputs != null && seen.count() >= consecutiveInputs) {
            return new Decision(computed, now, Pending.NONE);
        }
        return new Decision(null, null, seen);
    }

    /** No new input, only time: at {@code now}, has the pending move sat in its cell for {@code days} days? */
    public Decision elapsed(Pending pending, Instant now) {
        Instant daysUp = daysUp(pending);
        if (pending.segment() != null && daysUp != null && !daysUp.isAfter(now)) {
            return new Decision(pending.segment(), daysUp, Pending.NONE);
        }
        return new Decision(null, null, pending);
    }

    /** When {@code pending} will have sat {@code days} days in its cell; null without a day rule or a start. */
    public Instant daysUp(Pending pending) {
        return days == null || pending.since() == null ? null : pending.since().plus(Duration.ofDays(days));
    }
}
