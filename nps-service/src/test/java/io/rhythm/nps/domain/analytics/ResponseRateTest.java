package io.rhythm.nps.domain.analytics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ResponseRateTest {

    @ParameterizedTest(name = "{0} of {1} → met: {2}")
    @CsvSource({
            "40, 100, false",  // exactly 40 % is not "> 40 %"
            "41, 100, true",
            "2, 5, false",     // 40 %
            "3, 7, true",      // 42.9 %
            "0, 10, false",
            "10, 10, true"})
    void theTargetIsStrictlyAboveFortyPercent(int responses, int recipients, boolean met) {
        assertThat(ResponseRate.of(responses, recipients).targetMet()).isEqualTo(met);
    }

    @Test
    void reportsTheRateInPercent() {
        assertThat(ResponseRate.of(3, 7).percent()).isCloseTo(42.857, within(0.001));
        assertThat(ResponseRate.of(40, 100).percent()).isEqualTo(40);
    }

    @Test
    void noRecipientsMeansNoRateAndNoTargetMet() {
        ResponseRate rate = ResponseRate.of(0, 0);

        assertThat(rate.percent()).isZero();
        assertThat(rate.targetMet()).isFalse();
        assertThat(rate.responsesNeeded()).isZero();
    }

    @Test
    void saysHowManyMoreResponsesWouldMeetTheTarget() {
        assertThat(ResponseRate.of(40, 100).responsesNeeded()).isEqualTo(1);
        assertThat(ResponseRate.of(10, 100).responsesNeeded()).isEqualTo(31);
        assertThat(ResponseRate.of(0, 7).responsesNeeded()).isEqualTo(3);   // 3/7 = 42.9 %
        assertThat(ResponseRate.of(2, 5).responsesNeeded()).isEqualTo(1);
        assertThat(ResponseRate.of(41, 100).responsesNeeded()).isZero();
    }

    @Test
    void theTargetIsConfigurable() {
        assertThat(new ResponseRate(50, 100, 50).targetMet()).isFalse();
        assertThat(new ResponseRate(51, 100, 50).targetMet()).isTrue();
        assertThat(ResponseRate.of(1, 2).targetPercent()).isEqualTo(ResponseRate.DEFAULT_TARGET_PERCENT).isEqualTo(40);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> ResponseRate.of(11, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot exceed");
        assertThatThrownBy(() -> ResponseRate.of(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseRate(1, 10, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
