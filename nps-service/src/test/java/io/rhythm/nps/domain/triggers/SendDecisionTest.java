package io.rhythm.nps.domain.triggers;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SendDecisionTest {

    private static final Duration MIN = Duration.ofDays(30);
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant FAR = NOW.plus(Duration.ofDays(90));
    private static final SendDecision.Contact OK = new SendDecision.Contact(true, true, true, "ada@client.example");

    @Test
    void neverSurveyedIsSent() {
        assertThat(SendDecision.decide(OK, null, MIN, NOW, FAR).action()).isEqualTo(SendDecision.Action.SEND);
    }

    @Test
    void minimumIntervalExactlyReachedIsAllowedOneSecondShortIsNot() {
        Instant exactly = NOW.minus(MIN);
        assertThat(SendDecision.decide(OK, exactly, MIN, NOW, FAR).action()).isEqualTo(SendDecision.Action.SEND);
        SendDecision.Outcome early = SendDecision.decide(OK, exactly.plusSeconds(1), MIN, NOW, FAR);
        assertThat(early.action()).isEqualTo(SendDecision.Action.WAIT);
        assertThat(early.reason()).isEqualTo(SendDecision.SkipReason.MIN_INTERVAL);
        assertThat(early.waitUntil()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void blockedPastTheEndOfTheOccasionIsSkippedWithTheReason() {
        Instant last = NOW.minus(Duration.ofDays(10));
        SendDecision.Outcome skipped = SendDecision.decide(OK, last, MIN, NOW, NOW); // no grace (post-ticket)
        assertThat(skipped.action()).isEqualTo(SendDecision.Action.SKIP);
        assertThat(skipped.reason()).isEqualTo(SendDecision.SkipReason.MIN_INTERVAL);
        assertThat(skipped.detail()).contains(last.toString(), last.plus(MIN).toString());
        // the window ends exactly when the interval allows: too late as well
        assertThat(SendDecision.decide(OK, last, MIN, NOW, last.plus(MIN)).action()).isEqualTo(SendDecision.Action.SKIP);
        assertThat(SendDecision.decide(OK, last, MIN, NOW, last.plus(MIN).plusSeconds(1)).action())
                .isEqualTo(SendDecision.Action.WAIT);
    }

    @Test
    void unsubscribedInvalidInactiveOrUnknownContactsAreNeverSurveyed() {
        assertThat(SendDecision.decide(new SendDecision.Contact(true, true, false, "a@b.example"), null, MIN, NOW, FAR).reason())
                .isEqualTo(SendDecision.SkipReason.UNSUBSCRIBED);
        assertThat(SendDecision.decide(new SendDecision.Contact(true, true, true, "a@b"), null, MIN, NOW, FAR).reason())
                .isEqualTo(SendDecision.SkipReason.INVALID_EMAIL);
        assertThat(SendDecision.decide(new SendDecision.Contact(true, true, true, null), null, MIN, NOW, FAR).reason())
                .isEqualTo(SendDecision.SkipReason.INVALID_EMAIL);
        assertThat(SendDecision.decide(new SendDecision.Contact(true, false, true, "a@b.example"), null, MIN, NOW, FAR).reason())
                .isEqualTo(SendDecision.SkipReason.INACTIVE);
        assertThat(SendDecision.decide(new SendDecision.Contact(false, false, false, null), null, MIN, NOW, FAR).reason())
                .isEqualTo(SendDecision.SkipReason.UNKNOWN_CONTACT);
        // the contact rules come first: an unsubscribed contact is not "waiting" for the interval
        assertThat(SendDecision.decide(new SendDecision.Contact(true, true, false, "a@b.example"), NOW, MIN, NOW, FAR).action())
                .isEqualTo(SendDecision.Action.SKIP);
    }
}
