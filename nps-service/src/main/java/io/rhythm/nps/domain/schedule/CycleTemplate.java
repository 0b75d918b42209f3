package io.rhythm.nps.domain.schedule;

import io.rhythm.nps.domain.CycleSchedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.rhythm.nps.domain.schedule.MilestoneCode.*;
import static io.rhythm.nps.domain.schedule.OwnerRole.*;

/**
 * The milestone schedule of an NPS cycle, as day offsets from the open date (day 0). Generates the
 * dated {@link CyclePlan} of any cycle that the seed does not date explicitly (DESIGN "Where the seeds
 * disagree": store each cycle's milestones as explicit dates, generate new cycles from the offsets).
 *
 * <h2>The default ({@link #appendixA()}) and where each offset comes from</h2>
 * <table>
 *   <caption>Offsets of the default template</caption>
 *   <tr><th>Milestone</th><th>Day(s)</th><th>Source</th></tr>
 *   <tr><td>Recipient list deadline</td><td>−14</td><td>Appendix A "Pre-Survey (T-2 weeks)"; Q2 2026:
 *       Mar 25 is 14 days before the Apr 8 opening</td></tr>
 *   <tr><td>Survey opens</td><td>0</td><td>Appendix A</td></tr>
 *   <tr><td>First non-responder pull</td><td>5</td><td>Appendix A "(Day 5)"</td></tr>
 *   <tr><td>Reminder email</td><td>6</td><td>Appendix A "(Day 6)"</td></tr>
 *   <tr><td>Final non-responder pull</td><td>12</td><td>Appendix A "(Day 12)"</td></tr>
 *   <tr><td>Survey closes</td><td>14</td><td>Appendix A "(Day 14)"</td></tr>
 *   <tr><td>Analysis workshop</td><td>19–23</td><td>Q2 2026: Apr 27 – May 1, counted from Apr 8</td></tr>
 *   <tr><td>BU talking points</td><td>35</td><td>Q2 2026: May 13</td></tr>
 *   <tr><td>EVP approval</td><td>43</td><td>Q2 2026: May 21</td></tr>
 *   <tr><td>Client letters</td><td>48–52</td><td>Q2 2026: May 26–30</td></tr>
 * </table>
 * Appendix A only says "Week 1 … Week 4" after the close for the last four; the seed's dated Q2 2026
 * table is more precise and is the one used. Q4 2026 agrees on the workshop (Oct 26–30 = days 19–23),
 * BU talking points (Nov 11 = 35) and EVP approval (Nov 19 = 43) but not on the letters (Nov 23–25
 * = 47–49), the pulls (days 6, 7, 13) or the recipient list (Sep 30 = −7): those differences are kept in
 * the explicit Q4 2026 plan ({@link SeedCycles2026}) and do not change the template.
 *
 * <h2>Owners (seed 000)</h2>
 * Recipient list: CSEs and CAMs (participants of "Recipient List Preparation"; Appendix A's "CACs",
 * who chase unsubscribed contacts, are CAMs per DESIGN). Opening, reminder and closing: the Marketing
 * Lead (the survey is a HubSpot campaign; "campaign coordination"). Non-responder pulls: AVP CS
 * ("team coordination") with CSEs and CAMs, who do the "manual follow-up for strategic accounts".
 * Workshop: AVP CS with VP BizOps (CS and BizOps among its participants). BU talking points: VP BizOps
 * with AVP CS. EVP approval: EVP ("final approval on client communications"). Client letters: CSEs and
 * CAMs, with the Marketing Lead (Q4 participants "EVP, CS, Marketing"; "client letter templates").
 * The seed names participants, not single owners, so these are Rhythm's reading — configurable with
 * {@link #withOwners}.
 *
 * <h2>Non-responder rules</h2>
 * Seed 000 pulls non-responders on day 5 (the default); seed 001 follows them up "after 7 days"
 * ({@link #seed001NonResponderFollowUp()}). Both are just offsets of this template.
 *
 * @param milestones the milestone definitions; must include {@link MilestoneCode#SURVEY_OPEN} on day 0
 *                   and {@link MilestoneCode#SURVEY_CLOSE}; codes are unique
 */
public record CycleTemplate(List<MilestoneDefinition> milestones) {

    /** Days before opening that validated recipient lists are due (Appendix A "T-2 weeks"; Q2 2026). */
    public static final int RECIPIENT_LIST_DAY = -14;
    public static final int FIRST_NON_RESPONDER_PULL_DAY = 5;
    public static final int REMINDER_DAY = 6;
    public static final int FINAL_NON_RESPONDER_PULL_DAY = 12;
    /** Seed 001: "Non-Responders: Follow-up outreach after 7 days". */
    public static final int SEED_001_NON_RESPONDER_DAY = 7;

    /** Milestones that happen while the survey is live, between opening and closing. */
    private static final Set<MilestoneCode> DURING_SURVEY = EnumSet.of(FIRST_NON_RESPONDER_PULL, REMINDER, FINAL_NON_RESPONDER_PULL);

