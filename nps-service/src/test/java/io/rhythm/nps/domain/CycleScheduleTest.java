package io.rhythm.nps.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CycleScheduleTest {

    @Test
    void q2TwentyTwentySixClosesOnDayFourteenAsInTheSeed() {
        LocalDate open = LocalDate.of(2026, 4, 8);
        assertThat(CycleSchedule.day(open, 5)).isEqualTo(LocalDate.of(2026, 4, 13)); // first non-responder pull
        assertThat(CycleSchedule.day(open, 6)).isEqualTo(LocalDate.of(2026, 4, 14)); // reminder
        assertThat(CycleSchedule.day(open, 12)).isEqualTo(LocalDate.of(2026, 4, 20)); // final pull
        assertThat(CycleSchedule.defaultCloseDate(open)).isEqualTo(LocalDate.of(2026, 4, 22));
    }

    @Test
    void closeDateCrossesMonthEnds() {
        assertThat(CycleSchedule.defaultCloseDate(LocalDate.of(2026, 12, 20))).isEqualTo(LocalDate.of(2027, 1, 3));
    }
}
