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
}
