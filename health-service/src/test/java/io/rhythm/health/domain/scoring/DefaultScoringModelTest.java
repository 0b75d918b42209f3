package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.LifecycleStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.Map;

import static io.rhythm.health.domain.scoring.DefaultScoringModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DefaultScoringModelTest {

    private static final ScoringModel V1 = DefaultScoringModel.v1();

    @Test
    void versionOneHasAllFiveComponentsAndSixteenInputs() {
        assertThat(V1.version()).isEqualTo(1);
        assertThat(V1.components()).extracting(ComponentDefinition::component).containsExactly(Component.values());
        assertThat(V1.metricKeys()).hasSize(16).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(LifecycleStage.class)
    void everyStageWeighsEveryComponentAndSumsToOne(LifecycleStage stage) {
        double sum = 0;
        for (Component component : Component.values()) {
            double weight = V1.stageWeight(stage, component);
            assertThat(weight).isPositive();
            sum += weight;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void renewalWeighsMoneyAndRelationshipMoreThanOnboarding() {
        assertThat(V1.stageWeight(LifecycleStage.RENEWAL, Component.FINANCIAL))
                .isGreaterThan(V1.stageWeight(LifecycleStage.ONBOARDING, Component.FINANCIAL));
        assertThat(V1.stageWeight(LifecycleStage.RENEWAL, Component.RELATIONAL))
                .isGreaterThan(V1.stageWeight(LifecycleStage.ONBOARDING, Component.RELATIONAL));
        assertThat(V1.stageWeight(LifecycleStage.ONBOARDING, Component.USAGE))
                .isGreaterThan(V1.stageWeight(LifecycleStage.RENEWAL, Component.USAGE));
    }

    @Test
    void expansionWeighsUsageAndRelationshipMostAsDocumented() {
        assertThat(V1.stageWeight(LifecycleStage.EXPANSION, Component.USAGE)).isCloseTo(0.35, within(1e-12));
        assertThat(V1.stageWeight(LifecycleStage.EXPANSION, Component.SUPPORT)).isCloseTo(0.15, within(1e-12));
        assertThat(V1.stageWeight(LifecycleStage.EXPANSION, Component.FINANCIAL)).isCloseTo(0.15, within(1e-12));
        assertThat(V1.stageWeight(LifecycleStage.EXPANSION, Component.RELATIONAL)).isCloseTo(0.25, within(1e-12));
        assertThat(V1.stageWeight(LifecycleStage.EXPANSION, Component.ENGAGEMENT)).isCloseTo(0.10, within(1e-12));
        assertThat(V1.stageWeight(LifecycleStage.EXPANSION, Component.RELATIONAL))
                .isGreaterThan(V1.stageWeight(LifecycleStage.MATURE, Component.RELATIONAL));
    }

    @Test
    void theSeedsNumbersAreInTheModel() {
        assertThat(metric(DAYS_SINCE_LAST_LOGIN).normalisation().worst()).as("seed 001: inactive 14+ days").isEqualTo(14.0);
        assertThat(metric(PLAN_LIMIT_USAGE_PCT).normalisation().best()).as("seed 001: 80 %+ of plan limits").isEqualTo(80.0);
        assertThat(metric(CSAT_PCT).normalisation().best()).as("seed 001: 85 %+ satisfaction").isEqualTo(85.0);
        assertThat(metric(OPEN_URGENT_TICKETS).normalisation().lowerIsBetter()).isTrue();
        assertThat(metric(OVERDUE_INVOICES).normalisation().lowerIsBetter()).isTrue();
    }

    /** Seed 001's NPS categories land in the matching bands: detractors At-Risk or worse, passives Stable, promoters Healthy. */
    @ParameterizedTest(name = "NPS {0} → {1}")
    @CsvSource({"0, CRITICAL", "4, CRITICAL", "5, AT_RISK", "6, AT_RISK", "7, STABLE", "8, STABLE", "9, HEALTHY", "10, HEALTHY"})
    void npsCategoriesMapOntoBands(double nps, Band band) {
        HealthScore score = HealthScorer.score(V1, LifecycleStage.MATURE, Map.of(LATEST_NPS_SCORE, nps));

        assertThat(score.score()).isEqualTo(nps * 10);
        assertThat(score.band()).isEqualTo(band);
        assertThat(score.dataCoverage()).isCloseTo(0.20, within(1e-12));
    }

    @Test
    void aThrivingClientIsHealthy() {
        Map<String, Double> inputs = new HashMap<>();
        inputs.put(ACTIVE_USERS_PCT, 85.0);
        inputs.put(LOGIN_DAYS_LAST_30, 22.0);
        inputs.put(DAYS_SINCE_LAST_LOGIN, 0.0);
        inputs.put(FEATURE_ADOPTION_PCT, 75.0);
        inputs.put(PLAN_LIMIT_USAGE_PCT, 85.0);
        inputs.put(OPEN_TICKETS, 1.0);
        inputs.put(OPEN_URGENT_TICKETS, 0.0);
        inputs.put(BACKLOG_OVER_30_DAYS, 0.0);
        inputs.put(CSAT_PCT, 92.0);
        inputs.put(OVERDUE_INVOICES, 0.0);
        inputs.put(PAYMENT_FAILURES_90_DAYS, 0.0);
        inputs.put(OPEN_BILLING_DISPUTES, 0.0);
        inputs.put(AGED_RECEIVABLES_DAYS, 0.0);
        inputs.put(LATEST_NPS_SCORE, 9.0);
        inputs.put(DAYS_SINCE_LAST_ENGAGEMENT, 10.0);
        inputs.put(ENGAGEMENTS_LAST_90_DAYS, 4.0);

        HealthScore score = HealthScorer.score(V1, LifecycleStage.MATURE, inputs);

        // 0.30*100 + 0.20*98 + 0.15*100 + 0.20*90 + 0.15*100
        assertThat(score.score()).isEqualTo(97.6);
        assertThat(score.band()).isEqualTo(Band.HEALTHY);
        assertThat(score.component(Component.SUPPORT).orElseThrow().value()).isEqualTo(98.0);
    }

    @Test
    void aStrugglingClientAtRenewalIsCritical() {
        Map<String, Double> inputs = new HashMap<>();
        inputs.put(ACTIVE_USERS_PCT, 25.0);
        inputs.put(LOGIN_DAYS_LAST_30, 3.0);
        inputs.put(DAYS_SINCE_LAST_LOGIN, 12.0);
        inputs.put(FEATURE_ADOPTION_PCT, 15.0);
        inputs.put(PLAN_LIMIT_USAGE_PCT, 30.0);
        inputs.put(OPEN_TICKETS, 8.0);
        inputs.put(OPEN_URGENT_TICKETS, 2.0);
        inputs.put(BACKLOG_OVER_30_DAYS, 4.0);
        inputs.put(CSAT_PCT, 62.0);
        inputs.put(OVERDUE_INVOICES, 2.0);
        inputs.put(PAYMENT_FAILURES_90_DAYS, 1.0);
        inputs.put(OPEN_BILLING_DISPUTES, 1.0);
        inputs.put(AGED_RECEIVABLES_DAYS, 60.0);
        inputs.put(LATEST_NPS_SCORE, 3.0);
        inputs.put(DAYS_SINCE_LAST_ENGAGEMENT, 80.0);
        inputs.put(ENGAGEMENTS_LAST_90_DAYS, 0.0);

        HealthScore score = HealthScorer.score(V1, LifecycleStage.RENEWAL, inputs);

        assertThat(score.score()).isEqualTo(18.9);
        assertThat(score.band()).isEqualTo(Band.CRITICAL);
        assertThat(score.components()).extracting(ComponentScore::value)
                .containsExactly(12.1, 10.4, 29.2, 30.0, 6.6);
    }

    private static Metric metric(String key) {
        for (ComponentDefinition component : V1.components()) {
            for (Metric metric : component.metrics()) {
                if (metric.key().equals(key)) {
                    return metric;
                }
            }
        }
        throw new AssertionError("no metric " + key);
    }
}
