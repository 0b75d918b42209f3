package io.rhythm.health.domain.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.rhythm.health.domain.scoring.HealthFlag.DECLINE_OVER_10_PERCENT;
import static io.rhythm.health.domain.scoring.HealthFlag.ENTERED_AT_RISK;
import static io.rhythm.health.domain.scoring.HealthFlag.ENTERED_CRITICAL;
import static io.rhythm.health.domain.scoring.HealthFlag.MONTH_OVER_MONTH_SWING;
import static io.rhythm.health.domain.scoring.HealthFlag.RECOVERED_ABOVE_70;
import static org.assertj.core.api.Assertions.assertThat;

class HealthFlagsTest {

    private static boolean swing(double monthAgo, double current) {
        return HealthFlags.evaluate(current, null, monthAgo).contains(MONTH_OVER_MONTH_SWING);
    }

    private static boolean decline(double monthAgo, double current) {
        return HealthFlags.evaluate(current, null, monthAgo).contains(DECLINE_OVER_10_PERCENT);
    }

    @ParameterizedTest(name = "{0} → {1}: swing {2}")
    @CsvSource({
            "80, 65, false", "80, 64.9, true",     // down: exactly 15 → no flag, 15.1 → flag
            "50, 65, false", "50, 65.1, true",     // up counts too
            "30.2, 45.2, false", "30.2, 45.3, true",
            "80, 80, false"})
    void monthOverMonthSwingOfMoreThan15Points(double monthAgo, double current, boolean flagged) {
        assertThat(swing(monthAgo, current)).isEqualTo(flagged);
    }

    @ParameterizedTest(name = "{0} → {1}: decline {2}")
    @CsvSource({
            "80, 72, false", "80, 71.9, true",     // exactly 10 % → no flag
            "50, 45, false", "50, 44.9, true",
            "73.3, 65.97, false",                  // compared as published: 66.0 is a 9.96 % decline
            "73.3, 65.9, true",                    // 10.1 %
            "90, 99, false", "0, 0, false"})
    void declineOfMoreThan10Percent(double monthAgo, double current, boolean flagged) {
        assertThat(decline(monthAgo, current)).isEqualTo(flagged);
    }

    @Test
    void aBigDropRaisesBothMovementFlagsAndTheTransition() {
        assertThat(HealthFlags.evaluate(64.9, 80.0, 80.0))
                .containsExactly(MONTH_OVER_MONTH_SWING, DECLINE_OVER_10_PERCENT, ENTERED_AT_RISK);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "70, 69.9, ENTERED_AT_RISK",
            "85, 60, ENTERED_AT_RISK",
            "50, 49.9, ENTERED_CRITICAL",
            "69.9, 49.9, ENTERED_CRITICAL",
            "90, 40, ENTERED_CRITICAL",
            "69.9, 70, RECOVERED_ABOVE_70",
            "45, 75, RECOVERED_ABOVE_70"})
    void bandTransitions(double previous, double current, HealthFlag flag) {
        assertThat(HealthFlags.evaluate(current, previous, null)).containsExactly(flag);
    }

    @ParameterizedTest(name = "{0} → {1}: nothing")
    @CsvSource({"49.9, 50", "45, 69.9", "60, 55", "70, 70", "75, 85", "85, 70", "30, 20"})
    void movesWithinOrBetweenOtherBandsRaiseNoTransition(double previous, double current) {
        assertThat(HealthFlags.evaluate(current, previous, null)).isEmpty();
    }

    @Test
    void aFirstScoreRaisesNothing() {
        assertThat(HealthFlags.evaluate(20.0, null, null)).isEmpty();
    }

    @Test
    void movementFlagsUseTheMonthEarlierScoreAndTransitionsThePreviousScore() {
        // previous score 68 (already At-Risk), a month ago 90: a swing and a decline, but no new transition
        assertThat(HealthFlags.evaluate(66.0, 68.0, 90.0)).containsExactly(MONTH_OVER_MONTH_SWING, DECLINE_OVER_10_PERCENT);
    }
}
