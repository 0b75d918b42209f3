package io.rhythm.nps.domain.letters;

import io.rhythm.nps.domain.analytics.NpsCalculator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LetterTrendTest {

    @Test
    void figuresQuoteTheSeedsSaHealthVolatility() {
        ScoreFigures saHealth = ScoreFigures.of(NpsCalculator.summarise(1, 9, 7, 8, 6, 5, 9, 3, 8, 5));
        assertThat(saHealth.average()).isEqualByComparingTo("6.1");
        assertThat(saHealth.range()).isEqualTo("1-9");
        assertThat(saHealth.nps()).isEqualTo(-30);
        assertThat(saHealth.responses()).isEqualTo(10);
        assertThat(saHealth.promoters() + saHealth.passives() + saHealth.detractors()).isEqualTo(10);
    }

    @Test
    void improvementIsTheDifferenceOfTheRoundedFigures() {
        ScoreFigures before = ScoreFigures.of(NpsCalculator.summarise(1, 9, 7, 8, 6, 5, 9, 3, 8, 5)); // -30, 6.1
        ScoreFigures now = ScoreFigures.of(NpsCalculator.summarise(9, 10, 8, 6));                    // 25, 8.3
        LetterTrend trend = LetterTrend.between(now, "c1", "NPS Q4 2025", before);
        assertThat(trend.npsChange()).isEqualTo(55);
        assertThat(trend.averageChange()).isEqualByComparingTo(new BigDecimal("2.2"));
        assertThat(trend.direction()).isEqualTo(LetterTrend.Direction.UP);
        assertThat(trend.npsChangeText()).isEqualTo("+55");
        assertThat(trend.previousCycleName()).isEqualTo("NPS Q4 2025");
    }

    @Test
    void declineAndNoChange() {
        ScoreFigures high = ScoreFigures.of(NpsCalculator.summarise(10, 10));
        ScoreFigures low = ScoreFigures.of(NpsCalculator.summarise(0, 10));
        LetterTrend down = LetterTrend.between(low, "c", "prev", high);
        assertThat(down.npsChange()).isEqualTo(-100);
        assertThat(down.npsChangeSize()).isEqualTo(100);
        assertThat(down.direction()).isEqualTo(LetterTrend.Direction.DOWN);
        assertThat(down.npsChangeText()).isEqualTo("-100");
        LetterTrend same = LetterTrend.between(high, "c", "prev", high);
        assertThat(same.direction()).isEqualTo(LetterTrend.Direction.UNCHANGED);
        assertThat(same.npsChangeText()).isEqualTo("±0");
        assertThat(same.averageChange()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void topThemesByCountThenCodeWithoutZeros() {
        List<ThemeCount> top = ThemeCount.top(Map.of("B", 2, "A", 2, "C", 5, "D", 1, "E", 0), 3, code -> "name " + code);
        assertThat(top).extracting(ThemeCount::code).containsExactly("C", "A", "B");
        assertThat(top.get(0).name()).isEqualTo("name C");
        assertThat(ThemeCount.top(Map.of("E", 0), 3, c -> c)).isEmpty();
    }
}
