package io.rhythm.health.domain.scoring;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpansionRuleTest {

    private static final ExpansionRule RULE = ExpansionRule.DEFAULT;

    private static MonthlySnapshot month(String month, double health, double usage) {
        return new MonthlySnapshot(YearMonth.parse(month), health, usage);
    }

    @Test
    void healthAbove85AndUsageAtLeast80ForTwoMonthsRaisesTheSignal() {
        ExpansionAssessment assessment = RULE.assess(List.of(
                month("2026-03", 86, 80), month("2026-04", 85.1, 80)));

        assertThat(assessment.raised()).isTrue();
        assertThat(assessment.usageStreakMonths()).isEqualTo(2);
        assertThat(assessment.latestMonth()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(assessment.latestHealthScore()).isEqualTo(85.1);
        assertThat(assessment.reason())
                .isEqualTo("health 85.1 > 85 and usage ≥ 80 % of plan limits for 2 consecutive months up to 2026-04");
    }

    @Test
    void healthOfExactly85IsNotEnough() {
        ExpansionAssessment assessment = RULE.assess(List.of(month("2026-03", 90, 95), month("2026-04", 85.0, 95)));

        assertThat(assessment.raised()).isFalse();
        assertThat(assessment.reason()).startsWith("health 85 ≤ 85 (needs > 85)");
    }

    @Test
    void usageJustBelow80BreaksTheStreak() {
        assertThat(RULE.assess(List.of(month("2026-03", 90, 79.9), month("2026-04", 90, 100))).raised()).isFalse();
        assertThat(RULE.assess(List.of(month("2026-03", 90, 100), month("2026-04", 90, 79.9))).raised()).isFalse();
    }

    @Test
    void oneMonthIsNotEnough() {
        ExpansionAssessment assessment = RULE.assess(List.of(month("2026-04", 95, 99)));

        assertThat(assessment.raised()).isFalse();
        assertThat(assessment.usageStreakMonths()).isEqualTo(1);
        assertThat(assessment.reason()).startsWith("usage ≥ 80 % of plan limits for 1 month up to 2026-04 (needs 2)");
    }

    @Test
    void aMissingMonthBreaksTheStreak() {
        ExpansionAssessment assessment = RULE.assess(List.of(month("2026-02", 90, 90), month("2026-04", 90, 90)));

        assertThat(assessment.raised()).isFalse();
        assertThat(assessment.usageStreakMonths()).isEqualTo(1);
    }

    @Test
    void aStreakThatEndedBeforeTheLatestMonthDoesNotCount() {
        ExpansionAssessment assessment = RULE.assess(List.of(
                month("2026-01", 90, 90), month("2026-02", 90, 90), month("2026-03", 90, 70)));

        assertThat(assessment.raised()).isFalse();
        assertThat(assessment.usageStreakMonths()).isZero();
    }

    @Test
    void theStreakCountsBackFromTheLatestMonthAcrossAYearEndInAnyInputOrder() {
        ExpansionAssessment assessment = RULE.assess(List.of(
                month("2026-01", 88, 81), month("2025-11", 60, 50), month("2025-12", 70, 85), month("2026-02", 87, 92)));

        assertThat(assessment.raised()).isTrue();
        assertThat(assessment.usageStreakMonths()).isEqualTo(3);
        assertThat(assessment.latestMonth()).isEqualTo(YearMonth.of(2026, 2));
    }

    @Test
    void noSnapshotsNoSignal() {
        assertThat(RULE.assess(List.of()).raised()).isFalse();
    }

    @Test
    void twoSnapshotsForOneMonthAreRejected() {
        assertThatThrownBy(() -> RULE.assess(List.of(month("2026-04", 90, 90), month("2026-04", 91, 91))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two snapshots for 2026-04");
    }

    @Test
    void thresholdsAreConfigurable() {
        ExpansionRule threeMonths = new ExpansionRule(85, 80, 3);

        assertThat(threeMonths.assess(List.of(month("2026-03", 90, 90), month("2026-04", 90, 90))).raised()).isFalse();
        assertThatThrownBy(() -> new ExpansionRule(85, 80, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
