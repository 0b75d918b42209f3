package io.rhythm.nps.domain.recipients;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientCheckTest {

    @Test
    void aSubscribedContactWithAValidEmailIsIncluded() {
        var verdict = RecipientCheck.check("jane@health.sa.example", true, "CIO", List.of());
        assertThat(verdict.included()).isTrue();
        assertThat(verdict.issues()).isEmpty();
    }

    @Test
    void missingOrInvalidEmailsAndUnsubscribedContactsAreExcludedAndFlagged() {
        assertThat(RecipientCheck.check(null, true, "CIO", List.of()).issues()).containsExactly(RecipientIssue.MISSING_EMAIL);
        assertThat(RecipientCheck.check("  ", true, "CIO", List.of()).included()).isFalse();
        for (String bad : List.of("jane", "jane@", "jane@health", "jane @health.example", "@health.example", "jane@health.c")) {
            assertThat(RecipientCheck.check(bad, true, "CIO", List.of()).issues()).as(bad).containsExactly(RecipientIssue.INVALID_EMAIL);
        }
        var unsubscribed = RecipientCheck.check("jane@health.example", false, "CIO", List.of());
        assertThat(unsubscribed.included()).isFalse();
        assertThat(unsubscribed.issues()).containsExactly(RecipientIssue.UNSUBSCRIBED);
    }

    @Test
    void aContactWithoutRoleIsFlaggedButStillSurveyed() {
        var verdict = RecipientCheck.check("sam@client.example", true, null, List.of());
        assertThat(verdict.included()).isTrue();
        assertThat(verdict.issues()).containsExactly(RecipientIssue.NO_ROLE);
        assertThat(RecipientCheck.check("sam@client.example", true, " ", List.of("CHAMPION")).issues()).isEmpty();
    }
}
