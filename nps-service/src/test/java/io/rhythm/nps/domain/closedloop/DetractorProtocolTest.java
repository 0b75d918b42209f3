package io.rhythm.nps.domain.closedloop;

import io.rhythm.nps.domain.NpsCategory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetractorProtocolTest {

    private static final Instant OPENED = Instant.parse("2026-10-09T03:14:15Z");
    private static final DetractorProtocol SEED = DetractorProtocol.SEED;

    @Test
    void deadlinesAre24And48And72HoursAfterOpening() {
        Map<SlaStage, Instant> due = SEED.deadlines(OPENED);
        assertThat(due).containsExactly(
                Map.entry(SlaStage.OUTREACH, Instant.parse("2026-10-10T03:14:15Z")),
                Map.entry(SlaStage.ROOT_CAUSE, Instant.parse("2026-10-11T03:14:15Z")),
                Map.entry(SlaStage.ACTION_PLAN, Instant.parse("2026-10-12T03:14:15Z")));
    }

    @Test
    void aDeadlineIsInclusive() {
        Instant due = SEED.deadlines(OPENED).get(SlaStage.OUTREACH);
        assertThat(DetractorProtocol.state(due, null, due.minusSeconds(1))).isEqualTo(StageState.PENDING);
        assertThat(DetractorProtocol.state(due, null, due)).isEqualTo(StageState.PENDING);
        assertThat(DetractorProtocol.state(due, null, due.plusSeconds(1))).isEqualTo(StageState.BREACHED);
        assertThat(DetractorProtocol.state(due, due, due.plusSeconds(100))).isEqualTo(StageState.MET);
        assertThat(DetractorProtocol.state(due, due.plusSeconds(1), due.plusSeconds(100))).isEqualTo(StageState.MET_LATE);
        assertThat(StageState.MET_LATE.breached()).isTrue();
        assertThat(StageState.MET.breached()).isFalse();
    }

    @Test
    void aBreachIsEscalatedOnceAndOnlyWhenBreached() {
        Instant due = SEED.deadlines(OPENED).get(SlaStage.OUTREACH);
        assertThat(DetractorProtocol.mustEscalate(due, null, null, due)).isFalse();
        assertThat(DetractorProtocol.mustEscalate(due, null, null, due.plusSeconds(1))).isTrue();
        assertThat(DetractorProtocol.mustEscalate(due, null, due.plusSeconds(1), due.plusSeconds(60))).isFalse();
        assertThat(DetractorProtocol.mustEscalate(due, due.minusSeconds(1), null, due.plusSeconds(60))).isFalse();
        // met late but never seen by a scan: the breach happened, it is escalated (once)
        assertThat(DetractorProtocol.mustEscalate(due, due.plusSeconds(5), null, due.plusSeconds(60))).isTrue();
    }

    @Test
    void theFollowUpSurveyIsDue30DaysAfterResolutionOnce() {
        Instant resolved = Instant.parse("2026-10-20T00:00:00Z");
        Instant due = SEED.followUpDue(resolved);
        assertThat(due).isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
        assertThat(DetractorProtocol.followUpDueNow(due, null, due.minusSeconds(1))).isFalse();
        assertThat(DetractorProtocol.followUpDueNow(due, null, due)).isTrue();
        assertThat(DetractorProtocol.followUpDueNow(due, due, due.plusSeconds(1))).isFalse();
        assertThat(DetractorProtocol.followUpDueNow(null, null, due)).isFalse();
    }

    @Test
    void durationsMustBePositiveAndInOrder() {
        assertThatThrownBy(() -> new DetractorProtocol(Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(72),
                Duration.ofDays(30), "avp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetractorProtocol(Duration.ZERO, Duration.ofHours(24), Duration.ofHours(72),
                Duration.ofDays(30), "avp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetractorProtocol(Duration.ofHours(24), Duration.ofHours(48), Duration.ofHours(72),
                Duration.ofDays(30), "cse")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leader");
        assertThat(SEED.escalateTo()).isEqualTo("avp");
    }

    @Test
    void passivesAndPromotersGetTheirFollowUpsDetractorsACase() {
        assertThat(FollowUpKind.of(NpsCategory.of(6))).isEmpty();
        assertThat(FollowUpKind.of(NpsCategory.of(7))).contains(FollowUpKind.PASSIVE_IMPROVEMENT);
        assertThat(FollowUpKind.of(NpsCategory.of(8))).contains(FollowUpKind.PASSIVE_IMPROVEMENT);
        assertThat(FollowUpKind.of(NpsCategory.of(9))).contains(FollowUpKind.PROMOTER_THANK_YOU);
        assertThat(FollowUpKind.Timing.DEFAULT.dueAt(FollowUpKind.PASSIVE_IMPROVEMENT, OPENED))
                .isEqualTo(OPENED.plus(Duration.ofDays(7)));
    }

    @Test
    void theClocksStartAtTheSubmissionNotAtTheImport() {
        Instant submitted = Instant.parse("2026-10-09T03:14:15Z");
        Instant importedFourDaysLater = Instant.parse("2026-10-13T09:00:00Z");
        Instant start = DetractorProtocol.clockStart(submitted, importedFourDaysLater);
        assertThat(start).isEqualTo(submitted);
        Map<SlaStage, Instant> due = SEED.deadlines(start);
        // every stage is already breached when the case is opened: each must be escalated at once
        for (Instant d : due.values()) {
            assertThat(DetractorProtocol.mustEscalate(d, null, null, importedFourDaysLater)).isTrue();
        }
        // imported 30 hours late: outreach breached, root cause and action plan still running
        Instant thirtyHours = submitted.plus(java.time.Duration.ofHours(30));
        assertThat(DetractorProtocol.mustEscalate(due.get(SlaStage.OUTREACH), null, null, thirtyHours)).isTrue();
        assertThat(DetractorProtocol.mustEscalate(due.get(SlaStage.ROOT_CAUSE), null, null, thirtyHours)).isFalse();
    }

    @Test
    void withoutASubmissionTimeOrWithOneFromTheFutureTheClocksStartAtReceipt() {
        Instant received = Instant.parse("2026-10-09T03:14:15Z");
        assertThat(DetractorProtocol.clockStart(null, received)).isEqualTo(received);
        assertThat(DetractorProtocol.clockStart(received.plusSeconds(120), received)).isEqualTo(received);
        assertThat(DetractorProtocol.clockStart(received, received)).isEqualTo(received);
    }
}
