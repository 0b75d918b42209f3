package io.rhythm.nps.domain.schedule;

import io.rhythm.nps.domain.CycleSchedule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.rhythm.nps.domain.schedule.MilestoneCode.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every date of the two 2026 cycles exactly as seed 000 gives them. */
class SeedCycles2026Test {

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private static Milestone at(CyclePlan plan, MilestoneCode code) {
        return plan.milestone(code).orElseThrow();
    }

    @Test
    void q2TwentyTwentySixHasTheSeedsDates() {
        CyclePlan q2 = SeedCycles2026.q2();

        assertThat(q2.cycleName()).isEqualTo("NPS Q2 2026");
        assertThat(q2.recipientListDeadline()).contains(d(3, 25));
        assertThat(q2.openDate()).isEqualTo(d(4, 8));
        assertThat(at(q2, FIRST_NON_RESPONDER_PULL).dueDate()).isEqualTo(d(4, 13));
        assertThat(at(q2, REMINDER).dueDate()).isEqualTo(d(4, 14));
        assertThat(at(q2, FINAL_NON_RESPONDER_PULL).dueDate()).isEqualTo(d(4, 20));
        assertThat(q2.closeDate()).isEqualTo(d(4, 22));
        assertThat(at(q2, ANALYSIS_WORKSHOP).startDate()).isEqualTo(d(4, 27));
        assertThat(at(q2, ANALYSIS_WORKSHOP).dueDate()).isEqualTo(d(5, 1));
        assertThat(at(q2, BU_TALKING_POINTS).dueDate()).isEqualTo(d(5, 13));
        assertThat(at(q2, EVP_APPROVAL).dueDate()).isEqualTo(d(5, 21));
        assertThat(at(q2, CLIENT_LETTERS).startDate()).isEqualTo(d(5, 26));
        assertThat(at(q2, CLIENT_LETTERS).dueDate()).isEqualTo(d(5, 30));
        assertThat(q2.milestone(SCORES_AND_THEMES)).isEmpty();
        assertThat(q2.milestones()).hasSize(10);
    }

    @Test
    void q4TwentyTwentySixHasTheSeedsDatesNotTheAppendixOffsets() {
        CyclePlan q4 = SeedCycles2026.q4();

        assertThat(q4.cycleName()).isEqualTo("NPS Q4 2026");
        assertThat(q4.recipientListDeadline()).contains(d(9, 30));
        assertThat(q4.openDate()).isEqualTo(d(10, 7));
        assertThat(at(q4, FIRST_NON_RESPONDER_PULL).dueDate()).isEqualTo(d(10, 13));
        assertThat(at(q4, REMINDER).dueDate()).isEqualTo(d(10, 14));
        assertThat(at(q4, FINAL_NON_RESPONDER_PULL).dueDate()).isEqualTo(d(10, 20));
        assertThat(q4.closeDate()).isEqualTo(d(10, 21));
        assertThat(at(q4, ANALYSIS_WORKSHOP).startDate()).isEqualTo(d(10, 26));
        assertThat(at(q4, ANALYSIS_WORKSHOP).dueDate()).isEqualTo(d(10, 30));
        assertThat(at(q4, SCORES_AND_THEMES).dueDate()).isEqualTo(d(11, 2));
        assertThat(at(q4, BU_TALKING_POINTS).dueDate()).isEqualTo(d(11, 11));
        assertThat(at(q4, EVP_APPROVAL).dueDate()).isEqualTo(d(11, 19));
        assertThat(at(q4, CLIENT_LETTERS).startDate()).isEqualTo(d(11, 23));
        assertThat(at(q4, CLIENT_LETTERS).dueDate()).isEqualTo(d(11, 25));
        assertThat(q4.milestones()).hasSize(11);
    }

    @Test
    void theTemplateOffsetsReproduceQ2TwentyTwentySixExactly() {
        CyclePlan generated = CycleTemplate.appendixA().plan(SeedCycles2026.Q2_NAME, d(4, 8));

        assertThat(generated).isEqualTo(SeedCycles2026.q2());
    }

    @Test
    void q4TwentyTwentySixDiffersFromTheTemplateWhereTheSeedDisagrees() {
        CyclePlan generated = CycleTemplate.appendixA().plan(SeedCycles2026.Q4_NAME, d(10, 7));
        CyclePlan seed = SeedCycles2026.q4();

        assertThat(at(generated, FIRST_NON_RESPONDER_PULL).dueDate()).isEqualTo(d(10, 12));
        assertThat(at(seed, FIRST_NON_RESPONDER_PULL).dueDate()).isEqualTo(d(10, 13));
        assertThat(generated.closeDate()).isEqualTo(seed.closeDate()); // both day 14
        assertThat(at(generated, ANALYSIS_WORKSHOP)).isEqualTo(at(seed, ANALYSIS_WORKSHOP)); // both days 19-23
        assertThat(at(generated, EVP_APPROVAL)).isEqualTo(at(seed, EVP_APPROVAL));           // both day 43
    }

    @Test
    void cycleScheduleUsesTheSeedsOwnDatesForTheTwentyTwentySixCycles() {
        assertThat(CycleSchedule.plan("NPS Q4 2026", d(10, 7)).milestones()).isEqualTo(SeedCycles2026.q4().milestones());
        assertThat(CycleSchedule.plan("Q4 renamed", d(10, 7)).cycleName()).isEqualTo("Q4 renamed");
        assertThat(SeedCycles2026.openingOn(d(4, 8))).contains(SeedCycles2026.q2());
        assertThat(SeedCycles2026.openingOn(d(4, 9))).isEmpty();
    }

    @Test
    void ownersFollowTheSeed() {
        CyclePlan q4 = SeedCycles2026.q4();

        assertThat(at(q4, RECIPIENT_LIST_DEADLINE).owners()).containsExactly(OwnerRole.CSE, OwnerRole.CAM);
        assertThat(at(q4, EVP_APPROVAL).owners()).containsExactly(OwnerRole.EVP);
        assertThat(at(q4, EVP_APPROVAL).accountable().realmRole()).isEqualTo("evp");
        assertThat(at(q4, SCORES_AND_THEMES).accountable()).isEqualTo(OwnerRole.AVP_CS);
        assertThat(at(q4, CLIENT_LETTERS).owners()).contains(OwnerRole.MARKETING_LEAD);
    }

    @Test
    void milestonesAreInDateOrder() {
        for (CyclePlan plan : SeedCycles2026.all()) {
            List<LocalDate> starts = plan.milestones().stream().map(Milestone::startDate).toList();
            assertThat(starts).isSorted();
            assertThat(plan.milestones().get(0).code()).isEqualTo(RECIPIENT_LIST_DEADLINE);
            assertThat(plan.milestones().get(plan.milestones().size() - 1).code()).isEqualTo(CLIENT_LETTERS);
        }
    }
}
