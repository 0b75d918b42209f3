package io.rhythm.segmentation.domain;

import org.junit.jupiter.api.Test;

import static io.rhythm.segmentation.domain.Segment.*;
import static org.assertj.core.api.Assertions.assertThat;

class ConfirmationRuleTest {

    @Test
    void theFirstSegmentIsTakenAtOnce() {
        assertThat(ConfirmationRule.next(null, LEVERAGE, null, 0, 2).migrateTo()).isEqualTo(LEVERAGE);
    }

    @Test
    void oneNoisyInputDoesNotFlipTheSegmentButTwoConsecutiveOnesDo() {
        var first = ConfirmationRule.next(GIANTS, SLEEPING_GIANTS, null, 0, 2);
        assertThat(first).isEqualTo(new ConfirmationRule.Decision(null, SLEEPING_GIANTS, 1));
        var second = ConfirmationRule.next(GIANTS, SLEEPING_GIANTS, first.pending(), first.count(), 2);
        assertThat(second).isEqualTo(new ConfirmationRule.Decision(SLEEPING_GIANTS, null, 0));
    }

    @Test
    void anInputBackInTheCurrentCellOrInAnotherCellRestartsTheCount() {
        assertThat(ConfirmationRule.next(GIANTS, GIANTS, SLEEPING_GIANTS, 1, 2)).isEqualTo(new ConfirmationRule.Decision(null, null, 0));
        assertThat(ConfirmationRule.next(GIANTS, COLLABORATE, SLEEPING_GIANTS, 1, 2))
                .isEqualTo(new ConfirmationRule.Decision(null, COLLABORATE, 1));
    }

    @Test
    void unassignedInputsChangeNothingAndOneConfirmationMovesAtOnce() {
        assertThat(ConfirmationRule.next(GIANTS, null, SLEEPING_GIANTS, 1, 2)).isEqualTo(new ConfirmationRule.Decision(null, SLEEPING_GIANTS, 1));
        assertThat(ConfirmationRule.next(GIANTS, NURTURE, null, 0, 1).migrateTo()).isEqualTo(NURTURE);
        assertThat(ConfirmationRule.next(GIANTS, NURTURE, NURTURE, 2, 3).migrateTo()).isEqualTo(NURTURE);
    }
}
