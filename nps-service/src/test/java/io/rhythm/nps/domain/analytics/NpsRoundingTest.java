package io.rhythm.nps.domain.analytics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpsRoundingTest {

    @ParameterizedTest(name = "{0} rounds to {1}")
    @CsvSource({
            "33.333, 33", "-33.333, -33",
            "50.5, 51", "-50.5, -51",     // ties go away from zero, unlike Math.round(-50.5) == -50
            "0.5, 1", "-0.5, -1",
            "49.4999, 49", "66.6667, 67",
            "0, 0", "100, 100", "-100, -100"})
    void roundsHalfAwayFromZero(double value, int expected) {
        assertThat(NpsRounding.halfAwayFromZero(value)).isEqualTo(expected);
    }

    @Test
    void mathRoundWouldHaveBeenWrongForNegativeTies() {
        assertThat(Math.round(-50.5)).isEqualTo(-50L);
        assertThat(NpsRounding.halfAwayFromZero(-50.5)).isEqualTo(-51);
    }

    @Test
    void integerPercentRoundingIsExact() {
        assertThat(NpsRounding.percentHalfAwayFromZero(1, 3)).isEqualTo(33);       // 33.33…
        assertThat(NpsRounding.percentHalfAwayFromZero(2, 3)).isEqualTo(67);       // 66.66…
        assertThat(NpsRounding.percentHalfAwayFromZero(101, 200)).isEqualTo(51);   // 50.5
        assertThat(NpsRounding.percentHalfAwayFromZero(-101, 200)).isEqualTo(-51); // -50.5
        assertThat(NpsRounding.percentHalfAwayFromZero(-1, 3)).isEqualTo(-33);
        assertThat(NpsRounding.percentHalfAwayFromZero(0, 7)).isZero();
    }

    @Test
    void roundsToDecimalPlacesForAverages() {
        assertThat(NpsRounding.halfAwayFromZero(6.05, 1)).isEqualByComparingTo(new BigDecimal("6.1"));
        assertThat(NpsRounding.halfAwayFromZero(-6.05, 1)).isEqualByComparingTo(new BigDecimal("-6.1"));
    }

    @Test
    void refusesNaNAndInfinity() {
        assertThatThrownBy(() -> NpsRounding.halfAwayFromZero(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpsRounding.halfAwayFromZero(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
