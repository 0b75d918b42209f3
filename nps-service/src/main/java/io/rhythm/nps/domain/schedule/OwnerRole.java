package io.rhythm.nps.domain.schedule;

/**
 * Who owns a cycle milestone, in the seed's role names, with the Keycloak realm role that acts for it
 * (DESIGN "Security": realm roles cse, cam, avp, vp, evp, marketing).
 *
 * <p>Source: seed 000 "Key Contacts" and the participants of the NPS events. Appendix A's "CACs" is
 * undefined in the seeds and is treated as {@link #CAM} (DESIGN "Where the seeds disagree").
 */
public enum OwnerRole {

    /** Client Success Executive. */
    CSE("CSE", "cse"),
    /** Client Account Manager (also Appendix A's "CAC"). */
    CAM("CAM", "cam"),
    /** AVP Client Success — "client segmentation; satisfaction initiatives; team coordination". */
    AVP_CS("AVP CS", "avp"),
    /** VP Business Operations (BizOps) — a participant of the analysis workshop. */
    VP_BIZOPS("VP BizOps", "vp"),
    /** VP Commercial Operations — "sales target alignment; pipeline oversight". */
    VP_COMMOPS("VP CommOps", "vp"),
    /** Executive Vice President — "final approval on client communications". */
    EVP("EVP", "evp"),
    /** Marketing Lead — "campaign coordination; MarCom audit; content production". */
    MARKETING_LEAD("Marketing Lead", "marketing");

    private final String displayName;
    private final String realmRole;

    OwnerRole(String displayName, String realmRole) {
        this.displayName = displayName;
        this.realmRole = realmRole;
    }

    public String displayName() {
        return displayName;
    }

    /** The Keycloak realm role of people acting in this role. */
    public String realmRole() {
        return realmRole;
    }
}
