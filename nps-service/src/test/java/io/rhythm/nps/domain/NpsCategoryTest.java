package io.rhythm.nps.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpsCategoryTest {

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource({
            "0, DETRACTOR", "6, DETRACTOR",   // 6/7 boundary
            "7, PASSIVE", "8, PASSIVE",       // 8/9 boundary
            "9, PROMOTER", "10, PROMOTER"})
    void categoriesFollowTheSeedBoundaries(int score, NpsCategory expected) {
        assertThat(NpsCategory.of(score)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, 100, Integer.MIN_VALUE})
    void scoresOutsideZeroToTenAreRejected(int score) {
        assertThatThrownBy(() -> NpsCategory.of(score))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 10")
                .hasMessageContaining(String.valueOf(score));
        assertThat(NpsCategory.isValidScore(score)).isFalse();
    }

    @Test
    void rangesCoverZeroToTenWithoutGaps() {
        assertThat(NpsCategory.DETRACTOR.lowest()).isZero();
        assertThat(NpsCategory.PASSIVE.lowest()).isEqualTo(NpsCategory.DETRACTOR.highest() + 1);
        assertThat(NpsCategory.PROMOTER.lowest()).isEqualTo(NpsCategory.PASSIVE.highest() + 1);
        assertThat(NpsCategory.PROMOTER.highest()).isEqualTo(10);
    }

    @Test
    void eachCategoryContributesPlusOneZeroOrMinusOne() {
        assertThat(NpsCategory.PROMOTER.npsContribution()).isEqualTo(1);
        assertThat(NpsCategory.PASSIVE.npsContribution()).isZero();
        assertThat(NpsCategory.DETRACTOR.npsContribution()).isEqualTo(-1);
    }
}
