package io.rhythm.calendar.domain;

import io.rhythm.platform.web.security.Roles;

import java.util.Set;

/**
 * Who takes part in an operating-rhythm event, as the seed names them (APAC roles, global roles,
 * and the business functions of the cross-functional NPS workshops), with the Rhythm realm roles
 * whose holders see the event as theirs ({@code ?role=cse}). Global roles and functions without a
 * Rhythm login map to no realm role.
 */
public enum ParticipantRole {
    EVP(Scope.APAC, Roles.EVP),
    VP_COMMOPS(Scope.APAC, Roles.VP),
    VP_BIZOPS(Scope.APAC, Roles.VP),
    /** "VPs": every APAC VP. */
    VPS(Scope.APAC, Roles.VP),
    AVP_CS(Scope.APAC, Roles.AVP),
    /** "AVPs": every APAC AVP. */
    AVPS(Scope.APAC, Roles.AVP),
    CSE(Scope.APAC, Roles.CSE),
    CAM(Scope.APAC, Roles.CAM),
    MARKETING_LEAD(Scope.APAC, Roles.MARKETING),
    SVP_CS_MARKETING(Scope.GLOBAL),
    SVP_CS(Scope.GLOBAL),
    VP_CS(Scope.GLOBAL),
    VP_MARKETING(Scope.GLOBAL),
    /** The Client Success function: AVPs, CSEs and CAMs. */
    CS(Scope.FUNCTION, Roles.AVP, Roles.CSE, Roles.CAM),
    PS(Scope.FUNCTION),
    SOLUTIONS(Scope.FUNCTION),
    R_AND_D(Scope.FUNCTION),
    MARKETING(Scope.FUNCTION, Roles.MARKETING),
    HR(Scope.FUNCTION),
    BIZOPS(Scope.FUNCTION, Roles.VP),
    COMMOPS(Scope.FUNCTION, Roles.VP);

    /** Where the participant sits: the APAC team, global leadership, or a business function. */
    public enum Scope { APAC, GLOBAL, FUNCTION }

    private final Scope scope;
    private final Set<String> realmRoles;

    ParticipantRole(Scope scope, String... realmRoles) {
        this.scope = scope;
        this.realmRoles = Set.of(realmRoles);
    }

    public Scope scope() {
        return scope;
    }

    public Set<String> realmRoles() {
        return realmRoles;
    }
}
