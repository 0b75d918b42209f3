package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.LifecycleStage;

import java.util.List;
import java.util.Optional;

/**
 * An explained health score (issue 4, "Each score is explainable"): the score 0–100 with one
 * decimal, its band, the model version that produced it, and per component the value, weight
 * and contribution in points with the inputs behind it. The contributions add up exactly to
 * {@code score} (in tenths of a point; see {@link HealthScorer} for the rounding rule).
 *
 * @param modelVersion the version of the model that produced the score
 * @param stage        the lifecycle stage whose weights were used
 * @param score        0–100, one decimal, rounded half-up
 * @param band         the band of {@code score}
 * @param dataCoverage share (0–1) of the stage's component weight that was backed by data; below
 *                     1 when a weighted component had no data and its weight was re-distributed
 * @param components   one entry per component of the model, in model order
 */
public record HealthScore(int modelVersion, LifecycleStage stage, double score, Band band,
                          double dataCoverage, List<ComponentScore> components) {

    public HealthScore {
        components = List.copyOf(components);
    }

    /** The entry of one component, if the model has it. */
    public Optional<ComponentScore> component(Component component) {
        for (ComponentScore each : components) {
            if (each.component() == component) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    /** Points contributed by a component; 0 when it had no data or the model does not have it. */
    public double contributionOf(Component component) {
        return component(component).map(ComponentScore::contribution).orElse(0.0);
    }
}
