package io.rhythm.nps.domain;

import io.rhythm.nps.domain.schedule.CyclePlan;
import io.rhythm.nps.domain.schedule.CycleTemplate;
import io.rhythm.nps.domain.schedule.SeedCycles2026;

import java.time.LocalDate;

/**
 * Date rules of an NPS cycle (seed 000, Appendix A: the survey closes on day 14), and the entry point
 * to a cycle's full milestone plan.
 */
public final class CycleSchedule {

    public static final int CLOSE_DAY = 14;

    private CycleSchedule() {
    }

    /** Day {@code n} of a cycle, counting the open date as day 0 (Apr 8 open → day 14 is Apr 22). */
    public static LocalDate day(LocalDate openDate, int n) {
        return openDate.plusDays(n);
    }

    public static LocalDate defaultCloseDate(LocalDate openDate) {
        return day(openDate, CLOSE_DAY);
    }

    /**
     * The milestone plan of a cycle opening on {@code openDate}: the seed's own dates for the 2026 cycles
     * it dates explicitly (Apr 8 and Oct 7, 2026 — {@link SeedCycles2026}), otherwise generated from
     * {@link CycleTemplate#appendixA()} (DESIGN "Where the seeds disagree").
     */
    public static CyclePlan plan(String cycleName, LocalDate openDate) {
        return SeedCycles2026.openingOn(openDate)
                .map(seed -> new CyclePlan(cycleName, seed.milestones()))
                .orElseGet(() -> CycleTemplate.appendixA().plan(cycleName, openDate));
    }
}
