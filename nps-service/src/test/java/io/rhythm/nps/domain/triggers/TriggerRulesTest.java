package io.rhythm.nps.domain.triggers;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerRulesTest {

    private static final UUID CLIENT = UUID.randomUUID();
    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    private static List<SurveyKind> kinds(LocalDate startedOn, LocalDate renewal, LocalDate today) {
        return TriggerRules.due(new TriggerRules.ClientFacts(CLIENT, startedOn, renewal), today).stream()
                .map(TriggerRules.Due::kind).toList();
    }

    @Test
    void relationshipSurveyOnlyAfterNinetyDaysOfTenure() {
        assertThat(kinds(START, null, START.plusDays(89))).doesNotContain(SurveyKind.RELATIONSHIP_QUARTERLY);
        assertThat(kinds(START, null, START.plusDays(90))).as("day 90 is not over 90 days")
                .doesNotContain(SurveyKind.RELATIONSHIP_QUARTERLY);
        assertThat(kinds(START, null, START.plusDays(91))).containsExactly(SurveyKind.RELATIONSHIP_QUARTERLY);
    }

    @Test
    void establishedClientsWithoutStartDateCountAsLongTenure() {
        assertThat(kinds(null, null, START)).containsExactly(SurveyKind.RELATIONSHIP_QUARTERLY);
    }

    @Test
    void relationshipOccasionIsTheCalendarQuarterSoItRunsOncePerQuarter() {
        LocalDate oct = LocalDate.of(2026, 10, 1);
        LocalDate dec = LocalDate.of(2026, 12, 31);
        LocalDate jan = LocalDate.of(2027, 1, 1);
        TriggerRules.Due q4a = TriggerRules.due(new TriggerRules.ClientFacts(CLIENT, null, null), oct).get(0);
        TriggerRules.Due q4b = TriggerRules.due(new TriggerRules.ClientFacts(CLIENT, null, null), dec).get(0);
        TriggerRules.Due q1 = TriggerRules.due(new TriggerRules.ClientFacts(CLIENT, null, null), jan).get(0);
        assertThat(q4a.occasion()).isEqualTo("2026-Q4").isEqualTo(q4b.occasion());
        assertThat(q1.occasion()).isEqualTo("2027-Q1");
        assertThat(q4b.windowEnds()).isEqualTo(jan);
    }

    @Test
    void onboardingSurveyOnDayThirtyWithAShortCatchUpAndOneOccasionPerStart() {
        assertThat(kinds(START, null, START.plusDays(29))).isEmpty();
        List<TriggerRules.Due> day30 = TriggerRules.due(new TriggerRules.ClientFacts(CLIENT, START, null), START.plusDays(30));
        assertThat(day30).extracting(TriggerRules.Due::kind).containsExactly(SurveyKind.ONBOARDING_DAY_30);
        assertThat(day30.get(0).dueOn()).isEqualTo(START.plusDays(30));
        assertThat(day30.get(0).occasion()).isEqualTo("onboarding:2026-03-02");
        // missed that day: caught up within the week, with the same occasion (so still only once)
        List<TriggerRules.Due> day36 = TriggerRules.due(new TriggerRules.ClientFacts(CLIENT, START, null), START.plusDays(36));
        assertThat(day36.get(0).occasion()).isEqualTo(day30.get(0).occasion());
        assertThat(kinds(START, null, START.plusDays(37))).isEmpty();
        assertThat(kinds(null, null, START)).doesNotContain(SurveyKind.ONBOARDING_DAY_30);
    }

    @Test
    void preRenewalSurveyFromSixtyDaysBeforeTheRenewalDateOncePerRenewalDate() {
        LocalDate renewal = LocalDate.of(2027, 6, 30);
        LocalDate young = renewal.minusDays(80); // tenure < 90: only the renewal rule applies
        assertThat(kinds(young, renewal, renewal.minusDays(61))).isEmpty();
        List<TriggerRules.Due> due = TriggerRules.due(new TriggerRules.ClientFacts(CLIENT, young, renewal), renewal.minusDays(60));
        assertThat(due).extracting(TriggerRules.Due::kind).containsExactly(SurveyKind.PRE_RENEWAL_60_DAYS);
        assertThat(due.get(0).occasion()).isEqualTo("renewal:2027-06-30");
        assertThat(due.get(0).windowEnds()).isEqualTo(renewal);
        assertThat(kinds(young, renewal, renewal.minusDays(1))).containsExactly(SurveyKind.PRE_RENEWAL_60_DAYS);
        assertThat(kinds(young, renewal, renewal)).as("on the renewal date it is too late").isEmpty();
        // a new renewal date is a new occasion
        LocalDate next = renewal.plusYears(1);
        assertThat(TriggerRules.due(new TriggerRules.ClientFacts(CLIENT, young, next), next.minusDays(60)).stream()
                .filter(d -> d.kind() == SurveyKind.PRE_RENEWAL_60_DAYS).findFirst().orElseThrow().occasion())
                .isEqualTo("renewal:2028-06-30");
    }

    @Test
    void kindsSayRelationshipOrTransactional() {
        assertThat(SurveyKind.RELATIONSHIP_QUARTERLY.type()).isEqualTo(SurveyKind.SurveyType.RELATIONSHIP);
        assertThat(SurveyKind.PRE_RENEWAL_60_DAYS.type()).isEqualTo(SurveyKind.SurveyType.RELATIONSHIP);
        assertThat(SurveyKind.ONBOARDING_DAY_30.type()).isEqualTo(SurveyKind.SurveyType.TRANSACTIONAL);
        assertThat(SurveyKind.POST_TICKET.type()).isEqualTo(SurveyKind.SurveyType.TRANSACTIONAL);
        assertThat(SurveyKind.DETRACTOR_FOLLOW_UP.type()).isEqualTo(SurveyKind.SurveyType.TRANSACTIONAL);
    }
}
