package io.rhythm.nps.domain.analytics;

import io.rhythm.nps.domain.analytics.NpsTrend.Direction;
import io.rhythm.nps.domain.analytics.NpsTrend.Period;
import io.rhythm.nps.domain.analytics.NpsTrend.Point;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NpsTrendTest {

    @Test
    void changeFromThePreviousCycleInNpsAverageAndResponseRatePoints() {
        List<Point<String>> points = NpsTrend.of(List.of(
                new Period<>("Q2", NpsCalculator.summarise(10, 9, 6), ResponseRate.of(3, 5)),
                new Period<>("Q4", NpsCalculator.summarise(10, 10, 9, 8), ResponseRate.of(4, 5))));
        assertThat(points.get(0).change()).isNull();
        NpsTrend.Change change = points.get(1).change();
        assertThat(change.npsPoints()).isCloseTo(75 - 100.0 / 3, within(1e-9));
        assertThat(change.npsRoundedPoints()).isEqualTo(42);
        assertThat(change.averagePoints()).isCloseTo(9.25 - 25.0 / 3, within(1e-9));
        assertThat(change.responseRatePoints()).isCloseTo(20.0, within(1e-9));
        assertThat(change.direction()).isEqualTo(Direction.UP);
        assertThat(change.withinNoise()).isTrue(); // 3 and 4 answers: anything can happen
    }

    @Test
    void aCycleWithoutAnswersIsSkippedAsBaseline() {
        List<Point<String>> points = NpsTrend.of(List.of(
                new Period<>("Q2", NpsCalculator.summarise(10, 10), null),
                new Period<>("Q3", NpsSummary.empty(), ResponseRate.of(0, 4)),
                new Period<>("Q4", NpsCalculator.summarise(0, 10), null)));
        assertThat(points.get(1).change()).isNull();
        NpsTrend.Change change = points.get(2).change();
        assertThat(change.npsRoundedPoints()).isEqualTo(-100);
        assertThat(change.direction()).isEqualTo(Direction.DOWN);
        assertThat(change.responseRatePoints()).isNull();
    }

    @Test
    void aLargeMoveOnLargeSamplesIsNotNoiseAndNoMoveIsFlat() {
        List<Integer> detractors = Collections.nCopies(200, 3);
        List<Integer> promoters = Collections.nCopies(200, 10);
        NpsTrend.Change big = NpsTrend.change(new Period<>("a", NpsCalculator.summarise(detractors), null),
                new Period<>("b", NpsCalculator.summarise(IntStream.range(0, 200).map(i -> i % 2 == 0 ? 10 : 3).boxed().toList()), null));
        assertThat(big.npsRoundedPoints()).isEqualTo(100);
        assertThat(big.withinNoise()).isFalse();
        NpsTrend.Change flat = NpsTrend.change(new Period<>("a", NpsCalculator.summarise(promoters), null),
                new Period<>("b", NpsCalculator.summarise(promoters), null));
        assertThat(flat.direction()).isEqualTo(Direction.FLAT);
        assertThat(flat.withinNoise()).isTrue();
    }
}
