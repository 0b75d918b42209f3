package io.rhythm.planning.workflow.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerRulesTest {

    @Test
    void aHealthCheckStartsWhenTheScoreDropsIntoAtRiskOrCritical() {
        assertThat(TriggerRules.startsHealthCheck("STABLE", "AT_RISK")).isTrue();
        assertThat(TriggerRules.startsHealthCheck("HEALTHY", "CRITICAL")).isTrue();
        assertThat(TriggerRules.startsHealthCheck("AT_RISK", "CRITICAL")).isTrue();
        assertThat(TriggerRules.startsHealthCheck(null, "AT_RISK")).isTrue();
        assertThat(TriggerRules.startsHealthCheck("AT_RISK", "AT_RISK")).isFalse();
        assertThat(TriggerRules.startsHealthCheck("CRITICAL", "AT_RISK")).isFalse();
        assertThat(TriggerRules.startsHealthCheck("HEALTHY", "STABLE")).isFalse();
    }

    @Test
    void aBillingDisputeStartsOnABillingAlertWithAnOpenDispute() {
        assertThat(TriggerRules.startsBillingDispute("BILLING_ISSUE", Map.of(TriggerRules.OPEN_BILLING_DISPUTES, 1.0))).isTrue();
        assertThat(TriggerRules.startsBillingDispute("BILLING_ISSUE", Map.of("financial.payment_failures_90_days", 2.0))).isFalse();
        assertThat(TriggerRules.startsBillingDispute("CRITICAL_HEALTH", Map.of(TriggerRules.OPEN_BILLING_DISPUTES, 1.0))).isFalse();
    }
}