    public CycleTemplate {
        milestones = List.copyOf(milestones);
        Set<MilestoneCode> seen = EnumSet.noneOf(MilestoneCode.class);
        for (MilestoneDefinition m : milestones) {
            if (!seen.add(m.code())) {
                throw new IllegalArgumentException("Milestone " + m.code() + " appears twice in the template");
            }
        }
        MilestoneDefinition open = find(milestones, SURVEY_OPEN)
                .orElseThrow(() -> new IllegalArgumentException("A cycle template needs " + SURVEY_OPEN));
        MilestoneDefinition close = find(milestones, SURVEY_CLOSE)
                .orElseThrow(() -> new IllegalArgumentException("A cycle template needs " + SURVEY_CLOSE));
        if (open.startOffset() != 0 || open.endOffset() != 0) {
            throw new IllegalArgumentException(SURVEY_OPEN + " is day 0 by definition");
        }
        if (close.startOffset() <= 0) {
            throw new IllegalArgumentException(SURVEY_CLOSE + " must come after the opening");
        }
        for (MilestoneDefinition m : milestones) {
            if (DURING_SURVEY.contains(m.code()) && (m.startOffset() < 0 || m.endOffset() > close.startOffset())) {
                throw new IllegalArgumentException(m.code() + " must fall while the survey is open (days 0-" + close.startOffset() + ")");
            }
        }
    }

    /** Seed 000's schedule (see the class comment for every offset and owner). */
    public static CycleTemplate appendixA() {
        return new CycleTemplate(List.of(
                MilestoneDefinition.onDay(RECIPIENT_LIST_DEADLINE, RECIPIENT_LIST_DAY, CSE, CAM),
                MilestoneDefinition.onDay(SURVEY_OPEN, 0, MARKETING_LEAD),
                MilestoneDefinition.onDay(FIRST_NON_RESPONDER_PULL, FIRST_NON_RESPONDER_PULL_DAY, AVP_CS, CSE, CAM),
                MilestoneDefinition.onDay(REMINDER, REMINDER_DAY, MARKETING_LEAD),
                MilestoneDefinition.onDay(FINAL_NON_RESPONDER_PULL, FINAL_NON_RESPONDER_PULL_DAY, AVP_CS, CSE, CAM),
                MilestoneDefinition.onDay(SURVEY_CLOSE, CycleSchedule.CLOSE_DAY, MARKETING_LEAD),
                MilestoneDefinition.days(ANALYSIS_WORKSHOP, 19, 23, AVP_CS, VP_BIZOPS),
                MilestoneDefinition.onDay(BU_TALKING_POINTS, 35, VP_BIZOPS, AVP_CS),
                MilestoneDefinition.onDay(EVP_APPROVAL, 43, EVP),
                MilestoneDefinition.days(CLIENT_LETTERS, 48, 52, CSE, CAM, MARKETING_LEAD)));
    }

    /**
     * The default template with seed 001's non-responder rule: non-responders are pulled and followed up
     * (reminder) on day {@value #SEED_001_NON_RESPONDER_DAY} instead of days 5 and 6.
     */
    public static CycleTemplate seed001NonResponderFollowUp() {
        return appendixA()
                .withDays(FIRST_NON_RESPONDER_PULL, SEED_001_NON_RESPONDER_DAY, SEED_001_NON_RESPONDER_DAY)
                .withDays(REMINDER, SEED_001_NON_RESPONDER_DAY, SEED_001_NON_RESPONDER_DAY);
    }

    /** The dated plan of a cycle called {@code cycleName} that opens on {@code openDate}. */
    public CyclePlan plan(String cycleName, LocalDate openDate) {
        Objects.requireNonNull(openDate, "openDate");
        return new CyclePlan(cycleName, milestones.stream().map(m -> m.on(openDate)).toList());
    }

    public Optional<MilestoneDefinition> milestone(MilestoneCode code) {
        return find(milestones, code);
    }

    /** A copy with one milestone moved (it must exist). */
    public CycleTemplate withDays(MilestoneCode code, int firstDay, int lastDay) {
        return replace(code, require(code).withDays(firstDay, lastDay));
    }

    /** A copy with one milestone's owners replaced (it must exist). */
    public CycleTemplate withOwners(MilestoneCode code, List<OwnerRole> owners) {
        return replace(code, require(code).withOwners(owners));
    }

    private MilestoneDefinition require(MilestoneCode code) {
        return milestone(code).orElseThrow(() -> new IllegalArgumentException("The template has no " + code));
    }

    private CycleTemplate replace(MilestoneCode code, MilestoneDefinition replacement) {
        List<MilestoneDefinition> copy = new ArrayList<>(milestones);
        copy.replaceAll(m -> m.code() == code ? replacement : m);
        return new CycleTemplate(copy);
    }

    private static Optional<MilestoneDefinition> find(List<MilestoneDefinition> list, MilestoneCode code) {
        return list.stream().filter(m -> m.code() == code).findFirst();
    }
}
