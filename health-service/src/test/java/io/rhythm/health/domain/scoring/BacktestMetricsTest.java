package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.scoring.BacktestMetrics.Classification;
import io.rhythm.health.domain.scoring.BacktestMetrics.DatedScore;
import io.rhythm.health.domain.scoring.BacktestMetrics.LeadTime;
import io.rhythm.health.domain.scoring.BacktestMetrics.Prediction;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BacktestMetricsTest {

    private static Prediction churned(String id, double score) {
        return new Prediction(id, score, true);
    }

    private static Prediction retained(String id, double score) {
        return new Prediction(id, score, false);
    }

    @Test
    void aucCountsPairsWhereTheChurnedClientScoredLowerWithTiesAsHalf() {
        // churned {40, 60}, retained {60, 80, 90}: 6 pairs; (60, 60) is a tie → (5 + 0.5) / 6
        List<Prediction> predictions = List.of(
                churned("a", 40), churned("b", 60), retained("c", 60), retained("d", 80), retained("e", 90));

        assertThat(BacktestMetrics.auc(predictions).orElseThrow()).isCloseTo(11.0 / 12.0, within(1e-12));
    }

    @Test
    void aucOfPerfectInvertedAndUselessScores() {
        assertThat(BacktestMetrics.auc(List.of(churned("a", 10), churned("b", 20), retained("c", 30))).orElseThrow())
                .isEqualTo(1.0);
        assertThat(BacktestMetrics.auc(List.of(churned("a", 90), retained("b", 20), retained("c", 30))).orElseThrow())
                .isEqualTo(0.0);
        assertThat(BacktestMetrics.auc(List.of(churned("a", 50), churned("b", 50), retained("c", 50))).orElseThrow())
                .isEqualTo(0.5);
    }

    @Test
    void aucNeedsBothOutcomes() {
        assertThat(BacktestMetrics.auc(List.of(churned("a", 10), churned("b", 20)))).isEmpty();
        assertThat(BacktestMetrics.auc(List.of())).isEmpty();
    }

    @Test
    void onePredictionPerClient() {
        assertThatThrownBy(() -> BacktestMetrics.auc(List.of(churned("a", 10), retained("a", 20))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one prediction for client a");
    }

    @Test
    void precisionAndRecallOfAtRiskOrCritical() {
        List<Prediction> predictions = List.of(
                churned("a", 45),      // warned, churned: true positive
                churned("b", 65),      // true positive
                churned("c", 72),      // not warned, churned: false negative
                retained("d", 69.9),   // warned, retained: false positive
                retained("e", 70),     // 70 is Stable: true negative
                retained("f", 85),     // true negative
                retained("g", 69.96)); // published as 70.0: true negative

        Classification classification = BacktestMetrics.classifyChurnWarnings(predictions);

        assertThat(classification).isEqualTo(new Classification(2, 1, 1, 3));
        assertThat(classification.precision().orElseThrow()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(classification.recall().orElseThrow()).isCloseTo(2.0 / 3.0, within(1e-12));
    }

    @Test
    void precisionAndRecallAreUndefinedWithoutWarningsOrChurn() {
        Classification nobodyWarned = BacktestMetrics.classifyChurnWarnings(List.of(churned("a", 80), retained("b", 90)));
        Classification nobodyChurned = BacktestMetrics.classifyChurnWarnings(List.of(retained("a", 40)));

        assertThat(nobodyWarned.precision()).isEmpty();
        assertThat(nobodyWarned.recall().orElseThrow()).isZero();
        assertThat(nobodyChurned.recall()).isEmpty();
        assertThat(nobodyChurned.precision().orElseThrow()).isZero();
    }

    @Test
    void leadTimeFromTheWarningInForceToChurn() {
        List<DatedScore> history = List.of(
                // a: warned on 1 Feb, still warned at churn on 1 Apr → 59 days
                score("a", "2026-03-01", 45), score("a", "2026-01-01", 80), score("a", "2026-02-01", 65),
                // b: warned in January, recovered in February, warned again on 1 March, churned 31 March → 30 days
                score("b", "2026-01-01", 60), score("b", "2026-02-01", 75), score("b", "2026-03-01", 68),
                // c: healthy at churn; a low score after the churn date does not count
                score("c", "2026-03-01", 80), score("c", "2026-04-02", 40),
                // e: not churned, ignored
                score("e", "2026-01-01", 30));
        Map<String, LocalDate> churnDates = Map.of(
                "a", LocalDate.parse("2026-04-01"),
                "b", LocalDate.parse("2026-03-31"),
                "c", LocalDate.parse("2026-04-01"),
                "d", LocalDate.parse("2026-04-01"));   // d: no scores at all

        LeadTime leadTime = BacktestMetrics.leadTime(history, churnDates);

        assertThat(leadTime.averageDays().orElseThrow()).isEqualTo(44.5);
        assertThat(leadTime.churnedWithWarning()).isEqualTo(2);
        assertThat(leadTime.churnedWithoutWarning()).isEqualTo(2);
    }

    @Test
    void aWarningOnTheChurnDateItselfHasZeroLeadTime() {
        LeadTime leadTime = BacktestMetrics.leadTime(
                List.of(score("a", "2026-04-01", 40)), Map.of("a", LocalDate.parse("2026-04-01")));

        assertThat(leadTime.averageDays().orElseThrow()).isZero();
    }

    @Test
    void noChurnNoLeadTime() {
        LeadTime leadTime = BacktestMetrics.leadTime(List.of(score("a", "2026-01-01", 40)), Map.of());

        assertThat(leadTime.averageDays()).isEmpty();
        assertThat(leadTime.churnedWithWarning()).isZero();
        assertThat(leadTime.churnedWithoutWarning()).isZero();
    }

    private static DatedScore score(String client, String date, double score) {
        return new DatedScore(client, LocalDate.parse(date), score);
    }
}
