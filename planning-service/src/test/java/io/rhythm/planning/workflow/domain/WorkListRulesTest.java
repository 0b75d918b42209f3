package io.rhythm.planning.workflow.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WorkListRulesTest {

    private static final WorkflowDefinition.Role CSM = new WorkflowDefinition.Role("CSM", RoleSide.INTERNAL, List.of("cse", "cam"));
    private static final WorkflowDefinition.Role FINANCE = new WorkflowDefinition.Role("Finance", RoleSide.INTERNAL, List.of("vp"));
    private static final WorkflowDefinition.Role CLIENT = new WorkflowDefinition.Role("Client Contact", RoleSide.CLIENT, List.of());

    @Test
    void internalStepsBelongToHoldersOfTheirRealmRolesAndAdminsClientStepsOnlyWhenAsked() {
        Set<String> cse = Set.of("cse");
        assertThat(WorkList.waitsFor(CSM, null, false, cse)).isTrue();
        assertThat(WorkList.waitsFor(FINANCE, null, false, cse)).isFalse();
        assertThat(WorkList.waitsFor(FINANCE, "INTERNAL", false, Set.of("vp"))).isTrue();
        assertThat(WorkList.waitsFor(FINANCE, null, true, Set.of("admin"))).isTrue();
        assertThat(WorkList.waitsFor(CLIENT, null, false, cse)).isFalse();
        assertThat(WorkList.waitsFor(CLIENT, "CLIENT", false, cse)).isTrue();
        assertThat(WorkList.waitsFor(CSM, "CLIENT", false, cse)).isFalse();
        assertThat(WorkList.waitsFor(CLIENT, "ALL", false, cse)).isTrue();
        assertThat(WorkList.waitsFor(CSM, "ALL", false, cse)).isTrue();
    }
}
