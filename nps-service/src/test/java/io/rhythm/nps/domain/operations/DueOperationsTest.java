package io.rhythm.nps.domain.operations;

import io.rhythm.nps.domain.schedule.MilestoneCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static io.rhythm.nps.domain.operations.CycleOperation.CLOSE;
import static io.rhythm.nps.domain.operations.CycleOperation.FINAL_PULL;
import static io.rhythm.nps.domain.operations.CycleOperation.FIRST_PULL;
import static io.rhythm.nps.domain.operations.CycleOperation.REMINDERS;
import static io.rhythm.nps.domain.schedule.MilestoneCode.FINAL_NON_RESPONDER_PULL;
import static io.rhythm.nps.domain.schedule.MilestoneCode.FIRST_NON_RESPONDER_PULL;
import static io.rhythm.nps.domain.schedule.MilestoneCode.REMINDER;
import static io.rhythm.nps.domain.schedule.MilestoneCode.SURVEY_CLOSE;
import static org.assertj.core.api.Assertions.assertThat;

/** NPS Q2 2026 (seed 000): open Apr 8, first pull Apr 13, reminder Apr 14, final pull Apr 20, close Apr 22. */
class DueOperationsTest {

    private static final Map<MilestoneCode, LocalDate> Q2 = Map.of(
            FIRST_NON_RESPONDER_PULL, LocalDate.of(2026, 4, 13), REMINDER, LocalDate.of(2026, 4, 14),
            FINAL_NON_RESPONDER_PULL, LocalDate.of(2026, 4, 20), SURVEY_CLOSE, LocalDate.of(2026, 4, 22));
    private static final Instant CLOSES_AT = DueOperations.closesAt(LocalDate.of(2026, 4, 22));

