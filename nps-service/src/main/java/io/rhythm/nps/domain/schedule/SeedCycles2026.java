package io.rhythm.nps.domain.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.rhythm.nps.domain.schedule.MilestoneCode.*;

/**
 * The two NPS cycles of 2026 with the dates exactly as seed 000 gives them ("NPS Q2 Survey",
 * "NPS Q2 Analysis Workshop &amp; Leadership Review", "NPS Q4 Survey", "NPS Q4 Client Communications").
 *
 * <p>DESIGN "Where the seeds disagree": the Q4 2026 dates do not follow Appendix A's day offsets
 * (first pull Oct 13 = day 6, reminder Oct 14 = day 7, final pull Oct 20 = day 13, close Oct 21 = day 14,
 * recipient list Sep 30 = 7 days before, letters Nov 23–25), so both 2026 cycles are stored as explicit
 * dates and only other cycles are generated from {@link CycleTemplate#appendixA()}. Names and owners are
 * those of the default template; Q4 2026 also has the seed's extra "Score &amp; Themes: 2 November".
 */
public final class SeedCycles2026 {

    public static final String Q2_NAME = "NPS Q2 2026";
    public static final String Q4_NAME = "NPS Q4 2026";

    private SeedCycles2026() {
    }

    /** NPS Q2 2026: list Mar 25; live Apr 8–22 (pulls Apr 13 and 20, reminder Apr 14); workshop Apr 27–May 1; BU talking points May 13; EVP approval May 21; letters May 26–30. */
    public static CyclePlan q2() {
        return new Dates(Q2_NAME)
                .on(RECIPIENT_LIST_DEADLINE, 2026, 3, 25)
                .on(SURVEY_OPEN, 2026, 4, 8)
                .on(FIRST_NON_RESPONDER_PULL, 2026, 4, 13)
                .on(REMINDER, 2026, 4, 14)
                .on(FINAL_NON_RESPONDER_PULL, 2026, 4, 20)
                .on(SURVEY_CLOSE, 2026, 4, 22)
                .between(ANALYSIS_WORKSHOP, LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 1))
                .on(BU_TALKING_POINTS, 2026, 5, 13)
                .on(EVP_APPROVAL, 2026, 5, 21)
                .between(CLIENT_LETTERS, LocalDate.of(2026, 5, 26), LocalDate.of(2026, 5, 30))
                .plan();
    }

    /** NPS Q4 2026: list Sep 30; live Oct 7–21 (pulls Oct 13 and 20, reminder Oct 14); workshop Oct 26–30; scores &amp; themes Nov 2; BU talking points Nov 11; EVP approval Nov 19; letters Nov 23–25. */
    public static CyclePlan q4() {
        return new Dates(Q4_NAME)
                .on(RECIPIENT_LIST_DEADLINE, 2026, 9, 30)
                .on(SURVEY_OPEN, 2026, 10, 7)
                .on(FIRST_NON_RESPONDER_PULL, 2026, 10, 13)
                .on(REMINDER, 2026, 10, 14)
                .on(FINAL_NON_RESPONDER_PULL, 2026, 10, 20)
                .on(SURVEY_CLOSE, 2026, 10, 21)
                .between(ANALYSIS_WORKSHOP, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30))
                .on(SCORES_AND_THEMES, 2026, 11, 2)
                .on(BU_TALKING_POINTS, 2026, 11, 11)
                .on(EVP_APPROVAL, 2026, 11, 19)
                .between(CLIENT_LETTERS, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 25))
                .plan();
    }

    public static List<CyclePlan> all() {
        return List.of(q2(), q4());
    }

    /** The seed's own plan of the 2026 cycle that opens on {@code openDate}, if there is one. */
    public static Optional<CyclePlan> openingOn(LocalDate openDate) {
        return all().stream().filter(p -> p.openDate().equals(openDate)).findFirst();
    }

    /** Collects explicit dates, taking names and owners from the default template. */
    private static final class Dates {
        private static final CycleTemplate TEMPLATE = CycleTemplate.appendixA();
        /** "Score &amp; Themes" is not in the template; the scores and themes analysis is CS's (AVP CS) with BizOps. */
        private static final List<OwnerRole> SCORES_AND_THEMES_OWNERS = List.of(OwnerRole.AVP_CS, OwnerRole.VP_BIZOPS);

        private final String name;
        private final List<Milestone> milestones = new ArrayList<>();

        Dates(String name) {
            this.name = name;
        }

        Dates on(MilestoneCode code, int year, int month, int day) {
            LocalDate date = LocalDate.of(year, month, day);
            return between(code, date, date);
        }

        Dates between(MilestoneCode code, LocalDate start, LocalDate end) {
            MilestoneDefinition definition = code == SCORES_AND_THEMES
                    ? new MilestoneDefinition(code, code.displayName(), SCORES_AND_THEMES_OWNERS, 0, 0) // day unused
                    : TEMPLATE.milestone(code).orElseThrow();
            milestones.add(new Milestone(code, definition.name(), definition.owners(), start, end));
            return this;
        }

        CyclePlan plan() {
            return new CyclePlan(name, milestones);
        }
    }
}
