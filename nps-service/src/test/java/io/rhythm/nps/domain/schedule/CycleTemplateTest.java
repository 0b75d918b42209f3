package io.rhythm.nps.domain.schedule;

import io.rhythm.nps.domain.CycleSchedule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.rhythm.nps.domain.schedule.MilestoneCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CycleTemplateTest {

    private static Milestone at(CyclePlan plan, MilestoneCode code) {
        return plan.milestone(code).orElseThrow();
    }

    @Test
    void generatesEveryMilestoneOfACycleFromItsOpenDate() {
        CyclePlan q2of2027 = CycleTemplate.appendixA().plan("NPS Q2 2027", LocalDate.of(2027, 4, 7));

        assertThat(q2of2027.recipientListDeadline()).contains(LocalDate.of(2027, 3, 24));
        assertThat(q2of2027.openDate()).isEqualTo(LocalDate.of(2027, 4, 7));
        assertThat(at(q2of2027, FIRST_NON_RESPONDER_PULL).dueDate()).isEqualTo(LocalDate.of(2027, 4, 12));
        assertThat(at(q2of2027, REMINDER).dueDate()).isEqualTo(LocalDate.of(2027, 4, 13));
        assertThat(at(q2of2027, FINAL_NON_RESPONDER_PULL).dueDate()).isEqualTo(LocalDate.of(2027, 4, 19));
        assertThat(q2of2027.closeDate()).isEqualTo(LocalDate.of(2027, 4, 21));
        assertThat(at(q2of2027, ANALYSIS_WORKSHOP).startDate()).isEqualTo(LocalDate.of(2027, 4, 26));
        assertThat(at(q2of2027, ANALYSIS_WORKSHOP).dueDate()).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(at(q2of2027, BU_TALKING_POINTS).dueDate()).isEqualTo(LocalDate.of(2027, 5, 12));
        assertThat(at(q2of2027, EVP_APPROVAL).dueDate()).isEqualTo(LocalDate.of(2027, 5, 20));
        assertThat(at(q2of2027, CLIENT_LETTERS).startDate()).isEqualTo(LocalDate.of(2027, 5, 25));
        assertThat(at(q2of2027, CLIENT_LETTERS).dueDate()).isEqualTo(LocalDate.of(2027, 5, 29));
        assertThat(q2of2027.milestones()).hasSize(10);
    }

    @Test
    void offsetsMatchAppendixAAndTheExistingCloseDateRule() {
        CycleTemplate template = CycleTemplate.appendixA();

        assertThat(template.milestone(SURVEY_OPEN).orElseThrow().startOffset()).isZero();
        assertThat(template.milestone(FIRST_NON_RESPONDER_PULL).orElseThrow().startOffset()).isEqualTo(5);
        assertThat(template.milestone(REMINDER).orElseThrow().startOffset()).isEqualTo(6);
        assertThat(template.milestone(FINAL_NON_RESPONDER_PULL).orElseThrow().startOffset()).isEqualTo(12);
        assertThat(template.milestone(SURVEY_CLOSE).orElseThrow().startOffset()).isEqualTo(14);
        assertThat(template.milestone(RECIPIENT_LIST_DEADLINE).orElseThrow().startOffset()).isEqualTo(-14);

        LocalDate open = LocalDate.of(2026, 12, 20);
        CyclePlan plan = template.plan("Year-end pulse", open);
        assertThat(plan.closeDate()).isEqualTo(CycleSchedule.defaultCloseDate(open)).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(at(plan, CLIENT_LETTERS).startDate()).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(at(plan, CLIENT_LETTERS).dueDate()).isEqualTo(LocalDate.of(2027, 2, 10));
    }

    @Test
    void cycleScheduleGeneratesCyclesTheSeedDoesNotDate() {
        CyclePlan plan = CycleSchedule.plan("NPS Q4 2027", LocalDate.of(2027, 10, 6));

        assertThat(plan).isEqualTo(CycleTemplate.appendixA().plan("NPS Q4 2027", LocalDate.of(2027, 10, 6)));
        assertThat(at(plan, FIRST_NON_RESPONDER_PULL).dueDate()).isEqualTo(LocalDate.of(2027, 10, 11));
    }

    @Test
    void seed001NonResponderRuleFollowsUpAfterSevenDays() {
        CyclePlan plan = CycleTemplate.seed001NonResponderFollowUp().plan("Pulse", LocalDate.of(2027, 4, 7));

        assertThat(at(plan, FIRST_NON_RESPONDER_PULL).dueDate()).isEqualTo(LocalDate.of(2027, 4, 14));
        assertThat(at(plan, REMINDER).dueDate()).isEqualTo(LocalDate.of(2027, 4, 14));
        assertThat(at(plan, FINAL_NON_RESPONDER_PULL).dueDate()).isEqualTo(LocalDate.of(2027, 4, 19)); // unchanged
    }

    @Test
    void ownersAreConfigurable() {
        CycleTemplate template = CycleTemplate.appendixA().withOwners(SURVEY_OPEN, List.of(OwnerRole.AVP_CS));

        assertThat(template.milestone(SURVEY_OPEN).orElseThrow().owners()).containsExactly(OwnerRole.AVP_CS);
        assertThat(CycleTemplate.appendixA().milestone(SURVEY_OPEN).orElseThrow().owners())
                .containsExactly(OwnerRole.MARKETING_LEAD);
        assertThat(CycleTemplate.appendixA().milestone(EVP_APPROVAL).orElseThrow().owners()).containsExactly(OwnerRole.EVP);
    }

    @Test
    void rejectsTemplatesThatCannotBeACycle() {
        CycleTemplate ok = CycleTemplate.appendixA();

        assertThatThrownBy(() -> ok.withDays(REMINDER, 15, 15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("while the survey is open");
        assertThatThrownBy(() -> ok.withDays(SURVEY_OPEN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withDays(ANALYSIS_WORKSHOP, 23, 19)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withDays(SCORES_AND_THEMES, 26, 26)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no SCORES_AND_THEMES");

        List<MilestoneDefinition> duplicated = new ArrayList<>(ok.milestones());
        duplicated.add(MilestoneDefinition.onDay(REMINDER, 7, OwnerRole.MARKETING_LEAD));
        assertThatThrownBy(() -> new CycleTemplate(duplicated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");

        List<MilestoneDefinition> withoutClose = ok.milestones().stream().filter(m -> m.code() != SURVEY_CLOSE).toList();
        assertThatThrownBy(() -> new CycleTemplate(withoutClose)).isInstanceOf(IllegalArgumentException.class);

        assertThatThrownBy(() -> MilestoneDefinition.onDay(EVP_APPROVAL, 43)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner");
    }

    @Test
    void knowsWhatIsLiveAndWhatIsOverdue() {
        CyclePlan q2 = SeedCycles2026.q2();
        LocalDate apr15 = LocalDate.of(2026, 4, 15);

        assertThat(q2.isLiveOn(LocalDate.of(2026, 4, 8))).isTrue();
        assertThat(q2.isLiveOn(LocalDate.of(2026, 4, 22))).isTrue();
        assertThat(q2.isLiveOn(LocalDate.of(2026, 4, 23))).isFalse();
        assertThat(q2.overdueOn(apr15, Set.of(SURVEY_OPEN, FIRST_NON_RESPONDER_PULL)))
                .extracting(Milestone::code)
                .containsExactly(RECIPIENT_LIST_DEADLINE, REMINDER);
        assertThat(at(q2, ANALYSIS_WORKSHOP).isRange()).isTrue();
        assertThat(at(q2, ANALYSIS_WORKSHOP).isOverdueOn(LocalDate.of(2026, 5, 1))).isFalse(); // due by May 1, inclusive
        assertThat(at(q2, ANALYSIS_WORKSHOP).isOverdueOn(LocalDate.of(2026, 5, 2))).isTrue();
    }
}
