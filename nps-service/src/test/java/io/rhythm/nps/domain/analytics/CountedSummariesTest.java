package io.rhythm.nps.domain.analytics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Summaries from counts (a histogram, responses counted per score and weight) equal those of the responses one by one. */
class CountedSummariesTest {

    @Test
    void aHistogramSummarisesLikeTheScoresItCounts() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<Integer> scores = new ArrayList<>();
            long[] histogram = new long[11];
            int n = random.nextInt(200);
            for (int i = 0; i < n; i++) {
                int score = random.nextInt(11);
                scores.add(score);
                histogram[score]++;
            }
            NpsSummary expected = NpsCalculator.summarise(scores);
            NpsSummary counted = NpsCalculator.summarise(histogram);
            assertThat(counted.count()).isEqualTo(expected.count());
            assertThat(counted.promoters()).isEqualTo(expected.promoters());
            assertThat(counted.passives()).isEqualTo(expected.passives());
            assertThat(counted.detractors()).isEqualTo(expected.detractors());
            assertThat(counted.nps()).isEqualTo(expected.nps());
            assertThat(counted.npsRounded()).isEqualTo(expected.npsRounded());
            assertThat(counted.average()).isCloseTo(expected.average(), within(1e-9));
            assertThat(counted.min()).isEqualTo(expected.min());
            assertThat(counted.max()).isEqualTo(expected.max());
            assertThat(counted.standardDeviation()).isCloseTo(expected.standardDeviation(), within(1e-9));
            assertThat(counted.confidenceInterval()).isEqualTo(expected.confidenceInterval());
            assertThat(counted.smallSample()).isEqualTo(expected.smallSample());
        }
    }

    @Test
    void seed000sSaHealthFromItsHistogram() {
        long[] histogram = new long[11];
        for (int score : new int[]{1, 4, 5, 6, 6, 7, 7, 8, 8, 9}) {
            histogram[score]++;
        }
        NpsSummary sa = NpsCalculator.summarise(histogram);
        assertThat(sa.average()).isCloseTo(6.1, within(1e-9));
        assertThat(sa.min()).isEqualTo(1);
        assertThat(sa.max()).isEqualTo(9);
        assertThat(sa.npsRounded()).isEqualTo(-40); // 1 promoter, 5 detractors of 10
        assertThat(NpsCalculator.summarise(new long[11])).isEqualTo(NpsSummary.empty());
        assertThatThrownBy(() -> NpsCalculator.summarise(new long[10])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightedFromCountsEqualsWeightedOneByOne() {
        Random random = new Random(11);
        BigDecimal[] arr = {new BigDecimal("6800000.00"), new BigDecimal("150000.00"), new BigDecimal("75000.50")};
        List<WeightedScore> one = new ArrayList<>();
        Map<WeightedScore, Long> counted = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            WeightedScore r = new WeightedScore(random.nextInt(11), arr[random.nextInt(arr.length)]);
            one.add(r);
            counted.merge(r, 1L, Long::sum);
        }
        WeightedNpsSummary expected = NpsCalculator.summariseWeighted(one);
        WeightedNpsSummary fromCounts = NpsCalculator.summariseWeighted(counted);
        assertThat(fromCounts.totalWeight()).isEqualByComparingTo(expected.totalWeight());
        assertThat(fromCounts.nps()).isEqualTo(expected.nps());
        assertThat(fromCounts.npsRounded()).isEqualTo(expected.npsRounded());
        assertThat(fromCounts.effectiveResponseCount()).isCloseTo(expected.effectiveResponseCount(), within(1e-9));
        assertThat(fromCounts.unweighted().count()).isEqualTo(500);
    }

    @Test
    void breakdownsCountAnswersWithoutExpandingThem() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<Breakdowns.Answer> counted = List.of(new Breakdowns.Answer(a, 10, BigDecimal.TEN, 3),
                new Breakdowns.Answer(a, 2, BigDecimal.TEN, 1), new Breakdowns.Answer(b, 8, null, 2));
        List<Breakdowns.Answer> expanded = new ArrayList<>();
        counted.forEach(x -> {
            for (int i = 0; i < x.count(); i++) {
                expanded.add(new Breakdowns.Answer(x.clientId(), x.score(), x.weight()));
            }
        });
        Breakdowns.Figures fromCounts = Breakdowns.total("c", "cycle", counted, Map.of(a, Population.of(8, 4), b, Population.of(4, 2)));
        Breakdowns.Figures oneByOne = Breakdowns.total("c", "cycle", expanded, Map.of(a, Population.of(8, 4), b, Population.of(4, 2)));
        assertThat(fromCounts.summary().count()).isEqualTo(6);
        assertThat(fromCounts.summary().nps()).isEqualTo(oneByOne.summary().nps());
        assertThat(fromCounts.responseRate()).isEqualTo(oneByOne.responseRate());
        assertThat(fromCounts.weighted().nps()).isEqualTo(oneByOne.weighted().nps());
        assertThatThrownBy(() -> new Breakdowns.Answer(a, 5, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
