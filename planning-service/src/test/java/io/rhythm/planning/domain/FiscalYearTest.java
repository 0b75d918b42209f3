package io.rhythm.planning.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiscalYearTest {

    @ParameterizedTest
    @CsvSource({
            "2026-06-30, 7, FY26", "2026-07-01, 7, FY27", "2026-11-23, 7, FY27", "2027-06-30, 7, FY27",
            "2026-01-01, 1, FY26", "2026-12-31, 1, FY26", "2026-03-31, 4, FY26", "2026-04-01, 4, FY27"})
    void labelsByTheYearTheFiscalYearEndsIn(LocalDate date, int startMonth, String label) {
        assertThat(FiscalYear.containing(date, startMonth).label()).isEqualTo(label);
    }

    @Test
    void knowsItsFirstAndLastDay() {
        FiscalYear fy27 = FiscalYear.parse("FY27", 7);
        assertThat(fy27.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(fy27.lastDay()).isEqualTo(LocalDate.of(2027, 6, 30));
        FiscalYear calendar = FiscalYear.parse("FY26", 1);
        assertThat(calendar.firstDay()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(calendar.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void rejectsWhatIsNotAFiscalYear() {
        assertThat(FiscalYear.parse("2027", 7)).isNull();
        assertThat(FiscalYear.parse(null, 7)).isNull();
        assertThatThrownBy(() -> FiscalYear.containing(LocalDate.now(), 13)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longLabelsAreStoredShort() {
        assertThat(FiscalYear.canonical("FY2026")).isEqualTo("FY26");
        assertThat(FiscalYear.canonical("FY26")).isEqualTo("FY26");
        assertThat(FiscalYear.canonical("2026")).isEqualTo("2026");
    }

    @Test
    void riskLabelsOfEitherLengthMapToDatesAndARenewalDateGetsTheLongLabel() {
        FiscalYear fy28 = FiscalYear.parseAny("FY2028", 7);
        assertThat(fy28).isEqualTo(FiscalYear.parseAny("FY28", 7));
        assertThat(fy28.firstDay()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(fy28.lastDay()).isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(FiscalYear.parseAny("FY1999", 7)).isNull();
        assertThat(FiscalYear.parseAny("next year", 7)).isNull();
        // the Annual Renewal's "will not renew": the loss is labelled by the contract end's fiscal year
        assertThat(FiscalYear.containing(LocalDate.of(2027, 6, 30), 7).longLabel()).isEqualTo("FY2027");
        assertThat(FiscalYear.containing(LocalDate.of(2027, 7, 1), 7).longLabel()).isEqualTo("FY2028");
        assertThat(FiscalYear.containing(LocalDate.of(2027, 7, 1), 1).longLabel()).isEqualTo("FY2027");
    }
}
