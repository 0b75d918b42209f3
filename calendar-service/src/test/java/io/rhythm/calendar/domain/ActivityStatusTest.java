package io.rhythm.calendar.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityStatusTest {

    @Test
    void aPlannedActivityIsHeldCancelledOrMovedAndThenFinal() {
        assertThat(ActivityStatus.PLANNED.canBecome(ActivityStatus.HELD)).isTrue();
        assertThat(ActivityStatus.PLANNED.canBecome(ActivityStatus.CANCELLED)).isTrue();
        assertThat(ActivityStatus.PLANNED.canMove()).isTrue();
        for (ActivityStatus end : new ActivityStatus[]{ActivityStatus.HELD, ActivityStatus.CANCELLED}) {
            assertThat(end.canMove()).isFalse();
            for (ActivityStatus next : ActivityStatus.values()) {
                assertThat(end.canBecome(next)).as(end + " -> " + next).isFalse();
            }
        }
        assertThat(ActivityStatus.PLANNED.canBecome(ActivityStatus.PLANNED)).isFalse();
    }
}
