package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.LifecycleStage;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ScoreComparisonTest {

    private static final ScoringModel MODEL = TestModels.fiveComponents();

    private static Map<String, Double> inputs(double urgent, double nps, double meetings) {
        Map<String, Double> inputs = new HashMap<>();
        inputs.put("u1", 60.0);
        inputs.put("u2", 8.0);
        inputs.put("urgent", urgent);
        inputs.put("overdue", 0.0);
        inputs.put("nps", nps);
        inputs.put("meetings", meetings);
        return inputs;
    }

    @Test
    void deltaAndDriversSortedByTheSizeOfTheirChange() {
        HealthScore before = HealthScorer.score(MODEL, LifecycleStage.MATURE, inputs(1, 7, 3));   // 75.0
        HealthScore after = HealthScorer.score(MODEL, LifecycleStage.MATURE, inputs(2, 9, 1));    // 21 + 0 + 15 + 18 + 5

        ScoreComparison comparison = ScoreComparison.between(before, after);

        assertThat(comparison.previousScore()).isEqualTo(75.0);
        assertThat(comparison.currentScore()).isEqualTo(59.0);
        assertThat(comparison.delta()).isEqualTo(-16.0);
        assertThat(comparison.previousBand()).isEqualTo(Band.STABLE);
        assertThat(comparison.currentBand()).isEqualTo(Band.AT_RISK);
        assertThat(comparison.modelChanged()).isFalse();
        assertThat(comparison.drivers())
                .extracting(ComponentChange::component, ComponentChange::previousValue, ComponentChange::currentValue,
                        ComponentChange::previousContribution, ComponentChange::currentContribution, ComponentChange::change)
                .containsExactly(
                        tuple(Component.SUPPORT, 50.0, 0.0, 10.0, 0.0, -10.0),
                        tuple(Component.ENGAGEMENT, 100.0, 33.3, 15.0, 5.0, -10.0),
                        tuple(Component.RELATIONAL, 70.0, 90.0, 14.0, 18.0, 4.0));
    }

    @Test
    void driversAddUpToTheDelta() {
        HealthScore before = HealthScorer.score(DefaultScoringModel.v1(), LifecycleStage.RENEWAL,
                Map.of(DefaultScoringModel.ACTIVE_USERS_PCT, 71.3, DefaultScoringModel.CSAT_PCT, 77.7,
                        DefaultScoringModel.LATEST_NPS_SCORE, 8.2));
        HealthScore after = HealthScorer.score(DefaultScoringModel.v1(), LifecycleStage.RENEWAL,
                Map.of(DefaultScoringModel.ACTIVE_USERS_PCT, 41.9, DefaultScoringModel.CSAT_PCT, 80.1,
                        DefaultScoringModel.LATEST_NPS_SCORE, 5.1, DefaultScoringModel.OVERDUE_INVOICES, 1.0));

        ScoreComparison comparison = ScoreComparison.between(before, after);

        int driverTenths = comparison.drivers().stream().mapToInt(d -> (int) Math.round(d.change() * 10)).sum();
        assertThat(driverTenths).isEqualTo((int) Math.round(comparison.delta() * 10));
        assertThat(comparison.drivers()).extracting(ComponentChange::component).contains(Component.FINANCIAL);
        ComponentChange financial = comparison.drivers().stream()
                .filter(d -> d.component() == Component.FINANCIAL).findFirst().orElseThrow();
        assertThat(financial.previousValue()).as("no data before").isNull();
        assertThat(financial.currentValue()).isEqualTo(66.7);
    }

    @Test
    void aComponentAppearingWithoutPointsStillDrivesTheChange() {
        HealthScore before = HealthScorer.score(DefaultScoringModel.v1(), LifecycleStage.MATURE,
                Map.of(DefaultScoringModel.ACTIVE_USERS_PCT, 80.0));
        HealthScore after = HealthScorer.score(DefaultScoringModel.v1(), LifecycleStage.MATURE,
                Map.of(DefaultScoringModel.ACTIVE_USERS_PCT, 80.0, DefaultScoringModel.OPEN_URGENT_TICKETS, 2.0));

        ScoreComparison comparison = ScoreComparison.between(before, after);

        assertThat(comparison.delta()).isEqualTo(-40.0);
        assertThat(comparison.drivers())
                .extracting(ComponentChange::component, ComponentChange::previousValue, ComponentChange::currentValue,
                        ComponentChange::change)
                .containsExactly(tuple(Component.USAGE, 100.0, 100.0, -40.0), tuple(Component.SUPPORT, null, 0.0, 0.0));
    }

    @Test
    void unchangedComponentsAreNotDrivers() {
        HealthScore score = HealthScorer.score(MODEL, LifecycleStage.MATURE, inputs(1, 7, 3));

        ScoreComparison comparison = ScoreComparison.between(score, score);

        assertThat(comparison.delta()).isZero();
        assertThat(comparison.drivers()).isEmpty();
    }

    @Test
    void aDifferentModelVersionIsNoted() {
        HealthScore before = HealthScorer.score(MODEL, LifecycleStage.MATURE, inputs(1, 7, 3));
        HealthScore after = HealthScorer.score(MODEL.withVersion(8, "next"), LifecycleStage.MATURE, inputs(1, 7, 3));

        assertThat(ScoreComparison.between(before, after).modelChanged()).isTrue();
    }
}
