package io.rhythm.platform.web.security;

import java.util.Set;

/** The realm roles of Keycloak realm {@code rhythm}, and the groups endpoints allow. */
public final class Roles {

    public static final String CSE = "cse";
    public static final String CAM = "cam";
    public static final String AVP = "avp";
    public static final String VP = "vp";
    public static final String EVP = "evp";
    public static final String MARKETING = "marketing";
    public static final String INTEGRATION = "integration";
    public static final String ADMIN = "admin";

    /** Roles that see the whole portfolio; CSEs and CAMs see only the clients assigned to them. */
    public static final Set<String> PORTFOLIO_WIDE = Set.of(AVP, VP, EVP, MARKETING, ADMIN);

    /** Every role held by a person (not a machine client). */
    public static final Set<String> PEOPLE = Set.of(CSE, CAM, AVP, VP, EVP, MARKETING, ADMIN);

    private Roles() {
    }
}
