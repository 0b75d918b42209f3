package io.rhythm.planning.domain;

import io.rhythm.planning.domain.StageMovement.Movement;
import io.rhythm.planning.domain.StageMovement.Step;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.rhythm.planning.domain.OpportunityStage.CLOSED_LOST;
import static io.rhythm.planning.domain.OpportunityStage.CLOSED_WON;
import static io.rhythm.planning.domain.OpportunityStage.NEGOTIATION;
import static io.rhythm.planning.domain.OpportunityStage.PROPOSAL;
import static io.rhythm.planning.domain.OpportunityStage.QUALIFIED;
import static org.assertj.core.api.Assertions.assertThat;

class StageMovementTest {

    private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-05-01T00:00:00Z");

    private static Step step(OpportunityStage stage, String at) {
        return new Step(stage, Instant.parse(at + "T10:00:00Z"));
    }

    private static StageMovement.Result of(Step... steps) {
        return StageMovement.of(List.of(steps), FROM, TO).orElseThrow();
    }

    @Test
    void noChangeOfStageThroughTheWindowIsStalledEvenWithANewProbability() {
        var stalled = of(step(PROPOSAL, "2026-02-01"), step(PROPOSAL, "2026-04-10"));
        assertThat(stalled.movement()).isEqualTo(Movement.STALLED);
        assertThat(stalled.warning()).isTrue();
        assertThat(stalled.stageChanges()).isZero();
        assertThat(stalled.daysSinceStageChange()).isEqualTo(88);
    }

    @Test
    void backToAnEarlierStageOrLostIsRegressedEvenIfItMovedForwardToo() {
        assertThat(of(step(NEGOTIATION, "2026-03-01"), step(QUALIFIED, "2026-04-10")).movement()).isEqualTo(Movement.REGRESSED);
        assertThat(of(step(PROPOSAL, "2026-03-01"), step(CLOSED_LOST, "2026-04-10")).movement()).isEqualTo(Movement.REGRESSED);
        var both = of(step(PROPOSAL, "2026-03-01"), step(NEGOTIATION, "2026-04-05"), step(PROPOSAL, "2026-04-20"));
        assertThat(both.movement()).isEqualTo(Movement.REGRESSED);
        assertThat(both.stageChanges()).isEqualTo(2);
        assertThat(both.stageAtStart()).isEqualTo(PROPOSAL);
    }

    @Test
    void forwardAndWonIsAdvancedAndNewWhenCreatedInTheWindow() {
        assertThat(of(step(PROPOSAL, "2026-03-01"), step(CLOSED_WON, "2026-04-10")).movement()).isEqualTo(Movement.ADVANCED);
        assertThat(of(step(QUALIFIED, "2026-04-02")).movement()).isEqualTo(Movement.NEW);
        assertThat(of(step(QUALIFIED, "2026-04-02"), step(PROPOSAL, "2026-04-03")).movement()).isEqualTo(Movement.ADVANCED);
    }

    @Test
    void closedBeforeTheWindowOrCreatedAfterItHasNoMovement() {
        assertThat(StageMovement.of(List.of(step(PROPOSAL, "2026-02-01"), step(CLOSED_WON, "2026-03-01")), FROM, TO)).isEmpty();
        assertThat(StageMovement.of(List.of(step(PROPOSAL, "2026-05-02")), FROM, TO)).isEmpty();
        // a change after the window is not seen
        assertThat(of(step(PROPOSAL, "2026-02-01"), step(QUALIFIED, "2026-05-03")).movement()).isEqualTo(Movement.STALLED);
    }
}
