package io.rhythm.health.domain.scoring;

import java.util.List;

/**
 * One component's part in a score: its value, its weight and the points it contributes.
 *
 * @param component       which component
 * @param value           0–100 (one decimal), or {@code null} when none of its inputs had data ("no data")
 * @param stageWeight     the model's weight for the client's lifecycle stage, as a fraction of 1
 * @param effectiveWeight the weight actually used, as a fraction of 1: the stage weight
 *                        re-distributed over the components that had data; 0 without data
 * @param contribution    points contributed to the published score (one decimal); the
 *                        contributions of a score add up exactly to it
 * @param inputs          the inputs behind the value, in model order
 */
public record ComponentScore(Component component, Double value, double stageWeight, double effectiveWeight,
                             double contribution, List<InputValue> inputs) {

    public ComponentScore {
        inputs = List.copyOf(inputs);
    }

    /** False when none of the component's inputs had data; it then contributes nothing. */
    public boolean hasData() {
        return value != null;
    }
}
