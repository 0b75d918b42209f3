package io.rhythm.nps.domain.themes;

/**
 * The business functions that own feedback themes (seed 002, Module 2: "map recurring feedback themes to
 * specific operational changes, assigning owners"; seed 000 Satisfaction Action Plan: "business function
 * responsible").
 *
 * <p>Source of the list: the participants of seed 000's "NPS Q2 Analysis Workshop" (CS, PS, Solutions,
 * R&amp;D, Marketing, HR, BizOps, CommOps), plus Support and Finance, which seed 001 routes to directly
 * ("technical support", "alert CSM and finance team").
 */
public enum BusinessFunction {

    CS("Client Success"),
    PS("Professional Services"),
    SOLUTIONS("Solutions"),
    R_AND_D("R&D"),
    MARKETING("Marketing"),
    HR("HR"),
    BIZOPS("Business Operations"),
    COMMOPS("Commercial Operations"),
    SUPPORT("Support"),
    FINANCE("Finance");

    private final String displayName;

    BusinessFunction(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
