package io.rhythm.planning.domain;

import io.rhythm.planning.domain.StakeholderMap.Person;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanRulesTest {

    @Test
    void stakeholderMapFlagsSingleThreadingAndAMissingSponsor() {
        StakeholderMap one = StakeholderMap.of(List.of(new Person(StakeholderRole.CHAMPION, 5, 5, Sentiment.POSITIVE)));
        assertThat(one.singleThreaded()).isTrue();
        assertThat(one.missingExecutiveSponsor()).isTrue();

        StakeholderMap weakSecond = StakeholderMap.of(List.of(
                new Person(StakeholderRole.CHAMPION, 5, 5, Sentiment.POSITIVE),
                new Person(StakeholderRole.ECONOMIC_BUYER, 5, 2, Sentiment.NEUTRAL)));
        assertThat(weakSecond.singleThreaded()).isTrue();
        assertThat(weakSecond.missingExecutiveSponsor()).isFalse();

        StakeholderMap hostileBuyer = StakeholderMap.of(List.of(
                new Person(StakeholderRole.CHAMPION, 4, 4, Sentiment.POSITIVE),
                new Person(StakeholderRole.ECONOMIC_BUYER, 5, 3, Sentiment.NEGATIVE)));
        assertThat(hostileBuyer.singleThreaded()).isFalse();
        assertThat(hostileBuyer.missingExecutiveSponsor()).isTrue();
        assertThat(StakeholderMap.of(List.of()).singleThreaded()).isTrue();
    }

    @Test
    void completenessListsTheMissingAppendixBComponents() {
        PlanCompleteness empty = PlanCompleteness.of(new PlanCompleteness.Facts(false, 0, 0, 0, false, false, false, false, false));
        assertThat(empty.missing()).containsExactly("HEALTH_ASSESSMENT", "STAKEHOLDER_MAP", "OPPORTUNITY_REGISTER",
                "RISK_REGISTER", "REVENUE_FORECAST", "ENGAGEMENT_PLAN", "UNCOMFORTABLE_TRUTHS");
        assertThat(empty.percentComplete()).isZero();

        PlanCompleteness needsSap = PlanCompleteness.of(new PlanCompleteness.Facts(true, 2, 1, 1, true, false, true, true, true));
        assertThat(needsSap.missing()).containsExactly("SATISFACTION_ACTION_PLAN");
        assertThat(needsSap.percentComplete()).isEqualTo(87);

        PlanCompleteness done = PlanCompleteness.of(new PlanCompleteness.Facts(true, 2, 1, 1, false, false, true, true, true));
        assertThat(done.missing()).isEmpty();
        assertThat(done.percentComplete()).isEqualTo(100);
    }

    @Test
    void sapCadenceIsMonthlyUpdatesAndQuarterlyReviews() {
        java.time.LocalDate activated = java.time.LocalDate.of(2026, 1, 31);
        SapCadence fresh = SapCadence.of(activated, null, null);
        assertThat(fresh.nextUpdateDue()).isEqualTo("2026-02-28");
        assertThat(fresh.nextReviewDue()).isEqualTo("2026-04-30");
        assertThat(fresh.updateOverdue(java.time.LocalDate.of(2026, 2, 28))).isFalse();
        assertThat(fresh.updateOverdue(java.time.LocalDate.of(2026, 3, 1))).isTrue();
        assertThat(fresh.reviewOverdue(java.time.LocalDate.of(2026, 3, 1))).isFalse();

        SapCadence updated = SapCadence.of(activated, java.time.LocalDate.of(2026, 3, 10), null);
        assertThat(updated.nextUpdateDue()).isEqualTo("2026-04-10");
        assertThat(updated.nextReviewDue()).isEqualTo("2026-04-30");
        // a formal review is also a progress update
        SapCadence reviewed = SapCadence.of(activated, java.time.LocalDate.of(2026, 3, 10), java.time.LocalDate.of(2026, 4, 20));
        assertThat(reviewed.nextUpdateDue()).isEqualTo("2026-05-20");
        assertThat(reviewed.nextReviewDue()).isEqualTo("2026-07-20");
        assertThat(SapCadence.of(null, null, null).updateOverdue(java.time.LocalDate.MAX)).isFalse();
    }

    @Test
    void renewalWindowOpensNinetyDaysAhead() {
        RenewalWindow window = new RenewalWindow(java.time.LocalDate.of(2026, 6, 30));
        assertThat(window.kickoff()).isEqualTo("2026-04-01");
        assertThat(window.isOpenOn(java.time.LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(window.isOpenOn(java.time.LocalDate.of(2026, 4, 1))).isTrue();
        assertThat(window.isOpenOn(java.time.LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(window.daysRemaining(java.time.LocalDate.of(2026, 4, 1))).isEqualTo(90);
        assertThat(RenewalWindow.atRisk(69, false)).isTrue();
        assertThat(RenewalWindow.atRisk(70, false)).isFalse();
        assertThat(RenewalWindow.atRisk(null, true)).isTrue();
        assertThat(RenewalWindow.atRisk(null, false)).isFalse();
    }

    @Test
    void diffListsChangedFieldsAndAddedAndRemovedRows() {
        PlanSnapshot q1 = new PlanSnapshot(java.util.Map.of("title", "Plan", "growthRevenue", "100.00"), java.util.Map.of(
                "opportunities", java.util.Map.of("o1", java.util.Map.of("name", "Pathology", "stage", "PROPOSAL"),
                        "o2", java.util.Map.of("name", "Imaging", "stage", "QUALIFIED"))));
        PlanSnapshot h2 = new PlanSnapshot(java.util.Map.of("title", "Plan", "growthRevenue", "150.00"), java.util.Map.of(
                "opportunities", java.util.Map.of("o1", java.util.Map.of("name", "Pathology", "stage", "NEGOTIATION")),
                "risks", java.util.Map.of("r1", java.util.Map.of("description", "Sunrise loss", "status", "CONFIRMED"))));
        PlanDiff diff = PlanDiff.between(q1, h2);
        assertThat(diff.plan()).containsExactly(new PlanDiff.FieldChange("growthRevenue", "100.00", "150.00"));
        assertThat(diff.rows()).extracting(PlanDiff.RowChange::register, PlanDiff.RowChange::id, PlanDiff.RowChange::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("opportunities", "o1", "CHANGED"),
                        org.assertj.core.groups.Tuple.tuple("opportunities", "o2", "REMOVED"),
                        org.assertj.core.groups.Tuple.tuple("risks", "r1", "ADDED"));
        assertThat(diff.rows().get(0).fields()).containsExactly(new PlanDiff.FieldChange("stage", "PROPOSAL", "NEGOTIATION"));
        assertThat(diff.rows().get(2).label()).isEqualTo("Sunrise loss");
        assertThat(PlanDiff.between(h2, h2).rows()).isEmpty();
    }
}
