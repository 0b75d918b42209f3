package io.rhythm.planning.workflow.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowRunTest {

    private static WorkflowDefinition.Step step(String name, StepType type, List<WorkflowDefinition.Outcome> outcomes) {
        return new WorkflowDefinition.Step(name, type, "CSM", name, 7, List.of(), outcomes);
    }

    private static final WorkflowDefinition RENEWAL = new WorkflowDefinition("renewal", "Renewal", "d", List.of(), "Standard",
            new WorkflowDefinition.Trigger("MANUAL", "by hand"), null, null,
            List.of(new WorkflowDefinition.Role("CSM", RoleSide.INTERNAL, List.of("cse"))),
            List.of(step("Kickoff", StepType.FORM, null), step("Pricing approval", StepType.APPROVAL, null),
                    step("Client decision", StepType.DECISION, List.of(
                            new WorkflowDefinition.Outcome("ACCEPT", "Accept", null, null),
                            new WorkflowDefinition.Outcome("WILL_NOT_RENEW", "Will not renew", true, true))),
                    step("Sign", StepType.E_SIGN, null), step("CRM update", StepType.TODO, null)));

    @Test
    void stepsProgressInOrderAndTheLastCompletesTheWorkflow() {
        assertThat(WorkflowRun.after(RENEWAL, 1, null)).isEqualTo(
                new WorkflowRun.Transition(WorkflowStatus.RUNNING, Optional.of(2), List.of(), false));
        assertThat(WorkflowRun.after(RENEWAL, 3, "ACCEPT").nextActive()).contains(4);
        assertThat(WorkflowRun.after(RENEWAL, 5, null)).isEqualTo(
                new WorkflowRun.Transition(WorkflowStatus.COMPLETED, Optional.empty(), List.of(), false));
    }

    @Test
    void aDecisionThatEndsTheWorkflowSkipsTheRest() {
        WorkflowRun.Transition ended = WorkflowRun.after(RENEWAL, 3, "WILL_NOT_RENEW");
        assertThat(ended.status()).isEqualTo(WorkflowStatus.ENDED);
        assertThat(ended.nextActive()).isEmpty();
        assertThat(ended.skipped()).containsExactly(4, 5);
    }

    @Test
    void aRejectedApprovalReopensThePreviousStep() {
        WorkflowRun.Transition rejected = WorkflowRun.after(RENEWAL, 2, WorkflowRun.REJECTED);
        assertThat(rejected).isEqualTo(new WorkflowRun.Transition(WorkflowStatus.RUNNING, Optional.of(1), List.of(), true));
        assertThat(WorkflowRun.after(RENEWAL, 2, WorkflowRun.APPROVED).nextActive()).contains(3);
    }

    @Test
    void outcomesAreCheckedPerStepType() {
        assertThat(WorkflowRun.outcomeProblem(RENEWAL.step(2), "MAYBE")).contains("must be APPROVED or REJECTED for an Approval");
        assertThat(WorkflowRun.outcomeProblem(RENEWAL.step(2), null)).isPresent();
        assertThat(WorkflowRun.outcomeProblem(RENEWAL.step(3), "DOWNGRADE")).contains("must be one of [ACCEPT, WILL_NOT_RENEW]");
        assertThat(WorkflowRun.outcomeProblem(RENEWAL.step(3), "ACCEPT")).isEmpty();
        assertThat(WorkflowRun.outcomeProblem(RENEWAL.step(1), "ACCEPT")).contains("only an Approval or a Decision has an outcome");
        assertThat(WorkflowRun.outcomeProblem(RENEWAL.step(1), null)).isEmpty();
        assertThatThrownBy(() -> WorkflowRun.after(RENEWAL, 6, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void definitionsCheckTheirCrossReferences() {
        WorkflowDefinition broken = new WorkflowDefinition("x", "X", "d", List.of(), null,
                new WorkflowDefinition.Trigger("MANUAL", "by hand"), null, null,
                List.of(new WorkflowDefinition.Role("CSM", RoleSide.INTERNAL, List.of()),
                        new WorkflowDefinition.Role("Client", RoleSide.CLIENT, List.of("cse"))),
                List.of(new WorkflowDefinition.Step("a", StepType.TODO, "Finance", "d", 3,
                                List.of(new WorkflowDefinition.Field("f", "F", FieldType.TEXT_SINGLE_LINE, true, null)), null),
                        new WorkflowDefinition.Step("b", StepType.DECISION, "CSM", "d", 3, List.of(),
                                List.of(new WorkflowDefinition.Outcome("ONLY", "Only", null, null)))));
        assertThat(broken.problems()).extracting(e -> e.field()).containsExactly("roles[0].realmRoles", "roles[1].realmRoles",
                "steps[0].assigneeRole", "steps[0].fields", "steps[1].outcomes");
        assertThat(RENEWAL.problems()).isEmpty();
    }
}
