package io.rhythm.nps.domain.schedule;

/**
 * Stable codes of NPS cycle milestones (safe to store and to put in events), with their default
 * display names. Source: seed 000, Appendix A "NPS Process Checklist" and the NPS Q2/Q4 2026 tables.
 */
public enum MilestoneCode {

    /** Validated recipient lists due (seed 000 "NPS Q2 Recipient List Preparation … (deadline)"). */
    RECIPIENT_LIST_DEADLINE("Recipient list deadline"),
    /** Day 0 (Appendix A; "Apr 8: Survey opens"). */
    SURVEY_OPEN("Survey opens"),
    /** Day 5 (Appendix A "Pull non-responder list (Day 5)"). */
    FIRST_NON_RESPONDER_PULL("First non-responder pull"),
    /** Day 6 (Appendix A "Send reminder email (Day 6)"). */
    REMINDER("Reminder email sent"),
    /** Day 12 (Appendix A "Pull final non-responder list (Day 12)"). */
    FINAL_NON_RESPONDER_PULL("Final non-responder pull"),
    /** Day 14 (Appendix A "Close survey (Day 14)"). */
    SURVEY_CLOSE("Survey closes"),
    /** Appendix A "Conduct analysis workshop (Week 1)"; Q2 2026 "Apr 27-May 1". */
    ANALYSIS_WORKSHOP("Cross-functional analysis workshop"),
    /** Only in the Q4 2026 table: "Score &amp; Themes: 2 November". */
    SCORES_AND_THEMES("Scores and themes"),
    /** Appendix A "Develop BU talking points (Week 2)"; Q2 2026 "May 13: BU talking points finalised". */
    BU_TALKING_POINTS("BU talking points finalised"),
    /** Appendix A "EVP approval (Week 3)"; Q2 2026 "May 21: EVP approval of client communications". */
    EVP_APPROVAL("EVP approval of client communications"),
    /** Appendix A "Send client letters (Week 4)"; Q2 2026 "May 26-30: Client letters sent". */
    CLIENT_LETTERS("Client letters sent");

    private final String displayName;

    MilestoneCode(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
