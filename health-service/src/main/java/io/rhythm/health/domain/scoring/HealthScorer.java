package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.LifecycleStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes an explained health score from a model, the client's lifecycle stage and its inputs.
 *
 * <h2>Rule</h2>
 * <ol>
 *   <li>Each input is normalised to 0–100 by its metric's {@link Normalisation}.</li>
 *   <li>A component's value is the weighted mean of its inputs' normalised values.</li>
 *   <li>The score is the weighted sum of the component values, using the component weights of
 *       the client's lifecycle stage (seed 002: weighted composite, weights per lifecycle stage).</li>
 * </ol>
 *
 * <h2>Missing inputs</h2>
 * A missing input (absent key, {@code null}, NaN or infinite) does not count as 0. Its weight is
 * re-distributed proportionally over the component's inputs that have data. A component with no
 * input data at all is reported as "no data" ({@link ComponentScore#value()} {@code null},
 * contribution 0) and its stage weight is re-distributed proportionally over the components that
 * have data; {@link HealthScore#dataCoverage()} says how much of the weight was backed by data.
 * If no weighted component has data, there is no score: {@link InsufficientHealthDataException}.
 * Keys the model does not read are ignored.
 *
 * <h2>Rounding</h2>
 * The published score is the exact weighted sum rounded half-up to one decimal; the band is
 * decided on that published score. Component values and normalised inputs are likewise shown
 * with one decimal. Contributions are whole tenths of a point distributed by the largest-remainder
 * method: each component gets its exact contribution rounded down, and the tenths still missing
 * to reach the published score go to the components with the largest remainders (ties: model
 * order). So contributions always add up exactly to the published score.
 *
 * <p>Stateless and thread-safe; the hot path uses plain loops and small arrays only.
 *
 * <p>Stored scores keep only their model version, stage and inputs, and are explained by running this
 * class on them again (see {@code HealthScoring}). So these rules must not change in place: a change of
 * rule belongs in the model (a new version) or, if the rule itself must change, next to the old one,
 * chosen by the model version, so that old scores keep the explanation they had.
 */
public final class HealthScorer {

    /** Remainders closer than this are a tie (floating-point noise), settled by model order. */
    private static final double REMAINDER_TIE = 1e-9;

    private HealthScorer() {
    }

    /**
     * Scores one client.
     *
     * @param model  the scoring model
     * @param stage  the client's lifecycle stage
     * @param inputs raw input values by metric key
     * @throws InsufficientHealthDataException when no weighted component has any input data
     */
    public static HealthScore score(ScoringModel model, LifecycleStage stage, Map<String, Double> inputs) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(inputs, "inputs");

        List<ComponentDefinition> definitions = model.components();
        int count = definitions.size();
        Map<Component, Double> weights = model.stageWeights().get(stage);
        double weightTotal = 0;
        for (int i = 0; i < count; i++) {
            weightTotal += weights.get(definitions.get(i).component());
        }

        double[] values = new double[count];
        double[] stageWeights = new double[count];
        List<List<InputValue>> explanations = new ArrayList<>(count);
        double coveredWeight = 0;
        for (int i = 0; i < count; i++) {
            ComponentDefinition definition = definitions.get(i);
            List<InputValue> explained = new ArrayList<>(definition.metrics().size());
            values[i] = componentValue(definition.metrics(), inputs, explained);
            explanations.add(explained);
            stageWeights[i] = weights.get(definition.component()) / weightTotal;
            if (!Double.isNaN(values[i])) {
                coveredWeight += stageWeights[i];
            }
        }
        if (coveredWeight <= 0) {
            throw new InsufficientHealthDataException(model, stage);
        }

        double[] effectiveWeights = new double[count];
        double[] exactTenths = new double[count];
        double exactTotalTenths = 0;
        for (int i = 0; i < count; i++) {
            if (!Double.isNaN(values[i])) {
                effectiveWeights[i] = stageWeights[i] / coveredWeight;
                exactTenths[i] = effectiveWeights[i] * values[i] * 10.0;
                exactTotalTenths += exactTenths[i];
            }
        }
        int scoreTenths = Tenths.roundHalfUp(exactTotalTenths);
        int[] contributionTenths = largestRemainder(exactTenths, scoreTenths);

        List<ComponentScore> components = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean hasData = !Double.isNaN(values[i]);
            components.add(new ComponentScore(
                    definitions.get(i).component(),
                    hasData ? Tenths.roundToOneDecimal(values[i]) : null,
                    stageWeights[i],
                    effectiveWeights[i],
                    Tenths.toPoints(contributionTenths[i]),
                    explanations.get(i)));
        }
        double score = Tenths.toPoints(scoreTenths);
        return new HealthScore(model.version(), stage, score, Band.of(score), Math.min(1.0, coveredWeight), components);
    }

    /** Weighted mean of the normalised inputs that have data, or NaN when none has; fills {@code explained}. */
    private static double componentValue(List<Metric> metrics, Map<String, Double> inputs, List<InputValue> explained) {
        int size = metrics.size();
        double[] raw = new double[size];
        double availableWeight = 0;
        for (int j = 0; j < size; j++) {
            Double value = inputs.get(metrics.get(j).key());
            raw[j] = value == null || !Double.isFinite(value) ? Double.NaN : value;
            if (!Double.isNaN(raw[j])) {
                availableWeight += metrics.get(j).weight();
            }
        }
        double weightedSum = 0;
        for (int j = 0; j < size; j++) {
            Metric metric = metrics.get(j);
            if (Double.isNaN(raw[j])) {
                explained.add(new InputValue(metric.key(), null, null, 0.0));
                continue;
            }
            double normalised = metric.normalisation().normalise(raw[j]);
            double weight = metric.weight() / availableWeight;
            weightedSum += weight * normalised;
            explained.add(new InputValue(metric.key(), raw[j], Tenths.roundToOneDecimal(normalised), weight));
        }
        return availableWeight > 0 ? weightedSum : Double.NaN;
    }

    /** Whole tenths per component that add up to {@code totalTenths}: floors, then +1 for the largest remainders. */
    private static int[] largestRemainder(double[] exactTenths, int totalTenths) {
        int count = exactTenths.length;
        int[] tenths = new int[count];
        double[] remainders = new double[count];
        int assigned = 0;
        for (int i = 0; i < count; i++) {
            tenths[i] = (int) Math.floor(exactTenths[i]);
            // components contributing nothing (no data, weight 0 or value 0) never receive a rounding tenth
            remainders[i] = exactTenths[i] > 0 ? exactTenths[i] - tenths[i] : -0.5;
            assigned += tenths[i];
        }
        for (int missing = totalTenths - assigned; missing > 0; missing--) {
            int largest = 0;
            for (int i = 1; i < count; i++) {
                if (remainders[i] > remainders[largest] + REMAINDER_TIE) {
                    largest = i;
                }
            }
            tenths[largest]++;
            remainders[largest] = -1;
        }
        return tenths;
    }
}
