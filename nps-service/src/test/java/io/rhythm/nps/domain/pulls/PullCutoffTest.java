package io.rhythm.nps.domain.pulls;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PullCutoffTest {

    private static final LocalDate Q2_OPEN = LocalDate.of(2026, 4, 8);
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    @Test
    void dayFiveAndDayTwelveAreTheSeedsPullDates() {
        assertThat(PullCutoff.dateOf(Q2_OPEN, 5)).isEqualTo(LocalDate.of(2026, 4, 13)); // "Apr 13: First non-responder pull"
        assertThat(PullCutoff.dateOf(Q2_OPEN, 12)).isEqualTo(LocalDate.of(2026, 4, 20)); // "Apr 20: Final non-responder pull"
        assertThat(PullCutoff.dateOf(Q2_OPEN, 0)).isEqualTo(Q2_OPEN);
    }

    @Test
    void aDayEndsAtMidnightUtcByDefault() {
        Instant cutoff = PullCutoff.cutoff(Q2_OPEN, 5, null, null, null);
        assertThat(cutoff).isEqualTo(Instant.parse("2026-04-14T00:00:00Z"));
        assertThat(PullCutoff.answeredBy(Instant.parse("2026-04-13T23:59:59.999Z"), cutoff)).isTrue();
        assertThat(PullCutoff.answeredBy(Instant.parse("2026-04-14T00:00:00Z"), cutoff)).isFalse();
        assertThat(PullCutoff.answeredBy(null, cutoff)).isFalse();
    }

    @Test
    void inSydneyTheDayEndsElevenOrTenHoursEarlierInUtc() {
        // 13 April 2026: AEST (UTC+10, daylight saving ended on 5 April)
        Instant cutoff = PullCutoff.cutoff(Q2_OPEN, 5, null, SYDNEY, null);
        assertThat(cutoff).isEqualTo(Instant.parse("2026-04-13T14:00:00Z"));
        assertThat(PullCutoff.answeredBy(Instant.parse("2026-04-13T13:59:59Z"), cutoff)).isTrue();
        // 09:00 on 14 April in Sydney is the next day there, although still 13 April in UTC
        assertThat(PullCutoff.answeredBy(Instant.parse("2026-04-13T23:00:00Z"), cutoff)).isFalse();
        // October: AEDT (UTC+11) — day 5 of Q4 (7 Oct) is 12 Oct, ending at 13:00 UTC
        assertThat(PullCutoff.cutoff(LocalDate.of(2026, 10, 7), 5, null, SYDNEY, null))
                .isEqualTo(Instant.parse("2026-10-12T13:00:00Z"));
    }

    @Test
    void singaporeHasNoDaylightSaving() {
        assertThat(PullCutoff.cutoff(Q2_OPEN, 12, null, SINGAPORE, null)).isEqualTo(Instant.parse("2026-04-20T16:00:00Z"));
    }

    @Test
    void asOfIsTheEndOfThatDateAndNothingMeansNow() {
        assertThat(PullCutoff.cutoff(Q2_OPEN, null, LocalDate.of(2026, 4, 15), ZoneOffset.UTC, null))
                .isEqualTo(Instant.parse("2026-04-16T00:00:00Z"));
        Instant now = Instant.parse("2026-04-10T09:30:00Z");
        assertThat(PullCutoff.cutoff(Q2_OPEN, null, null, null, now)).isEqualTo(now);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> PullCutoff.cutoff(Q2_OPEN, 5, Q2_OPEN, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PullCutoff.dateOf(Q2_OPEN, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PullCutoff.dateOf(Q2_OPEN, PullCutoff.MAX_DAY + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PullCutoff.zone("Mars/Olympus")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PullCutoff.zone(null)).isEqualTo(ZoneOffset.UTC);
        assertThat(PullCutoff.zone(" Australia/Perth ")).isEqualTo(ZoneId.of("Australia/Perth"));
    }
}
