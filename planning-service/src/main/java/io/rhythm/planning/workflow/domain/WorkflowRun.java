package io.rhythm.planning.workflow.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The step state machine, without persistence. Steps progress strictly in order: exactly one step is ACTIVE
 * while the workflow runs, and only the active step can be completed. After a completion:
 * <ul>
 *   <li>an Approval with outcome {@value #REJECTED} reopens the previous step (the work is redone and approved again);
 *       a rejected first step stays active;</li>
 *   <li>a Decision whose outcome {@code endsWorkflow} ends the instance (ENDED) and skips the remaining steps;</li>
 *   <li>otherwise the next step becomes active, or the instance is COMPLETED after its last step.</li>
 * </ul>
 */
public final class WorkflowRun {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    private WorkflowRun() {
    }

    /**
     * What a completion leads to.
     *
     * @param status      the workflow's status afterwards
     * @param nextActive  the step that becomes active (1-based), empty when the workflow is over
     * @param skipped     steps skipped because the workflow ended early
     * @param reopened    true when a rejection sent the work back to {@code nextActive}
     */
    public record Transition(WorkflowStatus status, Optional<Integer> nextActive, List<Integer> skipped, boolean reopened) {
    }

    /** The outcome a step of this type accepts, or a message saying what is wrong; empty when acceptable. */
    public static Optional<String> outcomeProblem(WorkflowDefinition.Step step, String outcome) {
        return switch (step.type()) {
            case APPROVAL -> APPROVED.equals(outcome) || REJECTED.equals(outcome) ? Optional.empty()
                    : Optional.of("must be " + APPROVED + " or " + REJECTED + " for an Approval");
            case DECISION -> step.outcome(outcome == null ? "" : outcome).isPresent() ? Optional.empty()
                    : Optional.of("must be one of " + step.outcomes().stream().map(WorkflowDefinition.Outcome::key).toList());
            default -> outcome == null ? Optional.empty() : Optional.of("only an Approval or a Decision has an outcome");
        };
    }

    /**
     * @param position the active step just completed (1-based)
     * @param outcome  its outcome (approval/decision), null otherwise; already checked with {@link #outcomeProblem}
     */
    public static Transition after(WorkflowDefinition definition, int position, String outcome) {
        int last = definition.steps().size();
        if (position < 1 || position > last) {
            throw new IllegalArgumentException("no step " + position + " in a workflow of " + last + " steps");
        }
        WorkflowDefinition.Step step = definition.step(position);
        if (step.type() == StepType.APPROVAL && REJECTED.equals(outcome)) {
            return new Transition(WorkflowStatus.RUNNING, Optional.of(Math.max(1, position - 1)), List.of(), position > 1);
        }
        if (step.type() == StepType.DECISION && step.outcome(outcome).map(WorkflowDefinition.Outcome::ends).orElse(false)) {
            List<Integer> skipped = new ArrayList<>();
            for (int p = position + 1; p <= last; p++) {
                skipped.add(p);
            }
            return new Transition(WorkflowStatus.ENDED, Optional.empty(), skipped, false);
        }
        if (position == last) {
            return new Transition(WorkflowStatus.COMPLETED, Optional.empty(), List.of(), false);
        }
        return new Transition(WorkflowStatus.RUNNING, Optional.of(position + 1), List.of(), false);
    }
}
