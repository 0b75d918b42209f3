package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.LifecycleStage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A health scoring model, as data: its components, each component's metrics (normalisation and
 * weight within the component), and the weight of every component per lifecycle stage
 * (seed 002: "Align health score models with customer lifecycle stages, adjusting weightings
 * for onboarding, expansion, and renewal phases").
 *
 * <p>Models are versioned and immutable: a change is a new version; scores keep the version
 * that produced them. A model is validated when it is created (also when read from JSON) and
 * rejected with an {@link InvalidScoringModelException} listing every problem:
 * <ul>
 *   <li>version ≥ 1, a name, at least one component, each component at most once;</li>
 *   <li>each component has at least one metric; metric keys are unique across the model;
 *       each normalisation has finite, different worst and best values; metric weights are
 *       &gt; 0 and sum to 1.0 or 100 within their component;</li>
 *   <li>every lifecycle stage has a weight for every defined component (0 leaves it out of that
 *       stage), weights are ≥ 0 and sum to 1.0 (fractions) or 100 (percent) per stage; no
 *       weight for a component the model does not define.</li>
 * </ul>
 * Weights are kept as written (fractions or percent); {@link #stageWeight} gives the fraction.
 *
 * @param version      the model version (≥ 1)
 * @param name         a name for people
 * @param components   the components in display order
 * @param stageWeights per lifecycle stage, the weight of each component
 */
public record ScoringModel(int version, String name, List<ComponentDefinition> components,
                           Map<LifecycleStage, Map<Component, Double>> stageWeights) {

    public ScoringModel {
        List<String> problems = ScoringModelValidation.problemsOf(version, name, components, stageWeights);
        if (!problems.isEmpty()) {
            throw new InvalidScoringModelException(version, problems);
        }
        components = List.copyOf(components);
        stageWeights = copyOf(stageWeights);
    }

    /** The same model under another version number and name, e.g. as the base of the next version. */
    public ScoringModel withVersion(int newVersion, String newName) {
        return new ScoringModel(newVersion, newName, components, stageWeights);
    }

    /** A copy with the weights of one stage replaced (validated like any model). */
    public ScoringModel withStageWeights(LifecycleStage stage, Map<Component, Double> weights) {
        Map<LifecycleStage, Map<Component, Double>> changed = new EnumMap<>(stageWeights);
        changed.put(stage, weights);
        return new ScoringModel(version, name, components, changed);
    }

    /** The weight of a component in a stage as a fraction of 1 (0 if the model does not define it). */
    public double stageWeight(LifecycleStage stage, Component component) {
        Map<Component, Double> weights = stageWeights.get(stage);
        Double weight = weights.get(component);
        if (weight == null) {
            return 0.0;
        }
        double sum = 0;
        for (Double each : weights.values()) {
            sum += each;
        }
        return weight / sum;
    }

    /** Whether one of the model's components reads this metric (without building a list: ingest asks it per signal). */
    public boolean reads(String metricKey) {
        for (ComponentDefinition definition : components) {
            for (Metric metric : definition.metrics()) {
                if (metric.key().equals(metricKey)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every metric key the model reads, in model order. */
    public List<String> metricKeys() {
        List<String> keys = new ArrayList<>();
        for (ComponentDefinition definition : components) {
            for (Metric metric : definition.metrics()) {
                keys.add(metric.key());
            }
        }
        return Collections.unmodifiableList(keys);
    }

    private static Map<LifecycleStage, Map<Component, Double>> copyOf(Map<LifecycleStage, Map<Component, Double>> stageWeights) {
        Map<LifecycleStage, Map<Component, Double>> copy = new EnumMap<>(LifecycleStage.class);
        for (LifecycleStage stage : LifecycleStage.values()) {
            copy.put(stage, Collections.unmodifiableMap(new EnumMap<>(stageWeights.get(stage))));
        }
        return Collections.unmodifiableMap(copy);
    }
}
