package io.rhythm.health.domain.alerts;

import org.junit.jupiter.api.Test;

import static io.rhythm.health.domain.alerts.AlertStatus.ACKNOWLEDGED;
import static io.rhythm.health.domain.alerts.AlertStatus.ASSESSED;
import static io.rhythm.health.domain.alerts.AlertStatus.EXECUTING;
import static io.rhythm.health.domain.alerts.AlertStatus.OPEN;
import static io.rhythm.health.domain.alerts.AlertStatus.PLANNED;
import static io.rhythm.health.domain.alerts.AlertStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

class AlertStatusTest {

    @Test
    void movesForwardOneStageAtATime() {
        assertThat(OPEN.canMoveTo(ACKNOWLEDGED)).isTrue();
        assertThat(ACKNOWLEDGED.canMoveTo(ASSESSED)).isTrue();
        assertThat(ASSESSED.canMoveTo(PLANNED)).isTrue();
        assertThat(PLANNED.canMoveTo(EXECUTING)).isTrue();
        assertThat(EXECUTING.canMoveTo(RESOLVED)).isTrue();
    }

    @Test
    void neverBackwardsNorInPlaceNorSkippingBeforeTheAssessment() {
        for (AlertStatus from : AlertStatus.values()) {
            for (AlertStatus to : AlertStatus.values()) {
                if (to.ordinal() <= from.ordinal()) {
                    assertThat(from.canMoveTo(to)).as(from + " → " + to).isFalse();
                }
            }
        }
        assertThat(OPEN.canMoveTo(ASSESSED)).isFalse();
        assertThat(OPEN.canMoveTo(RESOLVED)).isFalse();
        assertThat(ACKNOWLEDGED.canMoveTo(RESOLVED)).isFalse();
        assertThat(ACKNOWLEDGED.canMoveTo(PLANNED)).isFalse();
        assertThat(ASSESSED.canMoveTo(EXECUTING)).isFalse();
    }

    @Test
    void anAssessmentMayConcludeNoInterventionIsNeeded() {
        assertThat(ASSESSED.canMoveTo(RESOLVED)).isTrue();
        assertThat(PLANNED.canMoveTo(RESOLVED)).isTrue();
        assertThat(RESOLVED.isOpen()).isFalse();
        assertThat(EXECUTING.isOpen()).isTrue();
    }

    @Test
    void reachedAndParsing() {
        assertThat(PLANNED.reached(ACKNOWLEDGED)).isTrue();
        assertThat(PLANNED.reached(PLANNED)).isTrue();
        assertThat(PLANNED.reached(EXECUTING)).isFalse();
        assertThat(AlertStatus.parse(" acknowledged ")).contains(ACKNOWLEDGED);
        assertThat(AlertStatus.parse("DONE")).isEmpty();
        assertThat(AlertStatus.parse(null)).isEmpty();
    }
}
