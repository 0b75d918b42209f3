package io.rhythm.calendar.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Appendix A's due dates relative to a cycle's open date, checked against the seed's own Q2 2026 dates. */
class ChecklistTemplateTest {

    private static ChecklistTemplate read(String file) throws IOException {
        try (InputStream in = ChecklistTemplateTest.class.getClassLoader().getResourceAsStream(file)) {
            return new ObjectMapper().registerModule(new JavaTimeModule()).readValue(in, ChecklistTemplate.class);
        }
    }

    @Test
    void npsChecklistDueDatesFollowAppendixAFromTheOpenDate() throws IOException {
        ChecklistTemplate nps = read("checklists/nps-cycle.v1.json");
        LocalDate open = LocalDate.of(2026, 4, 8);
        Map<String, LocalDate> due = nps.items().stream()
                .collect(Collectors.toMap(ChecklistTemplate.Item::code, i -> i.dueOn(open)));
        assertThat(nps.items()).hasSize(16);
        // T-2 weeks: the seed's recipient-list deadline, 25 March
        assertThat(due.get("validate-recipient-lists")).isEqualTo("2026-03-25");
        // day 5, 6, 12, 14: the seed's 13, 14, 20 and 22 April
        assertThat(due.get("first-non-responder-pull")).isEqualTo("2026-04-13");
        assertThat(due.get("reminder-email")).isEqualTo("2026-04-14");
        assertThat(due.get("final-non-responder-pull")).isEqualTo("2026-04-20");
        assertThat(due.get("close-survey")).isEqualTo("2026-04-22");
        // post-survey weeks 1-4 after the close
        assertThat(due.get("analysis-workshop")).isEqualTo("2026-04-29");
        assertThat(due.get("send-client-letters")).isEqualTo("2026-05-20");
        assertThat(nps.items()).filteredOn(i -> i.code().equals("evp-approval")).singleElement()
                .satisfies(i -> assertThat(i.ownerRoles()).containsExactly("evp"));
    }

    @Test
    void accountPlanChecklistSplitsAnnualAndQuarterlyComponents() throws IOException {
        ChecklistTemplate plan = read("checklists/account-plan.v1.json");
        assertThat(plan.itemsOf("ANNUAL")).hasSize(7);
        assertThat(plan.itemsOf("QUARTERLY")).hasSize(6);
        assertThat(plan.itemsOf("ANNUAL")).allSatisfy(i -> assertThat(i.dueOn(LocalDate.of(2026, 1, 21))).isEqualTo("2026-01-21"));
    }
}
