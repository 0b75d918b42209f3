package io.rhythm.health.domain.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void inactiveFromFourteenDaysReported() {
        assertThat(types(facts(Map.of("usage.days_since_last_login", reading(14, NOW)), null))).containsExactly(AlertType.INACTIVITY);
        assertThat(types(facts(Map.of("usage.days_since_last_login", reading(13.99, NOW)), null))).isEmpty();
    }

    @Test
    void daysWithoutANewerLoginSignalCount() {
        // reported 13 days a day ago: 14 days now ("no login signal for 14 days")
        assertThat(types(facts(Map.of("usage.days_since_last_login", reading(13, NOW.minus(Duration.ofDays(1)))), null)))
                .containsExactly(AlertType.INACTIVITY);
        assertThat(types(facts(Map.of("usage.days_since_last_login", reading(13, NOW.minus(Duration.ofDays(1)).plusSeconds(1))), null)))
                .isEmpty();
        // a login two weeks ago reported as "0 days" then silence: inactive
        assertThat(types(facts(Map.of("usage.days_since_last_login", reading(0, NOW.minus(Duration.ofDays(14)))), null)))
                .containsExactly(AlertType.INACTIVITY);
        AlertDraft draft = AlertRules.evaluate(facts(Map.of("usage.days_since_last_login", reading(3, NOW.minus(Duration.ofDays(12)))), null)).get(0);
        assertThat(draft.evidence()).containsEntry("usage.days_since_last_login", 15.0);
        assertThat(draft.severity()).isEqualTo(Severity.HIGH);
        assertThat(draft.reason()).contains("15 days");
    }

    @Test
    void noLoginMetricIsNotJudgedAndAFutureReportCountsAsItsValue() {
        assertThat(AlertRules.evaluate(facts(Map.of(), 80.0))).isEmpty();
        assertThat(AlertRules.daysSinceLastLogin(facts(Map.of("usage.days_since_last_login", reading(5, NOW.plusSeconds(3600))), null)))
                .hasValue(5.0);
    }

    @Test
    void healthBelowFiftyEscalatesToTheCsDirector() {
        List<AlertDraft> drafts = AlertRules.evaluate(facts(Map.of(), 49.9));
        assertThat(types(drafts)).containsExactly(AlertType.CRITICAL_HEALTH);
        assertThat(drafts.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(drafts.get(0).alsoNotify()).containsExactly("avp");
        assertThat(drafts.get(0).reason()).contains("49.9").contains("24 h");
        assertThat(AlertRules.evaluate(facts(Map.of(), 50.0))).isEmpty();
        assertThat(AlertRules.evaluate(facts(Map.of(), 0.0))).hasSize(1);
        assertThat(AlertRules.evaluate(facts(Map.of(), null))).isEmpty();
    }

    @Test
    void paymentFailureOrBillingDisputeAlertsCsmAndFinance() {
        List<AlertDraft> failure = AlertRules.evaluate(facts(Map.of("financial.payment_failures_90_days", reading(1, NOW)), null));
        assertThat(types(failure)).containsExactly(AlertType.BILLING_ISSUE);
        assertThat(failure.get(0).alsoNotify()).containsExactly("finance");
        assertThat(failure.get(0).evidence()).containsOnlyKeys("financial.payment_failures_90_days");

        List<AlertDraft> both = AlertRules.evaluate(facts(Map.of("financial.payment_failures_90_days", reading(2, NOW),
                "financial.open_billing_disputes", reading(1, NOW)), null));
        assertThat(both).hasSize(1);
        assertThat(both.get(0).reason()).contains("2 payment failure(s)").contains("1 open billing dispute(s)");

        assertThat(AlertRules.evaluate(facts(Map.of("financial.payment_failures_90_days", reading(0, NOW),
                "financial.open_billing_disputes", reading(0, NOW)), null))).isEmpty();
    }

    @Test
    void urgentTicketAsksForAReviewWithinFourHours() {
        List<AlertDraft> drafts = AlertRules.evaluate(facts(Map.of("support.open_urgent_tickets", reading(1, NOW)), null));
        assertThat(types(drafts)).containsExactly(AlertType.URGENT_TICKET);
        assertThat(drafts.get(0).reason()).contains("4 h");
        assertThat(AlertRules.evaluate(facts(Map.of("support.open_urgent_tickets", reading(0, NOW)), null))).isEmpty();
    }

    @Test
    void everyTriggerAtOnceInTypeOrder() {
        assertThat(types(facts(Map.of("usage.days_since_last_login", reading(30, NOW),
                "financial.open_billing_disputes", reading(1, NOW), "support.open_urgent_tickets", reading(3, NOW)), 12.0)))
                .containsExactly(AlertType.INACTIVITY, AlertType.CRITICAL_HEALTH, AlertType.BILLING_ISSUE, AlertType.URGENT_TICKET);
    }

    private static List<AlertType> types(AlertFacts facts) {
        return types(AlertRules.evaluate(facts));
    }

    private static List<AlertType> types(List<AlertDraft> drafts) {
        return drafts.stream().map(AlertDraft::type).toList();
    }

    private static AlertFacts facts(Map<String, MetricReading> metrics, Double health) {
        return new AlertFacts(metrics, health, NOW);
    }

    private static MetricReading reading(double value, Instant at) {
        return new MetricReading(value, at);
    }
}
