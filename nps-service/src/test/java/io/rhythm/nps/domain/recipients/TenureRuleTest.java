package io.rhythm.nps.domain.recipients;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TenureRuleTest {

    private static final LocalDate OPEN = LocalDate.of(2026, 10, 7);

    @Test
    void moreThanNinetyDaysAtTheOpenDateIsSurveyed() {
        TenureRule.Verdict verdict = TenureRule.at(OPEN.minusDays(120), OPEN);
        assertThat(verdict.status()).isEqualTo(TenureRule.Status.OVER_90_DAYS);
        assertThat(verdict.days()).isEqualTo(120);
        assertThat(verdict.surveyed()).isTrue();
        assertThat(verdict.note()).isNull();
        assertThat(TenureRule.at(OPEN.minusDays(91), OPEN).surveyed()).as("day 91").isTrue();
    }

    @Test
    void ninetyDaysOrFewerIsExcludedWithTheReason() {
        TenureRule.Verdict sixty = TenureRule.at(OPEN.minusDays(60), OPEN);
        assertThat(sixty.status()).isEqualTo(TenureRule.Status.UP_TO_90_DAYS);
        assertThat(sixty.days()).isEqualTo(60);
        assertThat(sixty.surveyed()).isFalse();
        assertThat(sixty.note()).contains("Customer since 2026-08-08", "60 days at the cycle's open date 2026-10-07",
                "more than 90 days (seed 001)");
        assertThat(TenureRule.at(OPEN.minusDays(90), OPEN).surveyed()).as("exactly 90 days is not more than 90").isFalse();
        assertThat(TenureRule.at(OPEN, OPEN).days()).isZero();
        TenureRule.Verdict future = TenureRule.at(OPEN.plusDays(3), OPEN);
        assertThat(future.surveyed()).isFalse();
        assertThat(future.note()).contains("not yet a customer");
    }

    @Test
    void leapYearsCountRealDays() {
        LocalDate open = LocalDate.of(2028, 3, 31);
        assertThat(TenureRule.at(LocalDate.of(2028, 1, 1), open).days()).isEqualTo(90); // 31 + 29 + 30
        assertThat(TenureRule.at(LocalDate.of(2028, 1, 1), open).surveyed()).isFalse();
        assertThat(TenureRule.at(LocalDate.of(2027, 12, 31), open).surveyed()).isTrue();
    }

    @Test
    void anUnknownDateIsIncludedWithAWarning() {
        TenureRule.Verdict unknown = TenureRule.at(null, OPEN);
        assertThat(unknown.status()).isEqualTo(TenureRule.Status.UNKNOWN);
        assertThat(unknown.surveyed()).isTrue();
        assertThat(unknown.days()).isNull();
        assertThat(unknown.note()).startsWith("Tenure unknown: included").contains("customerSince");
    }

    @Test
    void aStoredVerdictReadsLikeTheDecidedOne() {
        TenureRule.Verdict decided = TenureRule.at(OPEN.minusDays(45), OPEN);
        assertThat(TenureRule.verdict(decided.customerSince(), OPEN, decided.days(), decided.status())).isEqualTo(decided);
    }
}
