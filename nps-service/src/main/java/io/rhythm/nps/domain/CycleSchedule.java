package io.rhythm.nps.domain;

import java.time.LocalDate;

/** Date rules of an NPS cycle template (seed 000, Appendix A: the survey closes on day 14). */
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
}
