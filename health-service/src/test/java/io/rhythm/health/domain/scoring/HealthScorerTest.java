package io.rhythm.health.domain.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.health.domain.LifecycleStage;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.rhythm.health.domain.scoring.TestModels.allStages;
import static io.rhythm.health.domain.scoring.TestModels.component;
import static io.rhythm.health.domain.scoring.TestModels.metric;
import static io.rhythm.health.domain.scoring.TestModels.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class HealthScorerTest {

    private static final ScoringModel MODEL = TestModels.fiveComponents();

    /** usage (60→60, 8/10→80) = 70; support 1 urgent of 2 = 50; financial 0 overdue = 100; nps 7 = 70; 3 meetings = 100. */
    private static Map<String, Double> typicalInputs() {
        Map<String, Double> inputs = new HashMap<>();
        inputs.put("u1", 60.0);
        inputs.put("u2", 8.0);
        inputs.put("urgent", 1.0);
        inputs.put("overdue", 0.0);
        inputs.put("nps", 7.0);
        inputs.put("meetings", 3.0);
        return inputs;
    }

    @Test
    void theScoreIsTheWeightedSumOfComponentValues() {
        HealthScore score = HealthScorer.score(MODEL, LifecycleStage.MATURE, typicalInputs());

        // 0.30*70 + 0.20*50 + 0.15*100 + 0.20*70 + 0.15*100 = 21 + 10 + 15 + 14 + 15
        assertThat(score.score()).isEqualTo(75.0);
        assertThat(score.band()).isEqualTo(Band.STABLE);
        assertThat(score.modelVersion()).isEqualTo(7);
        assertThat(score.stage()).isEqualTo(LifecycleStage.MATURE);
        assertThat(score.dataCoverage()).isCloseTo(1.0, within(1e-12));
        assertThat(score.components())
                .extracting(ComponentScore::component, ComponentScore::value, ComponentScore::contribution)
                .containsExactly(
                        tuple(Component.USAGE, 70.0, 21.0),
                        tuple(Component.SUPPORT, 50.0, 10.0),
                        tuple(Component.FINANCIAL, 100.0, 15.0),
                        tuple(Component.RELATIONAL, 70.0, 14.0),
                        tuple(Component.ENGAGEMENT, 100.0, 15.0));
    }

    @Test
    void eachComponentExplainsItsInputs() {
        HealthScore score = HealthScorer.score(MODEL, LifecycleStage.MATURE, typicalInputs());

        ComponentScore usage = score.component(Component.USAGE).orElseThrow();
        assertThat(usage.stageWeight()).isCloseTo(0.30, within(1e-12));
        assertThat(usage.effectiveWeight()).isCloseTo(0.30, within(1e-12));
        assertThat(usage.inputs())
                .extracting(InputValue::key, InputValue::raw, InputValue::normalised, InputValue::effectiveWeight)
                .containsExactly(tuple("u1", 60.0, 60.0, 0.5), tuple("u2", 8.0, 80.0, 0.5));
        assertThat(score.component(Component.SUPPORT).orElseThrow().inputs())
                .extracting(InputValue::key, InputValue::raw, InputValue::normalised)
                .containsExactly(tuple("urgent", 1.0, 50.0));
    }

    @Test
    void theLifecycleStageChoosesTheWeights() {
        Map<String, Double> inputs = typicalInputs();

        // RENEWAL: 0.2 * (70 + 50 + 100 + 70 + 100) = 78
        assertThat(HealthScorer.score(MODEL, LifecycleStage.RENEWAL, inputs).score()).isEqualTo(78.0);
        // ONBOARDING: 0.6*70 + 0.1*50 + 0.1*100 + 0*70 + 0.2*100 = 42 + 5 + 10 + 0 + 20
        HealthScore onboarding = HealthScorer.score(MODEL, LifecycleStage.ONBOARDING, inputs);
        assertThat(onboarding.score()).isEqualTo(77.0);
        ComponentScore relational = onboarding.component(Component.RELATIONAL).orElseThrow();
        assertThat(relational.value()).as("a zero-weight component is still shown").isEqualTo(70.0);
        assertThat(relational.contribution()).isZero();
        assertThat(onboarding.dataCoverage()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void anExpansionClientIsScoredWithTheExpansionWeights() {
        // EXPANSION: 0.4*70 + 0.1*50 + 0.1*100 + 0.3*70 + 0.1*100 = 28 + 5 + 10 + 21 + 10 = 74 (MATURE gives 75)
        HealthScore expansion = HealthScorer.score(MODEL, LifecycleStage.EXPANSION, typicalInputs());

        assertThat(expansion.score()).isEqualTo(74.0);
        assertThat(expansion.stage()).isEqualTo(LifecycleStage.EXPANSION);
        assertThat(expansion.component(Component.USAGE).orElseThrow().stageWeight()).isCloseTo(0.4, within(1e-12));
        assertThat(expansion.component(Component.RELATIONAL).orElseThrow().stageWeight()).isCloseTo(0.3, within(1e-12));
        assertThat(HealthScorer.score(MODEL, LifecycleStage.MATURE, typicalInputs()).score()).isEqualTo(75.0);
    }

    @Test
    void weightsInPercentScoreLikeFractions() {
        ScoringModel inPercent = MODEL.withStageWeights(LifecycleStage.MATURE, weights(30, 20, 15, 20, 15));

        assertThat(HealthScorer.score(inPercent, LifecycleStage.MATURE, typicalInputs()))
                .isEqualTo(HealthScorer.score(MODEL, LifecycleStage.MATURE, typicalInputs()));
    }

    @Test
    void aMissingInputLeavesItsWeightToTheOtherInputsOfItsComponent() {
        Map<String, Double> inputs = typicalInputs();
        inputs.remove("u2");

        HealthScore score = HealthScorer.score(MODEL, LifecycleStage.MATURE, inputs);

        ComponentScore usage = score.component(Component.USAGE).orElseThrow();
        assertThat(usage.value()).isEqualTo(60.0);
        assertThat(usage.inputs())
                .extracting(InputValue::key, InputValue::hasData, InputValue::normalised, InputValue::effectiveWeight)
                .containsExactly(tuple("u1", true, 60.0, 1.0), tuple("u2", false, null, 0.0));
        // 0.30*60 + 10 + 15 + 14 + 15
        assertThat(score.score()).isEqualTo(72.0);
    }

    @Test
    void nullNanAndInfiniteInputsCountAsMissing() {
        Map<String, Double> inputs = typicalInputs();
        inputs.put("u2", null);
        inputs.put("urgent", Double.NaN);
        inputs.put("overdue", Double.POSITIVE_INFINITY);

        HealthScore score = HealthScorer.score(MODEL, LifecycleStage.MATURE, inputs);

        assertThat(score.component(Component.USAGE).orElseThrow().value()).isEqualTo(60.0);
        assertThat(score.component(Component.SUPPORT).orElseThrow().hasData()).isFalse();
        assertThat(score.component(Component.FINANCIAL).orElseThrow().hasData()).isFalse();
    }

    @Test
    void aComponentWithoutDataIsReportedAndItsWeightRedistributed() {
        Map<String, Double> inputs = typicalInputs();
        inputs.remove("nps");

        HealthScore score = HealthScorer.score(MODEL, LifecycleStage.MATURE, inputs);

        // covered weight 0.8: usage .375, support .25, financial .1875, engagement .1875
        // exact 26.25 + 12.5 + 18.75 + 18.75 = 76.25 → 76.3 (half-up)
        assertThat(score.score()).isEqualTo(76.3);
        assertThat(score.dataCoverage()).isCloseTo(0.8, within(1e-12));
        ComponentScore relational = score.component(Component.RELATIONAL).orElseThrow();
        assertThat(relational.hasData()).isFalse();
        assertThat(relational.value()).isNull();
        assertThat(relational.stageWeight()).isCloseTo(0.20, within(1e-12));
        assertThat(relational.effectiveWeight()).isZero();
        assertThat(relational.contribution()).isZero();
        assertThat(relational.inputs()).extracting(InputValue::hasData).containsExactly(false);
        assertThat(score.component(Component.USAGE).orElseThrow().effectiveWeight()).isCloseTo(0.375, within(1e-12));
        // tenths 262.5, 125, 187.5, 187.5 → floors 761, two tenths to the largest remainders (ties: model order)
        assertThat(score.components()).extracting(ComponentScore::contribution)
                .containsExactly(26.3, 12.5, 18.8, 0.0, 18.7);
    }

    @Test
    void contributionsUseLargestRemainderToAddUpToTheScore() {
        ScoringModel model = new ScoringModel(1, "three",
                List.of(component(Component.USAGE, metric("a", 0, 100, 1)),
                        component(Component.SUPPORT, metric("b", 0, 100, 1)),
                        component(Component.FINANCIAL, metric("c", 0, 100, 1))),
                allStages(Map.of(Component.USAGE, 0.5, Component.SUPPORT, 0.25, Component.FINANCIAL, 0.25)));

        HealthScore score = HealthScorer.score(model, LifecycleStage.MATURE, Map.of("a", 33.3, "b", 33.3, "c", 33.5));

        // exact 16.65 + 8.325 + 8.375 = 33.35 → 33.4; floors 16.6 + 8.3 + 8.3 = 33.2; +0.1 to c (.75) and a (.5)
        assertThat(score.score()).isEqualTo(33.4);
        assertThat(score.components()).extracting(ComponentScore::contribution).containsExactly(16.7, 8.3, 8.4);
    }

    @Test
    void noDataAtAllIsNoScore() {
        assertThatThrownBy(() -> HealthScorer.score(MODEL, LifecycleStage.MATURE, Map.of("unknown", 1.0)))
                .isInstanceOf(InsufficientHealthDataException.class)
                .hasMessageContaining("stage MATURE of scoring model version 7")
                .hasMessageContaining("[u1, u2, urgent, overdue, nps, meetings]");
    }

    @Test
    void dataOnlyForAComponentWithoutWeightInTheStageIsNoScore() {
        assertThatThrownBy(() -> HealthScorer.score(MODEL, LifecycleStage.ONBOARDING, Map.of("nps", 9.0)))
                .isInstanceOf(InsufficientHealthDataException.class);
        assertThat(HealthScorer.score(MODEL, LifecycleStage.MATURE, Map.of("nps", 9.0)).score()).isEqualTo(90.0);
    }

    @Test
    void unknownInputsAreIgnored() {
        Map<String, Double> inputs = typicalInputs();
        inputs.put("not.in.model", 1_000.0);

        assertThat(HealthScorer.score(MODEL, LifecycleStage.MATURE, inputs).score()).isEqualTo(75.0);
    }

    @Test
    void contributionsAlwaysAddUpExactlyToThePublishedScore() {
        ScoringModel model = DefaultScoringModel.v1();
        List<String> keys = model.metricKeys();
        java.util.Random random = new java.util.Random(20260101L);
        for (int client = 0; client < 20_000; client++) {
            Map<String, Double> inputs = new HashMap<>();
            for (String key : keys) {
                if (random.nextInt(5) > 0) {
                    inputs.put(key, random.nextDouble() * 120.0 - 10.0);
                }
            }
            inputs.put(keys.get(random.nextInt(keys.size())), random.nextDouble() * 100.0);
            LifecycleStage stage = LifecycleStage.values()[random.nextInt(LifecycleStage.values().length)];

            HealthScore score = HealthScorer.score(model, stage, inputs);

            int sumOfTenths = 0;
            for (ComponentScore component : score.components()) {
                int tenths = (int) Math.round(component.contribution() * 10);
                assertThat(tenths / 10.0).isEqualTo(component.contribution());
                assertThat(tenths).isNotNegative();
                if (component.hasData()) {
                    double exact = component.effectiveWeight() * component.value();
                    assertThat(component.contribution()).isCloseTo(exact, within(0.1 + component.effectiveWeight() * 0.05 + 1e-9));
                } else {
                    assertThat(tenths).isZero();
                }
                sumOfTenths += tenths;
            }
            assertThat(sumOfTenths).as("client %d", client).isEqualTo((int) Math.round(score.score() * 10));
            assertThat(new java.math.BigDecimal(String.valueOf(score.score())).scale()).isLessThanOrEqualTo(1);
            assertThat(score.score()).isBetween(0.0, 100.0);
            assertThat(score.band()).isEqualTo(Band.of(score.score()));
        }
    }

    @Test
    void aScoreRoundTripsThroughJson() throws Exception {
        Map<String, Double> inputs = typicalInputs();
        inputs.remove("nps");
        HealthScore score = HealthScorer.score(MODEL, LifecycleStage.MATURE, inputs);
        ObjectMapper json = new ObjectMapper();

        String written = json.writeValueAsString(score);

        assertThat(json.readValue(written, HealthScore.class)).isEqualTo(score);
        assertThat(written).contains("\"score\":76.3", "\"band\":\"STABLE\"", "\"value\":null");
    }
}
