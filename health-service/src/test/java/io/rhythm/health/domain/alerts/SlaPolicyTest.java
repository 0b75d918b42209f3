package io.rhythm.health.domain.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaPolicyTest {

    private static final Instant RAISED = Instant.parse("2026-11-23T09:15:00Z");

    @Test
    void seedProtocolIsTwoFourTwentyFourFortyEightSeventyTwoHours() {
        assertThat(SlaPolicy.SEED_001.deadlines(AlertType.URGENT_TICKET, RAISED)).containsExactly(
                new SlaDeadline(AlertStatus.ACKNOWLEDGED, Instant.parse("2026-11-23T11:15:00Z"), "avp"),
                new SlaDeadline(AlertStatus.ASSESSED, Instant.parse("2026-11-23T13:15:00Z"), "avp"),
                new SlaDeadline(AlertStatus.PLANNED, Instant.parse("2026-11-24T09:15:00Z"), "avp"),
                new SlaDeadline(AlertStatus.EXECUTING, Instant.parse("2026-11-25T09:15:00Z"), "avp"),
                new SlaDeadline(AlertStatus.RESOLVED, Instant.parse("2026-11-26T09:15:00Z"), "avp"));
    }

    @Test
    void exactlyAtTheDeadlineIsInTimeOneSecondLaterIsBreached() {
        SlaDeadline acknowledge = SlaPolicy.SEED_001.deadlines(AlertType.INACTIVITY, RAISED).get(0);
        Instant twoHours = RAISED.plus(Duration.ofHours(2));
        assertThat(acknowledge.breached(null, twoHours)).isFalse();
        assertThat(acknowledge.breached(null, twoHours.plusSeconds(1))).isTrue();
        assertThat(acknowledge.breached(null, twoHours.minusSeconds(1))).isFalse();
        // reached in time stays met whatever the time now; reached late stays breached
        assertThat(acknowledge.breached(twoHours, twoHours.plus(Duration.ofDays(5)))).isFalse();
        assertThat(acknowledge.breached(twoHours.plusSeconds(1), twoHours.plusSeconds(1))).isTrue();
    }

    @Test
    void aTypesOwnRowReplacesTheDefaultOfTheSameStage() {
        SlaPolicy policy = new SlaPolicy(List.of(
                new SlaStage(null, AlertStatus.ACKNOWLEDGED, Duration.ofHours(2), "avp"),
                new SlaStage(null, AlertStatus.ASSESSED, Duration.ofHours(4), "avp"),
                new SlaStage(AlertType.CRITICAL_HEALTH, AlertStatus.ASSESSED, Duration.ofHours(1), "vp")));
        assertThat(policy.forType(AlertType.CRITICAL_HEALTH)).extracting(SlaStage::stage, SlaStage::dueAfter, SlaStage::escalateTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertStatus.ACKNOWLEDGED, Duration.ofHours(2), "avp"),
                        org.assertj.core.groups.Tuple.tuple(AlertStatus.ASSESSED, Duration.ofHours(1), "vp"));
        assertThat(policy.forType(AlertType.BILLING_ISSUE)).extracting(SlaStage::dueAfter)
                .containsExactly(Duration.ofHours(2), Duration.ofHours(4));
    }

    @Test
    void stagesAreValidated() {
        assertThatThrownBy(() -> new SlaStage(null, AlertStatus.OPEN, Duration.ofHours(1), "avp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaStage(null, AlertStatus.ASSESSED, Duration.ZERO, "avp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaStage(null, AlertStatus.ASSESSED, Duration.ofHours(1), " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
