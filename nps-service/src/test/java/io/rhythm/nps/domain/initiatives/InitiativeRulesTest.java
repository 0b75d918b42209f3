package io.rhythm.nps.domain.initiatives;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.rhythm.nps.domain.initiatives.InitiativeStatus.CANCELLED;
import static io.rhythm.nps.domain.initiatives.InitiativeStatus.DONE;
import static io.rhythm.nps.domain.initiatives.InitiativeStatus.IN_PROGRESS;
import static io.rhythm.nps.domain.initiatives.InitiativeStatus.PLANNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InitiativeRulesTest {

    @Test
    void statusMovesForwardAndFinalStatesAreFinal() {
        assertThat(PLANNED.canMoveTo(IN_PROGRESS)).isTrue();
        assertThat(PLANNED.canMoveTo(DONE)).isTrue();
        assertThat(PLANNED.canMoveTo(CANCELLED)).isTrue();
        assertThat(IN_PROGRESS.canMoveTo(DONE)).isTrue();
        assertThat(IN_PROGRESS.canMoveTo(CANCELLED)).isTrue();
        assertThat(IN_PROGRESS.canMoveTo(PLANNED)).isFalse();
        assertThat(IN_PROGRESS.canMoveTo(IN_PROGRESS)).isTrue();
        for (InitiativeStatus next : InitiativeStatus.values()) {
            assertThat(DONE.canMoveTo(next)).isEqualTo(next == DONE);
            assertThat(CANCELLED.canMoveTo(next)).isEqualTo(next == CANCELLED);
        }
        assertThatThrownBy(() -> DONE.requireMoveTo(IN_PROGRESS)).hasMessageContaining("final");
        assertThatThrownBy(DONE::requireOpenForProgress).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(CANCELLED::requireOpenForProgress).isInstanceOf(IllegalStateException.class);
        IN_PROGRESS.requireOpenForProgress();
    }

    @Test
    void quarters() {
        Quarter q2 = Quarter.parse("2026-Q2");
        assertThat(q2.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(q2.end()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(Quarter.parse(" 2026-Q4 ").end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Quarter.containing(LocalDate.of(2026, 11, 23))).isEqualTo(new Quarter(2026, 4));
        assertThat(Quarter.containing(LocalDate.of(2026, 1, 1))).hasToString("2026-Q1");
        assertThat(q2.contains(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(q2.contains(LocalDate.of(2026, 7, 1))).isFalse();
        for (String bad : new String[]{"2026-Q5", "2026Q2", "Q2 2026", "", "2026-Q0"}) {
            assertThatThrownBy(() -> Quarter.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Quarter.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quarterlyProgressShowsLatestUpToTheQuarterAndTheQuartersUpdates() {
        ProgressEntry march = entry("a", LocalDate.of(2026, 3, 20), 10);
        ProgressEntry april = entry("b", LocalDate.of(2026, 4, 8), 30);
        ProgressEntry june = entry("c", LocalDate.of(2026, 6, 30), 55);
        ProgressEntry july = entry("d", LocalDate.of(2026, 7, 2), 80);
        QuarterlyProgress q2 = QuarterlyProgress.of(List.of(july, june, march, april), Quarter.parse("2026-Q2"));
        assertThat(q2.latest()).isEqualTo(june);
        assertThat(q2.inQuarter()).containsExactly(april, june);
        assertThat(q2.updatedInQuarter()).isTrue();

        QuarterlyProgress q1 = QuarterlyProgress.of(List.of(july, june, march, april), Quarter.parse("2026-Q1"));
        assertThat(q1.latest()).isEqualTo(march);

        QuarterlyProgress quietQ4 = QuarterlyProgress.of(List.of(march, july), Quarter.parse("2026-Q4"));
        assertThat(quietQ4.latest()).isEqualTo(july);
        assertThat(quietQ4.updatedInQuarter()).isFalse();

        assertThat(QuarterlyProgress.of(List.of(), Quarter.parse("2026-Q4")).latest()).isNull();
    }

    private static ProgressEntry entry(String id, LocalDate on, int percent) {
        return new ProgressEntry(id, on, "avp", "step " + id, percent, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(percent));
    }
}
