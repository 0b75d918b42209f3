package io.rhythm.health.domain.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.health.domain.LifecycleStage;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.rhythm.health.domain.scoring.TestModels.allStages;
import static io.rhythm.health.domain.scoring.TestModels.component;
import static io.rhythm.health.domain.scoring.TestModels.metric;
import static io.rhythm.health.domain.scoring.TestModels.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class ScoringModelTest {

    @Test
    void aValidModelIsAccepted() {
        ScoringModel model = TestModels.fiveComponents();

        assertThat(model.version()).isEqualTo(7);
        assertThat(model.metricKeys()).containsExactly("u1", "u2", "urgent", "overdue", "nps", "meetings");
        assertThat(model.stageWeight(LifecycleStage.MATURE, Component.USAGE)).isEqualTo(0.30);
    }

    @Test
    void weightsMayBeGivenInPercent() {
        ScoringModel model = TestModels.fiveComponents()
                .withStageWeights(LifecycleStage.MATURE, weights(30, 20, 15, 20, 15));

        assertThat(model.stageWeight(LifecycleStage.MATURE, Component.USAGE)).isCloseTo(0.30, within(1e-12));
        assertThat(model.stageWeights().get(LifecycleStage.MATURE).get(Component.USAGE))
                .as("kept as written").isEqualTo(30.0);
    }

    @Test
    void stageWeightsNotSummingToOneOrHundredAreRejected() {
        ScoringModel valid = TestModels.fiveComponents();

        assertThatThrownBy(() -> valid.withStageWeights(LifecycleStage.RENEWAL, weights(0.2, 0.2, 0.2, 0.2, 0.15)))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("stage RENEWAL: component weights sum to 0.95; they must sum to 1.0 (fractions) or 100 (percent)");
        assertThatThrownBy(() -> valid.withStageWeights(LifecycleStage.RENEWAL, weights(30, 20, 20, 20, 20)))
                .hasMessageContaining("stage RENEWAL: component weights sum to 110");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Map<LifecycleStage, Map<Component, Double>> stageWeights = new EnumMap<>(LifecycleStage.class);
        stageWeights.put(LifecycleStage.ONBOARDING, weights(0.5, 0.5, 0, 0, 0.1));
        stageWeights.put(LifecycleStage.ADOPTION, Map.of(Component.USAGE, 1.0));
        stageWeights.put(LifecycleStage.MATURE, Map.of(Component.USAGE, 0.5, Component.SUPPORT, -0.5,
                Component.FINANCIAL, 1.0));
        // EXPANSION and RENEWAL missing

        List<ComponentDefinition> components = List.of(
                component(Component.USAGE, metric("logins", 0, 20, 0.6), metric("logins", 0, 10, 0.3)),
                component(Component.SUPPORT, metric("urgent", 2, 2, 1.0)),
                component(Component.USAGE, metric("seats", 0, 100, -1)));

        InvalidScoringModelException rejected = catchThrowableOfType(InvalidScoringModelException.class,
                () -> new ScoringModel(0, " ", components, stageWeights));

        assertThat(rejected.problems()).containsExactlyInAnyOrder(
                "version must be 1 or higher, was 0",
                "name is required",
                "input key 'logins' is used more than once (keys are unique across the model)",
                "component USAGE: input weights sum to 0.9; they must sum to 1.0 (fractions) or 100 (percent)",
                "component SUPPORT, input 'urgent': worst and best must differ, both are 2",
                "component USAGE is defined more than once",
                "component USAGE, input 'seats': weight must be greater than 0, was -1",
                "stage ONBOARDING: weight given for FINANCIAL, which the model does not define",
                "stage ONBOARDING: weight given for RELATIONAL, which the model does not define",
                "stage ONBOARDING: weight given for ENGAGEMENT, which the model does not define",
                "stage ADOPTION: no weight for SUPPORT (use 0 to leave it out of this stage)",
                "stage MATURE: weight of SUPPORT must be 0 or more, was -0.5",
                "stage MATURE: weight given for FINANCIAL, which the model does not define",
                "stage EXPANSION: component weights are missing",
                "stage RENEWAL: component weights are missing");
        assertThat(rejected).hasMessageStartingWith("Scoring model version 0 is invalid (15 problems):\n - version must be 1");
    }

    @Test
    void missingPartsAreProblemsNotNullPointerExceptions() {
        List<ComponentDefinition> components = new java.util.ArrayList<>();
        components.add(null);
        components.add(new ComponentDefinition(null, null));
        components.add(new ComponentDefinition(Component.SUPPORT, java.util.Arrays.asList(
                new Metric(null, "no key", "x", null, 1.0), null)));

        InvalidScoringModelException rejected = catchThrowableOfType(InvalidScoringModelException.class,
                () -> new ScoringModel(1, "holes", components, null));

        assertThat(rejected.problems()).containsExactly(
                "components[0] is missing",
                "components[1]: which component it is (USAGE, SUPPORT, FINANCIAL, RELATIONAL, ENGAGEMENT) is required",
                "components[1]: at least one input is required",
                "component SUPPORT, input #1: key is required",
                "component SUPPORT, input #1: normalisation (worst, best) is required",
                "component SUPPORT, input #2 is missing",
                "component weights per lifecycle stage are required");
    }

    @Test
    void aComponentMayBeLeftOutOfAStageWithWeightZero() {
        ScoringModel model = TestModels.fiveComponents();

        assertThat(model.stageWeight(LifecycleStage.ONBOARDING, Component.RELATIONAL)).isZero();
    }

    @Test
    void theModelIsImmutable() {
        ScoringModel model = TestModels.fiveComponents();

        assertThatThrownBy(() -> model.components().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> model.stageWeights().get(LifecycleStage.MATURE).put(Component.USAGE, 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> model.components().get(0).metrics().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNewVersionKeepsTheContent() {
        ScoringModel v2 = DefaultScoringModel.v1().withVersion(2, "tuned");

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.components()).isEqualTo(DefaultScoringModel.v1().components());
        assertThat(v2.stageWeights()).isEqualTo(DefaultScoringModel.v1().stageWeights());
    }

    @Test
    void theModelRoundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ScoringModel model = DefaultScoringModel.v1();

        String written = json.writeValueAsString(model);
        ScoringModel read = json.readValue(written, ScoringModel.class);

        assertThat(read).isEqualTo(model);
        assertThat(written).contains("\"worst\":14.0,\"best\":1.0").doesNotContain("lowerIsBetter");
    }

    @Test
    void anInvalidModelIsRejectedWhenReadFromJson() {
        String written = """
                {"version": 3, "name": "bad",
                 "components": [{"component": "USAGE", "metrics": [
                     {"key": "x", "description": "x", "unit": "%", "normalisation": {"worst": 0, "best": 100}, "weight": 1}]}],
                 "stageWeights": {"ONBOARDING": {"USAGE": 1}, "ADOPTION": {"USAGE": 1}, "MATURE": {"USAGE": 0.5}}}
                """;

        assertThatThrownBy(() -> new ObjectMapper().readValue(written, ScoringModel.class))
                .hasRootCauseInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("stage MATURE: component weights sum to 0.5")
                .hasMessageContaining("stage RENEWAL: component weights are missing");
    }

    @Test
    void aSingleComponentModelIsFine() {
        ScoringModel model = new ScoringModel(1, "usage only",
                List.of(component(Component.USAGE, metric("x", 0, 100, 100))), allStages(Map.of(Component.USAGE, 100.0)));

        assertThat(model.stageWeight(LifecycleStage.RENEWAL, Component.USAGE)).isEqualTo(1.0);
        assertThat(model.stageWeight(LifecycleStage.RENEWAL, Component.SUPPORT)).isZero();
    }
}
