package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.LifecycleStage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects every problem of a scoring model, so that one answer lists them all. */
final class ScoringModelValidation {

    private static final double FRACTION_TOTAL = 1.0;
    private static final double FRACTION_TOLERANCE = 1e-6;
    private static final double PERCENT_TOTAL = 100.0;
    private static final double PERCENT_TOLERANCE = 1e-4;

    private ScoringModelValidation() {
    }

    static List<String> problemsOf(int version, String name, List<ComponentDefinition> components,
                                   Map<LifecycleStage, Map<Component, Double>> stageWeights) {
        List<String> problems = new ArrayList<>();
        if (version < 1) {
            problems.add("version must be 1 or higher, was " + version);
        }
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        }
        Set<Component> defined = checkComponents(components, problems);
        checkStageWeights(stageWeights, defined, problems);
        return problems;
    }

    /** True when weights sum to 1.0 (fractions) or 100 (percent), within a rounding tolerance. */
    static boolean isWholeTotal(double sum) {
        return Math.abs(sum - FRACTION_TOTAL) <= FRACTION_TOLERANCE
                || Math.abs(sum - PERCENT_TOTAL) <= PERCENT_TOLERANCE;
    }

    private static Set<Component> checkComponents(List<ComponentDefinition> components, List<String> problems) {
        Set<Component> defined = EnumSet.noneOf(Component.class);
        if (components == null || components.isEmpty()) {
            problems.add("at least one component is required");
            return defined;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            ComponentDefinition definition = components.get(i);
            if (definition == null) {
                problems.add("components[" + i + "] is missing");
                continue;
            }
            String label = definition.component() == null ? "components[" + i + "]" : "component " + definition.component();
            if (definition.component() == null) {
                problems.add(label + ": which component it is (USAGE, SUPPORT, FINANCIAL, RELATIONAL, ENGAGEMENT) is required");
            } else if (!defined.add(definition.component())) {
                problems.add(label + " is defined more than once");
            }
            checkMetrics(label, definition.metrics(), keys, problems);
        }
        return defined;
    }

    private static void checkMetrics(String component, List<Metric> metrics, Set<String> keys, List<String> problems) {
        if (metrics == null || metrics.isEmpty()) {
            problems.add(component + ": at least one input is required");
            return;
        }
        double sum = 0;
        boolean weightsUsable = true;
        for (int i = 0; i < metrics.size(); i++) {
            Metric metric = metrics.get(i);
            String label = component + ", input #" + (i + 1);
            if (metric == null) {
                problems.add(label + " is missing");
                weightsUsable = false;
                continue;
            }
            if (metric.key() == null || metric.key().isBlank()) {
                problems.add(label + ": key is required");
            } else {
                label = component + ", input '" + metric.key() + "'";
                if (!keys.add(metric.key())) {
                    problems.add("input key '" + metric.key() + "' is used more than once (keys are unique across the model)");
                }
            }
            checkNormalisation(label, metric.normalisation(), problems);
            if (!Double.isFinite(metric.weight()) || metric.weight() <= 0) {
                problems.add(label + ": weight must be greater than 0, was " + format(metric.weight()));
                weightsUsable = false;
            } else {
                sum += metric.weight();
            }
        }
        if (weightsUsable && !isWholeTotal(sum)) {
            problems.add(component + ": input weights sum to " + format(sum)
                    + "; they must sum to 1.0 (fractions) or 100 (percent)");
        }
    }

    private static void checkNormalisation(String label, Normalisation normalisation, List<String> problems) {
        if (normalisation == null) {
            problems.add(label + ": normalisation (worst, best) is required");
            return;
        }
        if (!Double.isFinite(normalisation.worst()) || !Double.isFinite(normalisation.best())) {
            problems.add(label + ": worst and best must be finite numbers, were "
                    + format(normalisation.worst()) + " and " + format(normalisation.best()));
        } else if (normalisation.worst() == normalisation.best()) {
            problems.add(label + ": worst and best must differ, both are " + format(normalisation.worst()));
        }
    }

    private static void checkStageWeights(Map<LifecycleStage, Map<Component, Double>> stageWeights,
                                          Set<Component> defined, List<String> problems) {
        if (stageWeights == null) {
            problems.add("component weights per lifecycle stage are required");
            return;
        }
        for (LifecycleStage stage : LifecycleStage.values()) {
            Map<Component, Double> weights = stageWeights.get(stage);
            if (weights == null) {
                problems.add("stage " + stage + ": component weights are missing");
                continue;
            }
            double sum = 0;
            boolean weightsUsable = true;
            for (Component component : Component.values()) {
                Double weight = weights.get(component);
                boolean isDefined = defined.contains(component);
                if (weight == null) {
                    if (isDefined) {
                        problems.add("stage " + stage + ": no weight for " + component + " (use 0 to leave it out of this stage)");
                        weightsUsable = false;
                    }
                    continue;
                }
                if (!isDefined) {
                    problems.add("stage " + stage + ": weight given for " + component + ", which the model does not define");
                    continue;
                }
                if (!Double.isFinite(weight) || weight < 0) {
                    problems.add("stage " + stage + ": weight of " + component + " must be 0 or more, was " + format(weight));
                    weightsUsable = false;
                } else {
                    sum += weight;
                }
            }
            for (Component component : weights.keySet()) {
                if (component == null) {
                    problems.add("stage " + stage + ": a weight is given without a component");
                }
            }
            if (weightsUsable && !defined.isEmpty() && !isWholeTotal(sum)) {
                problems.add("stage " + stage + ": component weights sum to " + format(sum)
                        + "; they must sum to 1.0 (fractions) or 100 (percent)");
            }
        }
    }

    private static String format(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
