package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.LifecycleStage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small hand-checkable models for the tests. */
final class TestModels {

    private TestModels() {
    }

    /**
     * Five components, simple inputs:
     * usage = u1 (0→100, weight 0.5) and u2 (0→10, weight 0.5); support = urgent tickets (2→0);
     * financial = overdue invoices (3→0); relational = nps (0→10); engagement = meetings (0→3).
     * Stage weights (usage, support, financial, relational, engagement):
     * ONBOARDING 0.6/0.1/0.1/0/0.2, ADOPTION and RENEWAL 0.2 each, MATURE 0.3/0.2/0.15/0.2/0.15,
     * EXPANSION 0.4/0.1/0.1/0.3/0.1.
     */
    static ScoringModel fiveComponents() {
        List<ComponentDefinition> components = List.of(
                component(Component.USAGE, metric("u1", 0, 100, 0.5), metric("u2", 0, 10, 0.5)),
                component(Component.SUPPORT, metric("urgent", 2, 0, 1.0)),
                component(Component.FINANCIAL, metric("overdue", 3, 0, 1.0)),
                component(Component.RELATIONAL, metric("nps", 0, 10, 1.0)),
                component(Component.ENGAGEMENT, metric("meetings", 0, 3, 1.0)));
        Map<LifecycleStage, Map<Component, Double>> weights = new EnumMap<>(LifecycleStage.class);
        weights.put(LifecycleStage.ONBOARDING, weights(0.6, 0.1, 0.1, 0.0, 0.2));
        weights.put(LifecycleStage.ADOPTION, weights(0.2, 0.2, 0.2, 0.2, 0.2));
        weights.put(LifecycleStage.MATURE, weights(0.30, 0.20, 0.15, 0.20, 0.15));
        weights.put(LifecycleStage.EXPANSION, weights(0.4, 0.1, 0.1, 0.3, 0.1));
        weights.put(LifecycleStage.RENEWAL, weights(0.2, 0.2, 0.2, 0.2, 0.2));
        return new ScoringModel(7, "five components", components, weights);
    }

    /** One component (USAGE) with one input "x" normalised 0→0 … 100→100: the score is x rounded. */
    static ScoringModel identity() {
        return new ScoringModel(1, "identity",
                List.of(component(Component.USAGE, metric("x", 0, 100, 1.0))),
                allStages(Map.of(Component.USAGE, 1.0)));
    }

    static ComponentDefinition component(Component component, Metric... metrics) {
        return new ComponentDefinition(component, List.of(metrics));
    }

    static Metric metric(String key, double worst, double best, double weight) {
        return new Metric(key, key, "units", new Normalisation(worst, best), weight);
    }

    static Map<Component, Double> weights(double usage, double support, double financial, double relational, double engagement) {
        Map<Component, Double> weights = new EnumMap<>(Component.class);
        weights.put(Component.USAGE, usage);
        weights.put(Component.SUPPORT, support);
        weights.put(Component.FINANCIAL, financial);
        weights.put(Component.RELATIONAL, relational);
        weights.put(Component.ENGAGEMENT, engagement);
        return weights;
    }

    static Map<LifecycleStage, Map<Component, Double>> allStages(Map<Component, Double> weights) {
        Map<LifecycleStage, Map<Component, Double>> all = new EnumMap<>(LifecycleStage.class);
        for (LifecycleStage stage : LifecycleStage.values()) {
            all.put(stage, weights);
        }
        return all;
    }
}
