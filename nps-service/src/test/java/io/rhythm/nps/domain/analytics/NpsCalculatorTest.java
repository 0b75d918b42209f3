package io.rhythm.nps.domain.analytics;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NpsCalculatorTest {

    private static final double EPS = 1e-9;

    /** {@code count} copies of {@code score}. */
    private static List<Integer> times(int count, int score) {
        return Collections.nCopies(count, score);
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Nested
    class Arithmetic {

        @Test
        void npsIsPercentPromotersMinusPercentDetractors() {
            NpsSummary s = NpsCalculator.summarise(10, 9, 9, 8, 7, 3); // 3 promoters, 2 passives, 1 detractor

            assertThat(s.count()).isEqualTo(6);
            assertThat(s.promoters()).isEqualTo(3);
            assertThat(s.passives()).isEqualTo(2);
            assertThat(s.detractors()).isEqualTo(1);
            assertThat(s.promoterPercent()).isCloseTo(50, within(EPS));
            assertThat(s.passivePercent()).isCloseTo(33.333333, within(1e-6));
            assertThat(s.detractorPercent()).isCloseTo(16.666667, within(1e-6));
            assertThat(s.nps()).isCloseTo(33.333333, within(1e-6));
            assertThat(s.npsRounded()).isEqualTo(33);
        }

        @Test
        void boundaryScoresSixSevenEightNineLandInTheRightCategories() {
            NpsSummary s = NpsCalculator.summarise(6, 7, 8, 9);

            assertThat(s.detractors()).isEqualTo(1);
            assertThat(s.passives()).isEqualTo(2);
            assertThat(s.promoters()).isEqualTo(1);
            assertThat(s.nps()).isZero();
        }

        @Test
        void roundsTheNpsHalfAwayFromZero() {
            assertThat(NpsCalculator.summarise(10, 8, 8).npsRounded()).isEqualTo(33); // 33.333

            NpsSummary up = NpsCalculator.summarise(concat(times(101, 10), times(99, 7)));
            assertThat(up.nps()).isEqualTo(50.5);
            assertThat(up.npsRounded()).isEqualTo(51);

            NpsSummary down = NpsCalculator.summarise(concat(times(101, 0), times(99, 8)));
            assertThat(down.nps()).isEqualTo(-50.5);
            assertThat(down.npsRounded()).isEqualTo(-51);
        }

        @Test
        void extremesAreMinusAndPlusOneHundred() {
            assertThat(NpsCalculator.summarise(times(12, 10)).nps()).isEqualTo(100);
            assertThat(NpsCalculator.summarise(times(12, 6)).nps()).isEqualTo(-100);
            assertThat(NpsCalculator.summarise(times(12, 7)).nps()).isZero();
        }

        @Test
        void invalidScoresAreRejected() {
            assertThatThrownBy(() -> NpsCalculator.summarise(5, 11)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("11");
            assertThatThrownBy(() -> NpsCalculator.summarise(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> NpsCalculator.summarise(Arrays.asList(5, null))).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class SaHealthVolatility {

        /** Seed 000: "SA Health: 6.1 avg (range 1-9)". Ten stakeholder answers with exactly those figures. */
        private final List<Integer> saHealth = List.of(1, 9, 7, 8, 6, 5, 9, 3, 8, 5);

        @Test
        void reproducesTheSeedsAverageAndRange() {
            NpsSummary s = NpsCalculator.summarise(saHealth);

            assertThat(s.average()).isCloseTo(6.1, within(EPS));
            assertThat(s.averageOneDecimal()).hasToString("6.1");
            assertThat(s.min()).isEqualTo(1);
            assertThat(s.max()).isEqualTo(9);
        }

        @Test
        void reportsTheSampleStandardDeviation() {
            // deviations from 6.1: -5.1 2.9 0.9 1.9 -0.1 -1.1 2.9 -3.1 1.9 -1.1 → squares sum to 62.9
            NpsSummary s = NpsCalculator.summarise(saHealth);

            assertThat(s.standardDeviation()).isCloseTo(Math.sqrt(62.9 / 9), within(EPS)); // sample (n - 1)
            assertThat(s.standardDeviation()).isCloseTo(2.644, within(0.001));
        }

        @Test
        void anAverageAboveSixCanStillBeAStronglyNegativeNps() {
            NpsSummary s = NpsCalculator.summarise(saHealth); // 2 promoters, 3 passives, 5 detractors

            assertThat(s.nps()).isCloseTo(-30, within(EPS));
            assertThat(s.smallSample()).isTrue();
        }
    }

    @Nested
    class ConfidenceIntervals {

        @Test
        void matchesAHandComputedExample() {
            // 5 promoters, 3 passives, 2 detractors: p = 0.5, d = 0.2, NPS = 30
            // per-response variance = (p + d) - (p - d)^2 = 0.7 - 0.09 = 0.61
            // SE = sqrt(0.61 / 10) = 0.246982; margin = 1.96 * 0.246982 * 100 = 48.408
            NpsSummary s = NpsCalculator.summarise(10, 10, 9, 9, 9, 8, 7, 7, 4, 0);

            ConfidenceInterval ci = s.confidenceInterval();
            assertThat(s.nps()).isCloseTo(30, within(EPS));
            assertThat(ci.margin()).isCloseTo(48.408, within(0.001));
            assertThat(ci.lower()).isCloseTo(-18.408, within(0.001));
            assertThat(ci.upper()).isCloseTo(78.408, within(0.001));
            assertThat(ci.level()).isEqualTo(0.95);
        }

        @Test
        void isClampedToTheNpsScale() {
            // 2 promoters, 1 passive: NPS 66.67, variance 2/3 - 4/9 = 2/9, margin 1.96 * sqrt(2/27) * 100 = 53.34
            ConfidenceInterval ci = NpsCalculator.summarise(10, 9, 8).confidenceInterval();

            assertThat(ci.margin()).isCloseTo(53.344, within(0.001));
            assertThat(ci.upper()).isEqualTo(100);
            assertThat(ci.lower()).isCloseTo(13.322, within(0.001));
        }

        @Test
        void narrowsAsTheSampleGrows() {
            List<Integer> ten = List.of(10, 10, 9, 9, 9, 8, 7, 7, 4, 0);
            List<Integer> thousand = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                thousand.addAll(ten);
            }
            ConfidenceInterval small = NpsCalculator.summarise(ten).confidenceInterval();
            ConfidenceInterval large = NpsCalculator.summarise(thousand).confidenceInterval();

            assertThat(large.margin()).isCloseTo(small.margin() / 10, within(1e-9)); // 1 / sqrt(100)
            assertThat(large.contains(30)).isTrue();
        }
    }

    @Nested
    class EmptyAndSmallSamples {

        @Test
        void emptyInputGivesAnEmptySummaryWithoutNaN() {
            NpsSummary s = NpsCalculator.summarise(List.of());

            assertThat(s).isEqualTo(NpsSummary.empty());
            assertThat(s.isEmpty()).isTrue();
            assertThat(s.count()).isZero();
            assertThat(List.of(s.promoterPercent(), s.passivePercent(), s.detractorPercent(), s.nps(), s.average(),
                    s.standardDeviation(), s.confidenceInterval().lower(), s.confidenceInterval().upper(),
                    s.confidenceInterval().margin()))
                    .allSatisfy(v -> assertThat(v).isFinite());
            assertThat(s.npsRounded()).isZero();
            assertThat(s.confidenceInterval().lower()).isEqualTo(-100);
            assertThat(s.confidenceInterval().upper()).isEqualTo(100);
            assertThat(s.smallSample()).isTrue();
            assertThat(s.caveat()).hasValueSatisfying(c -> assertThat(c).contains("No responses"));
        }

        @Test
        void aSinglePromoterIsAnNpsOfOneHundredWithACaveat() {
            NpsSummary s = NpsCalculator.summarise(10);

            assertThat(s.count()).isEqualTo(1);
            assertThat(s.nps()).isEqualTo(100);
            assertThat(s.npsRounded()).isEqualTo(100);
            assertThat(s.average()).isEqualTo(10);
            assertThat(s.min()).isEqualTo(10);
            assertThat(s.max()).isEqualTo(10);
            assertThat(s.standardDeviation()).isZero(); // undefined for n = 1; reported as 0, not NaN
            assertThat(s.confidenceInterval().margin()).isZero();
            assertThat(s.smallSample()).isTrue();
            assertThat(s.caveat()).hasValueSatisfying(c -> assertThat(c)
                    .contains("Only 1 response ")
                    .contains("noisy")
                    .contains("from 100 to 100"));
        }

        @Test
        void aSingleDetractorIsMinusOneHundred() {
            NpsSummary s = NpsCalculator.summarise(0);

            assertThat(s.nps()).isEqualTo(-100);
            assertThat(s.npsRounded()).isEqualTo(-100);
            assertThat(s.min()).isZero();
        }

        @Test
        void theCaveatQuotesTheConfidenceInterval() {
            NpsSummary s = NpsCalculator.summarise(10, 10, 9, 9, 9, 8, 7, 7, 4, 0);

            assertThat(s.caveat()).hasValueSatisfying(c -> assertThat(c)
                    .contains("Only 10 responses (fewer than 30)")
                    .contains("NPS of 30")
                    .contains("from -18 to 78"));
        }

        @Test
        void thirtyResponsesAreNoLongerASmallSample() {
            List<Integer> twentyNine = concat(times(15, 9), times(14, 3));
            List<Integer> thirty = concat(twentyNine, List.of(8));

            assertThat(NpsCalculator.summarise(twentyNine).smallSample()).isTrue();
            NpsSummary s = NpsCalculator.summarise(thirty);
            assertThat(s.smallSample()).isFalse();
            assertThat(s.caveat()).isEmpty();
        }
    }
}
