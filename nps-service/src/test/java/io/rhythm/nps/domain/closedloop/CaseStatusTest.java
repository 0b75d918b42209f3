package io.rhythm.nps.domain.closedloop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseStatusTest {

    @Test
    void theWorkflowMovesOneStepForwardOnly() {
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(to.ordinal() == from.ordinal() + 1);
            }
        }
        assertThat(CaseStatus.OPEN.canMoveTo(CaseStatus.ROOT_CAUSE_IDENTIFIED)).isFalse();
        assertThat(CaseStatus.RESOLVED.canMoveTo(CaseStatus.OPEN)).isFalse();
        assertThat(CaseStatus.CLOSED.next()).isEmpty();
        assertThat(CaseStatus.ACTION_PLANNED.next()).contains(CaseStatus.RESOLVED);
    }

    @Test
    void stagesAreMetByTheirStatus() {
        assertThat(SlaStage.metOn(CaseStatus.CONTACTED)).contains(SlaStage.OUTREACH);
        assertThat(SlaStage.metOn(CaseStatus.ROOT_CAUSE_IDENTIFIED)).contains(SlaStage.ROOT_CAUSE);
        assertThat(SlaStage.metOn(CaseStatus.ACTION_PLANNED)).contains(SlaStage.ACTION_PLAN);
        assertThat(SlaStage.metOn(CaseStatus.RESOLVED)).isEmpty();
    }

    @Test
    void parsingIsLenientOnCaseAndStrictOnNames() {
        assertThat(CaseStatus.parse(" contacted ")).contains(CaseStatus.CONTACTED);
        assertThat(CaseStatus.parse("DONE")).isEmpty();
        assertThat(CaseStatus.parse(null)).isEmpty();
    }

    @Test
    void rootCauseAndActionPlanNeedTheirText() {
        assertThatThrownBy(() -> CaseTransition.validate(CaseStatus.CONTACTED, CaseStatus.ROOT_CAUSE_IDENTIFIED, "  "))
                .isInstanceOf(CaseTransition.MissingText.class).hasMessageContaining("root cause");
        assertThatThrownBy(() -> CaseTransition.validate(CaseStatus.ROOT_CAUSE_IDENTIFIED, CaseStatus.ACTION_PLANNED, null))
                .isInstanceOf(CaseTransition.MissingText.class).hasMessageContaining("action plan");
        assertThat(CaseTransition.validate(CaseStatus.CONTACTED, CaseStatus.ROOT_CAUSE_IDENTIFIED, " Outdated UI "))
                .isEqualTo("Outdated UI");
        assertThat(CaseTransition.validate(CaseStatus.OPEN, CaseStatus.CONTACTED, null)).isNull();
        assertThatThrownBy(() -> CaseTransition.validate(CaseStatus.OPEN, CaseStatus.CONTACTED, "x".repeat(4001)))
                .isInstanceOf(CaseTransition.MissingText.class);
    }

    @Test
    void aSkippedOrBackwardStepIsInvalid() {
        assertThatThrownBy(() -> CaseTransition.validate(CaseStatus.OPEN, CaseStatus.RESOLVED, null))
                .isInstanceOf(CaseTransition.Invalid.class).hasMessageContaining("next step is CONTACTED");
        assertThatThrownBy(() -> CaseTransition.validate(CaseStatus.CLOSED, CaseStatus.OPEN, null))
                .isInstanceOf(CaseTransition.Invalid.class).hasMessageContaining("closed");
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void noStatusMovesToItself(CaseStatus status) {
        assertThat(status.canMoveTo(status)).isFalse();
    }
}
