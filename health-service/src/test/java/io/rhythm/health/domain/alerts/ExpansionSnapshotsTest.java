package io.rhythm.health.domain.alerts;

import io.rhythm.health.domain.scoring.ExpansionAssessment;
import io.rhythm.health.domain.scoring.ExpansionRule;
import io.rhythm.health.domain.scoring.MonthlySnapshot;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExpansionSnapshotsTest {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth SEP = YearMonth.of(2026, 9);

    @Test
    void monthsWithUsageBecomeSnapshotsWithTheScoreOfTheirMonthEnd() {
        List<MonthlySnapshot> snapshots = ExpansionSnapshots.of(Map.of(NOV, 90.0, OCT, 82.0, SEP, 70.0),
                Map.of(SEP, 60.0), 91.5, NOV);
        assertThat(snapshots).containsExactly(new MonthlySnapshot(SEP, 60.0, 70.0),
                new MonthlySnapshot(OCT, 91.5, 82.0), // no stored score then: the current one stands in
                new MonthlySnapshot(NOV, 91.5, 90.0));
        ExpansionAssessment assessment = ExpansionRule.DEFAULT.assess(snapshots);
        assertThat(assessment.raised()).isTrue();
        assertThat(ExpansionSnapshots.streakStart(assessment.latestMonth(), assessment.usageStreakMonths())).isEqualTo(OCT);
    }

    @Test
    void futureMonthsAreIgnoredAndOneMonthIsNotAStreak() {
        List<MonthlySnapshot> snapshots = ExpansionSnapshots.of(Map.of(NOV, 95.0, NOV.plusMonths(1), 95.0), Map.of(), 90.0, NOV);
        assertThat(snapshots).extracting(MonthlySnapshot::month).containsExactly(NOV);
        assertThat(ExpansionRule.DEFAULT.assess(snapshots).raised()).isFalse();
        assertThat(ExpansionSnapshots.streakStart(NOV, 3)).isEqualTo(SEP);
    }
}
