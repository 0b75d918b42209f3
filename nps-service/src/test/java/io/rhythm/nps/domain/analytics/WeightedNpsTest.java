package io.rhythm.nps.domain.analytics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WeightedNpsTest {

    @Test
    void weightsEachResponseByClientValueAndKeepsTheUnweightedFigure() {
        // a $900K client's promoter and a $100K client's detractor
        WeightedNpsSummary s = NpsCalculator.summariseWeighted(List.of(
                WeightedScore.of(10, "900000.00"),
                WeightedScore.of(2, "100000.00")));

        assertThat(s.unweighted().nps()).isZero();
        assertThat(s.unweighted().count()).isEqualTo(2);
        assertThat(s.totalWeight()).isEqualByComparingTo("1000000");
        assertThat(s.promoterPercent()).isCloseTo(90, within(1e-9));
        assertThat(s.passivePercent()).isZero();
        assertThat(s.detractorPercent()).isCloseTo(10, within(1e-9));
        assertThat(s.nps()).isCloseTo(80, within(1e-9));
        assertThat(s.npsRounded()).isEqualTo(80);
        assertThat(s.weightingEffect()).isCloseTo(80, within(1e-9));
        assertThat(s.averageScore()).isCloseTo(9.2, within(1e-9));
        assertThat(s.effectiveResponseCount()).isCloseTo(1e12 / (8.1e11 + 1e10), within(1e-9)); // ≈ 1.22 of 2
    }

    @Test
    void equalWeightsGiveTheUnweightedNps() {
        WeightedNpsSummary s = NpsCalculator.summariseWeighted(List.of(
                WeightedScore.of(10, "5"), WeightedScore.of(8, "5"), WeightedScore.of(3, "5")));

        assertThat(s.nps()).isCloseTo(s.unweighted().nps(), within(1e-9));
        assertThat(s.effectiveResponseCount()).isCloseTo(3, within(1e-9));
        assertThat(s.weightingEffect()).isCloseTo(0, within(1e-9));
    }

    @Test
    void roundsTheWeightedNpsHalfAwayFromZero() {
        WeightedNpsSummary s = NpsCalculator.summariseWeighted(List.of(
                WeightedScore.of(9, "24.75"), WeightedScore.of(6, "75.25"))); // 24.75 % - 75.25 % = -50.5

        assertThat(s.nps()).isEqualTo(-50.5);
        assertThat(s.npsRounded()).isEqualTo(-51);
    }

    @Test
    void withoutAnyWeightThereIsNoWeightedFigure() {
        WeightedNpsSummary zero = NpsCalculator.summariseWeighted(List.of(WeightedScore.of(10, "0"), WeightedScore.of(0, "0")));
        assertThat(zero.hasWeight()).isFalse();
        assertThat(zero.nps()).isZero();
        assertThat(zero.weightingEffect()).isZero();
        assertThat(zero.unweighted().count()).isEqualTo(2);

        WeightedNpsSummary empty = NpsCalculator.summariseWeighted(List.of());
        assertThat(empty.hasWeight()).isFalse();
        assertThat(empty.unweighted().isEmpty()).isTrue();
        assertThat(empty.averageScore()).isZero();
    }

    @Test
    void rejectsNegativeWeightsAndInvalidScores() {
        assertThatThrownBy(() -> new WeightedScore(9, new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeightedScore.of(11, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeightedScore(9, null)).isInstanceOf(NullPointerException.class);
    }
}
