package io.rhythm.segmentation.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CadenceRuleTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

    @ParameterizedTest(name = "{0} held {1} → due {2}")
    @CsvSource({
            "MONTHLY, 2026-01-31, 2026-02-28",   // month end clamps
            "MONTHLY, 2028-01-31, 2028-02-29",   // leap year
            "MONTHLY, 2026-11-04, 2026-12-04",
            "QUARTERLY, 2028-02-29, 2028-05-29",
            "QUARTERLY, 2026-11-30, 2027-02-28",
            "BI_ANNUAL, 2027-08-31, 2028-02-29",
            "BI_ANNUAL, 2026-08-31, 2027-02-28",
            "QUARTERLY, 2026-12-31, 2027-03-31"})
    void nextDueAddsCalendarMonthsClampedToTheMonthsEnd(Cadence cadence, LocalDate held, LocalDate due) {
        assertThat(CadenceRule.evaluate(cadence, held, LONG_AGO, held, 14).nextDue()).isEqualTo(due);
    }

    @Test
    void monthlyMeansAHeldActivityWithinTheTrailingMonth() {
        LocalDate held = LocalDate.of(2026, 11, 4);
        assertThat(CadenceRule.evaluate(Cadence.MONTHLY, held, LONG_AGO, LocalDate.of(2026, 11, 19), 14).status())
                .isEqualTo(ComplianceStatus.COMPLIANT);
        assertThat(CadenceRule.evaluate(Cadence.MONTHLY, held, LONG_AGO, LocalDate.of(2026, 11, 20), 14).status())
                .isEqualTo(ComplianceStatus.DUE_SOON); // 14 days before 4 December
        assertThat(CadenceRule.evaluate(Cadence.MONTHLY, held, LONG_AGO, LocalDate.of(2026, 12, 4), 14).status())
                .isEqualTo(ComplianceStatus.DUE_SOON); // the due date itself is still in time
        assertThat(CadenceRule.evaluate(Cadence.MONTHLY, held, LONG_AGO, LocalDate.of(2026, 12, 5), 14).status())
                .isEqualTo(ComplianceStatus.OVERDUE);
    }

    @Test
    void theStatusOfADueDateIsTheStatusOfItsItem() {
        // what the maintained register (due dates kept per item) reads: the same windows as evaluate
        LocalDate due = LocalDate.of(2026, 12, 4);
        assertThat(CadenceRule.statusOn(due, LocalDate.of(2026, 11, 19), 14)).isEqualTo(ComplianceStatus.COMPLIANT);
        assertThat(CadenceRule.statusOn(due, LocalDate.of(2026, 11, 20), 14)).isEqualTo(ComplianceStatus.DUE_SOON);
        assertThat(CadenceRule.statusOn(due, due, 14)).isEqualTo(ComplianceStatus.DUE_SOON);
        assertThat(CadenceRule.statusOn(due, LocalDate.of(2026, 12, 5), 14)).isEqualTo(ComplianceStatus.OVERDUE);
        assertThat(CadenceRule.statusOn(null, due, 14)).isEqualTo(ComplianceStatus.NOT_REQUIRED);
    }

    @Test
    void leapDayIsOverdueOnlyAfterIt() {
        LocalDate held = LocalDate.of(2028, 1, 31);
        assertThat(CadenceRule.evaluate(Cadence.MONTHLY, held, LONG_AGO, LocalDate.of(2028, 2, 29), 0).status())
                .isEqualTo(ComplianceStatus.DUE_SOON);
        assertThat(CadenceRule.evaluate(Cadence.MONTHLY, held, LONG_AGO, LocalDate.of(2028, 3, 1), 0).status())
                .isEqualTo(ComplianceStatus.OVERDUE);
    }

    @Test
    void aSegmentChangeAppliesTheNewCadenceFromItsEffectiveDate() {
        LocalDate since = LocalDate.of(2026, 6, 12);
        // held long before the migration: one full month from the migration to meet the new cadence
        var e = CadenceRule.evaluate(Cadence.MONTHLY, LocalDate.of(2026, 3, 1), since, LocalDate.of(2026, 7, 1), 14);
        assertThat(e.nextDue()).isEqualTo(LocalDate.of(2026, 7, 12));
        assertThat(e.status()).isEqualTo(ComplianceStatus.DUE_SOON);
        // never held at all
        assertThat(CadenceRule.evaluate(Cadence.QUARTERLY, null, since, LocalDate.of(2026, 9, 13), 14).status())
                .isEqualTo(ComplianceStatus.OVERDUE);
        // held after the migration: from the held date
        assertThat(CadenceRule.evaluate(Cadence.MONTHLY, LocalDate.of(2026, 7, 20), since, LocalDate.of(2026, 8, 1), 14).nextDue())
                .isEqualTo(LocalDate.of(2026, 8, 20));
    }

    @Test
    void asNeededIsNotRequired() {
        assertThat(CadenceRule.evaluate(Cadence.AS_NEEDED, null, LONG_AGO, LocalDate.of(2026, 12, 4), 14))
                .isEqualTo(new CadenceRule.Evaluation(ComplianceStatus.NOT_REQUIRED, null));
    }

    @Test
    void cadencesAndActivityTypesAcceptTheSeedsSpellings() {
        assertThat(Cadence.parse("Bi-annual")).contains(Cadence.BI_ANNUAL);
        assertThat(Cadence.parse("As needed")).contains(Cadence.AS_NEEDED);
        assertThat(ActivityType.parse("Partnership Meetings")).contains(ActivityType.PARTNERSHIP_MEETING);
        assertThat(ActivityType.parse("Executive Engagement")).contains(ActivityType.EXECUTIVE_ENGAGEMENT);
        assertThat(ActivityType.fromLogged("MEETING")).contains(ActivityType.PARTNERSHIP_MEETING);
        assertThat(ActivityType.fromLogged("EXECUTIVE_BRIEFING")).contains(ActivityType.EXECUTIVE_ENGAGEMENT);
        assertThat(ActivityType.fromLogged("QBR")).contains(ActivityType.QBR);
        assertThat(ActivityType.fromLogged("EMAIL")).isEmpty();
    }
}