    private static DueOperations.CycleState open(Set<MilestoneCode> pulls, boolean remindersFinished) {
        return new DueOperations.CycleState(false, true, CLOSES_AT, Q2, pulls, remindersFinished, false);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void closesAtTheEndOfTheCloseDateInUtc() {
        assertThat(CLOSES_AT).isEqualTo(at("2026-04-23T00:00:00Z"));
    }

    @Test
    void nothingBeforeTheFirstPull() {
        assertThat(DueOperations.at(open(Set.of(), false), at("2026-04-12T23:59:59Z"))).isEmpty();
    }

    @Test
    void eachMilestoneOnItsDay() {
        assertThat(DueOperations.at(open(Set.of(), false), at("2026-04-13T00:10:00Z"))).containsExactly(FIRST_PULL);
        assertThat(DueOperations.at(open(Set.of(FIRST_NON_RESPONDER_PULL), false), at("2026-04-14T00:10:00Z")))
                .containsExactly(REMINDERS);
        assertThat(DueOperations.at(open(Set.of(FIRST_NON_RESPONDER_PULL), true), at("2026-04-20T09:00:00Z")))
                .containsExactly(FINAL_PULL);
    }

    @Test
    void whatIsDoneIsNotDueAgain() {
        Set<MilestoneCode> both = Set.of(FIRST_NON_RESPONDER_PULL, FINAL_NON_RESPONDER_PULL);
        assertThat(DueOperations.at(open(both, true), at("2026-04-21T12:00:00Z"))).isEmpty();
    }

    @Test
    void theCloseDateItselfStillTakesAnswersTheCloseComesWhenItEnds() {
        Set<MilestoneCode> both = Set.of(FIRST_NON_RESPONDER_PULL, FINAL_NON_RESPONDER_PULL);
        assertThat(DueOperations.at(open(both, true), at("2026-04-22T23:59:59Z"))).isEmpty();
        assertThat(DueOperations.at(open(both, true), at("2026-04-23T00:00:00Z"))).containsExactly(CLOSE);
    }

    @Test
    void aLateScanCatchesUpInTheCyclesOrderAndClosesLast() {
        assertThat(DueOperations.at(open(Set.of(), false), at("2026-04-21T08:00:00Z")))
                .containsExactly(FIRST_PULL, REMINDERS, FINAL_PULL);
        // after the close date no reminder is sent any more (links have expired), but the pulls are still taken for the record
        assertThat(DueOperations.at(open(Set.of(), false), at("2026-05-02T08:00:00Z")))
                .containsExactly(FIRST_PULL, FINAL_PULL, CLOSE);
    }

    @Test
    void aClosedCycleNeedsNothing() {
        var closed = new DueOperations.CycleState(true, true, CLOSES_AT, Q2, Set.of(), false, false);
        assertThat(DueOperations.at(closed, at("2026-04-21T08:00:00Z"))).isEmpty();
        assertThat(DueOperations.at(closed, at("2026-05-21T08:00:00Z"))).isEmpty();
    }

    @Test
    void withoutFrozenListsThereIsNothingToPullOrRemindButTheCycleStillClosesOnItsDate() {
        var notFrozen = new DueOperations.CycleState(false, false, CLOSES_AT, Q2, Set.of(), false, false);
        assertThat(DueOperations.at(notFrozen, at("2026-04-21T08:00:00Z"))).isEmpty();
        // issue 17: e.g. answers imported from another survey tool — closed at the end of the close date like any other
        assertThat(DueOperations.at(notFrozen, at("2026-04-22T23:59:59Z"))).isEmpty();
        assertThat(DueOperations.at(notFrozen, at("2026-04-23T00:00:00Z"))).containsExactly(CLOSE);
        assertThat(DueOperations.at(notFrozen, at("2026-11-23T00:00:00Z"))).containsExactly(CLOSE);
    }

    @Test
    void aPastSurveyEnteredAfterItsCloseDateIsClosedByAPersonOrOnceItsListsAreFrozen() {
        var backfill = new DueOperations.CycleState(false, false, CLOSES_AT, Q2, Set.of(), false, false, true, false);
        assertThat(DueOperations.at(backfill, at("2026-12-04T08:00:00Z"))).isEmpty(); // the import must not race the scan
        var frozen = new DueOperations.CycleState(false, true, CLOSES_AT, Q2, Set.of(FIRST_NON_RESPONDER_PULL,
                FINAL_NON_RESPONDER_PULL), true, false, true, false);
        assertThat(DueOperations.at(frozen, at("2026-12-04T08:00:00Z"))).containsExactly(CLOSE);
    }

    @Test
    void aCycleDeliveredByHubSpotIsPulledAndClosedButNeverReminded() {
        var external = new DueOperations.CycleState(false, true, CLOSES_AT, Q2, Set.of(), false, false, true, true);
        assertThat(DueOperations.at(external, at("2026-04-14T10:00:00Z"))).containsExactly(FIRST_PULL);
        assertThat(DueOperations.at(external, at("2026-04-23T00:00:00Z"))).containsExactly(FIRST_PULL, FINAL_PULL, CLOSE);
    }

    @Test
    void aReminderMilestoneCompletedByAPersonIsLeftAlone() {
        var byHand = new DueOperations.CycleState(false, true, CLOSES_AT, Q2, Set.of(FIRST_NON_RESPONDER_PULL), false, true);
        assertThat(DueOperations.at(byHand, at("2026-04-14T10:00:00Z"))).isEmpty();
    }

    @Test
    void aCycleWithoutPullMilestonesOnlyCloses() {
        var bare = new DueOperations.CycleState(false, true, CLOSES_AT, Map.of(SURVEY_CLOSE, LocalDate.of(2026, 4, 22)),
                Set.of(), false, false);
        assertThat(DueOperations.at(bare, at("2026-04-21T08:00:00Z"))).isEmpty();
        assertThat(DueOperations.at(bare, at("2026-04-24T08:00:00Z"))).containsExactly(CLOSE);
    }

    @Test
    void theQ4TwentyTwentySixDatesOfTheSeedAreFollowedAsStored() {
        // Q4 2026: first pull Oct 13, reminder Oct 14 (not days 5/6 of an Oct 7 opening: stored dates win)
        var q4 = new DueOperations.CycleState(false, true, DueOperations.closesAt(LocalDate.of(2026, 10, 21)),
                Map.of(FIRST_NON_RESPONDER_PULL, LocalDate.of(2026, 10, 13), REMINDER, LocalDate.of(2026, 10, 14),
                        FINAL_NON_RESPONDER_PULL, LocalDate.of(2026, 10, 20)), Set.of(), false, false);
        assertThat(DueOperations.at(q4, at("2026-10-12T12:00:00Z"))).isEmpty();
        assertThat(DueOperations.at(q4, at("2026-10-13T12:00:00Z"))).containsExactly(FIRST_PULL);
    }
}
