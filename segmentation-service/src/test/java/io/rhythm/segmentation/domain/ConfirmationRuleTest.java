package io.rhythm.segmentation.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.rhythm.segmentation.domain.Segment.*;
import static org.assertj.core.api.Assertions.assertThat;

class ConfirmationRuleTest {

    private static final Instant T0 = Instant.parse("2026-06-12T09:00:00Z");
    private static final ConfirmationRule TWO_INPUTS = new ConfirmationRule(2, null);
    private static final ConfirmationRule FOURTEEN_DAYS = new ConfirmationRule(null, 14);
    private static final ConfirmationRule EITHER = new ConfirmationRule(3, 14);
    private static final ConfirmationRule.Pending NONE = ConfirmationRule.Pending.NONE;

    private static Instant days(double d) {
        return T0.plus(Duration.ofMinutes(Math.round(d * 24 * 60)));
    }

    @Test
    void theFirstSegmentIsTakenAtOnceWhateverTheRule() {
        assertThat(TWO_INPUTS.next(null, LEVERAGE, NONE, T0)).isEqualTo(new ConfirmationRule.Decision(LEVERAGE, T0, NONE));
        assertThat(FOURTEEN_DAYS.next(null, LEVERAGE, NONE, T0).migrateTo()).isEqualTo(LEVERAGE);
    }

    @Test
    void oneNoisyInputDoesNotFlipTheSegmentButTwoConsecutiveOnesDo() {
        var first = TWO_INPUTS.next(GIANTS, SLEEPING_GIANTS, NONE, T0);
        assertThat(first).isEqualTo(new ConfirmationRule.Decision(null, null, new ConfirmationRule.Pending(SLEEPING_GIANTS, 1, T0)));
        var second = TWO_INPUTS.next(GIANTS, SLEEPING_GIANTS, first.pending(), days(1));
        assertThat(second).isEqualTo(new ConfirmationRule.Decision(SLEEPING_GIANTS, days(1), NONE));
    }

    @Test
    void anInputBackInTheCurrentCellClearsAndOneInAnotherCellRestartsCountAndClock() {
        var pending = new ConfirmationRule.Pending(SLEEPING_GIANTS, 1, T0);
        assertThat(EITHER.next(GIANTS, GIANTS, pending, days(13)).pending()).isEqualTo(NONE);
        assertThat(EITHER.next(GIANTS, COLLABORATE, pending, days(13)))
                .isEqualTo(new ConfirmationRule.Decision(null, null, new ConfirmationRule.Pending(COLLABORATE, 1, days(13))));
    }

    @Test
    void unassignedInputsChangeNothingAndOneConfirmationMovesAtOnce() {
        var pending = new ConfirmationRule.Pending(SLEEPING_GIANTS, 1, T0);
        assertThat(TWO_INPUTS.next(GIANTS, null, pending, days(30))).isEqualTo(new ConfirmationRule.Decision(null, null, pending));
        assertThat(new ConfirmationRule(1, null).next(GIANTS, NURTURE, NONE, T0).migrateTo()).isEqualTo(NURTURE);
        assertThat(ConfirmationRule.IMMEDIATE.next(GIANTS, NURTURE, NONE, T0).migrateTo()).isEqualTo(NURTURE);
        assertThat(new ConfirmationRule(3, null).next(GIANTS, NURTURE, new ConfirmationRule.Pending(NURTURE, 2, T0), T0).migrateTo())
                .isEqualTo(NURTURE);
    }

    @Test
    void byDaysAClientMovesOnceItHasSatFourteenFullDaysInTheNewCellEffectiveWhenTheyWereUp() {
        var first = FOURTEEN_DAYS.next(GIANTS, SLEEPING_GIANTS, NONE, T0);
        assertThat(first.migrateTo()).isNull();
        // any number of inputs in the same cell before the days are up: still waiting, the clock keeps its start
        var again = FOURTEEN_DAYS.next(GIANTS, SLEEPING_GIANTS, first.pending(), days(3));
        var more = FOURTEEN_DAYS.next(GIANTS, SLEEPING_GIANTS, again.pending(), days(13.99));
        assertThat(more.migrateTo()).isNull();
        assertThat(more.pending()).isEqualTo(new ConfirmationRule.Pending(SLEEPING_GIANTS, 3, T0));
        // the daily pass: one minute short → stays; from the 14th day on → moves, effective T0 + 14 days exactly
        assertThat(FOURTEEN_DAYS.elapsed(more.pending(), days(14).minusSeconds(60)).migrateTo()).isNull();
        assertThat(FOURTEEN_DAYS.elapsed(more.pending(), days(14))).isEqualTo(new ConfirmationRule.Decision(SLEEPING_GIANTS, days(14), NONE));
        assertThat(FOURTEEN_DAYS.elapsed(more.pending(), days(20)).effectiveAt()).isEqualTo(days(14));
        // an input noticed after the days are up moves it too, still effective when the days were up
        assertThat(FOURTEEN_DAYS.next(GIANTS, SLEEPING_GIANTS, more.pending(), days(16)))
                .isEqualTo(new ConfirmationRule.Decision(SLEEPING_GIANTS, days(14), NONE));
    }

    @Test
    void withBothRulesWhicheverComesFirst() {
        // three inputs within two days confirm by inputs, effective at the third
        var p = EITHER.next(GIANTS, NURTURE, NONE, T0).pending();
        p = EITHER.next(GIANTS, NURTURE, p, days(1)).pending();
        assertThat(EITHER.next(GIANTS, NURTURE, p, days(2))).isEqualTo(new ConfirmationRule.Decision(NURTURE, days(2), NONE));
        // one input and then silence: fourteen days confirm
        var lone = EITHER.next(GIANTS, NURTURE, NONE, T0).pending();
        assertThat(EITHER.elapsed(lone, days(14)).migrateTo()).isEqualTo(NURTURE);
        // inputs only: time alone never confirms
        assertThat(TWO_INPUTS.elapsed(new ConfirmationRule.Pending(NURTURE, 1, T0), days(400)).migrateTo()).isNull();
        assertThat(FOURTEEN_DAYS.elapsed(NONE, days(400)).migrateTo()).isNull();
    }

    @Test
    void theSettingNeedsOneRuleWithinBounds() {
        assertThat(new ConfirmationRule(null, null).problems()).extracting(ModelProblem::field).containsExactly("confirmation");
        assertThat(new ConfirmationRule(11, 0).problems()).extracting(ModelProblem::field)
                .containsExactly("confirmation.consecutiveInputs", "confirmation.days");
        assertThat(new ConfirmationRule(null, 365).problems()).isEmpty();
        assertThat(new ConfirmationRule(10, null).problems()).isEmpty();
    }
}
