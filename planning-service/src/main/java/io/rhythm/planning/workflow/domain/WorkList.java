package io.rhythm.planning.workflow.domain;

import java.util.Collection;

/** Who a waiting step is for, in a person's work list. */
public final class WorkList {

    /** INTERNAL (the default): steps the caller completes; CLIENT: steps waiting on the client; ALL: both. */
    public static final String SIDES = "INTERNAL|CLIENT|ALL";

    private WorkList() {
    }

    /**
     * Whether a step assigned to {@code role} belongs in the work list of a caller holding {@code callerRoles}: an
     * internal step when the caller holds one of the role's realm roles (an admin holds them all); a client step
     * (the caller's team sends and chases its link) when client steps are asked for.
     */
    public static boolean waitsFor(WorkflowDefinition.Role role, String side, boolean admin, Collection<String> callerRoles) {
        String wanted = side == null ? "INTERNAL" : side;
        if (role.side() == RoleSide.CLIENT) {
            return !wanted.equals("INTERNAL");
        }
        return !wanted.equals("CLIENT") && (admin || role.realmRoles().stream().anyMatch(callerRoles::contains));
    }
}
