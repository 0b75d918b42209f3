package io.rhythm.calendar.rollforward;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rhythm.calendar.api.CalendarImport;
import io.rhythm.platform.events.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Roll-forward from the bundled rhythm template, base calendar and holidays: no infrastructure. */
class RollForwardTest {

    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private final RhythmTemplate template = read("rhythms/apac.v1.json", new TypeReference<>() { });
    private final CalendarImport base = read("calendars/apac-2026.v1.json", new TypeReference<>() { });
    private final WorkingDays nsw = read("holidays/regions.v1.json", new TypeReference<WorkingDays.File>() { }).byRegion().get("AU-NSW");

    @Test
    void rolling2026Into2027GivesEveryEventItsRuleDate() {
        RollForward.Draft draft = RollForward.roll(template, base, nsw, 2027, 1);
        Map<String, CalendarImport.Event> events = byCode(draft.calendar().events());
        assertThat(draft.calendar().calendarKey()).isEqualTo("APAC-2027");
        assertThat(draft.calendar().year()).isEqualTo(2027);
        // code → start, end, quarter (worked out by hand from each rule on the 2027 calendar)
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("sales-target-workshop", List.of("2027-01-11", "2027-01-11", "Q1")),
                Map.entry("cs-marcom-audit-q4-2026", List.of("2027-01-18", "2027-01-22", "Q1")),
                Map.entry("apac-compass-2027", List.of("2027-01-20", "2027-01-22", "Q1")),
                Map.entry("q1-account-plan-update", List.of("2027-03-01", "2027-03-05", "Q1")),
                Map.entry("nps-q2-recipient-list", List.of("2027-03-24", "2027-03-24", "Q1")),
                Map.entry("nps-q2-survey", List.of("2027-04-07", "2027-04-21", "Q2")),
                Map.entry("nps-initiatives-update-q2", List.of("2027-04-07", "2027-04-07", "Q2")),
                Map.entry("cs-marcom-audit-q1", List.of("2027-04-12", "2027-04-16", "Q2")),
                Map.entry("nps-q2-analysis-workshop", List.of("2027-04-26", "2027-04-30", "Q2")),
                Map.entry("segmentation-model-review", List.of("2027-05-17", "2027-06-11", "Q2")),
                Map.entry("2h-account-plan-review", List.of("2027-06-03", "2027-06-03", "Q2")),
                Map.entry("nps-initiatives-update-q3", List.of("2027-07-01", "2027-07-01", "Q3")),
                Map.entry("cs-marcom-audit-q2", List.of("2027-07-12", "2027-07-16", "Q3")),
                Map.entry("marcom-kickoff-2028", List.of("2027-07-19", "2027-07-19", "Q3")),
                Map.entry("nps-q4-recipient-list", List.of("2027-09-22", "2027-09-22", "Q3")),
                // first Monday of October 2027 is Labour Day in NSW: moved to the Tuesday
                Map.entry("nps-initiatives-update-q4", List.of("2027-10-05", "2027-10-05", "Q4")),
                Map.entry("nps-q4-survey", List.of("2027-10-06", "2027-10-20", "Q4")),
                Map.entry("cs-marcom-audit-q3", List.of("2027-10-11", "2027-10-15", "Q4")),
                Map.entry("q4-account-plan-update", List.of("2027-10-14", "2027-10-14", "Q4")),
                Map.entry("nps-q4-analysis-workshop", List.of("2027-10-25", "2027-10-29", "Q4")),
                Map.entry("nps-q4-client-communications", List.of("2027-11-22", "2027-11-24", "Q4")),
                Map.entry("nps-initiatives-update-year-end", List.of("2027-12-15", "2027-12-15", "Q4")),
                Map.entry("segmentation-actions", List.of("2027-01-01", "2027-12-31", "ALL")));
        assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((code, dates) -> {
            CalendarImport.Event e = events.get(code);
            assertThat(List.of(e.startsOn().toString(), e.endsOn().toString(), e.quarter())).as(code).isEqualTo(dates);
        });
        // Appendix A's offsets from the open date: T-14, day 5, 6, 12, 14
        assertThat(milestones(events.get("nps-q2-survey"))).containsExactly(Map.entry("recipient-list", "2027-03-24"),
                Map.entry("survey-opens", "2027-04-07"), Map.entry("first-non-responder-pull", "2027-04-12"),
                Map.entry("reminder-email", "2027-04-13"), Map.entry("final-non-responder-pull", "2027-04-19"),
                Map.entry("survey-closes", "2027-04-21"));
        assertThat(milestones(events.get("nps-q4-survey")).get(2)).isEqualTo(Map.entry("first-non-responder-pull", "2027-10-11"));
        assertThat(milestones(events.get("segmentation-model-review")).get(1)).isEqualTo(Map.entry("finalised-segmentation", "2027-06-11"));
        // content comes from the 2026 event with its years shifted
        assertThat(events.get("cs-marcom-audit-q4-2026").title()).isEqualTo("CS & MarCom Audit & Review (Q4 2026)");
        assertThat(events.get("cs-marcom-audit-q4-2026").objective()).contains("Q4 2026").contains("2027").doesNotContain("2025");
        assertThat(events.get("cs-marcom-audit-q3").title()).isEqualTo("CS & MarCom Audit & Review (Q3)");
        assertThat(events.get("marcom-kickoff-2028").title()).isEqualTo("2028 MarCom Kickoff");
        assertThat(events.get("nps-q4-survey").participants()).isEqualTo(byCode(base.events()).get("nps-q4-survey").participants());
        assertThat(draft.adjustments()).anySatisfy(a -> {
            assertThat(a.eventCode()).isEqualTo("nps-initiatives-update-q4");
            assertThat(a.ruleDate()).isEqualTo(LocalDate.of(2027, 10, 4));
            assertThat(a.movedTo()).isEqualTo(LocalDate.of(2027, 10, 5));
            assertThat(a.reason()).startsWith("Labour Day (AU-NSW)");
        });
    }

    @Test
    void theTemplateReproducesThe2026SeedExceptWhereTheSeedBreaksItsOwnRule() {
        // rolled into its own year, the template must give the seed's dates: it encodes the seed's rhythm
        RollForward.Draft same = RollForward.roll(template, base, nsw, 2026, 2);
        Map<String, CalendarImport.Event> rolled = byCode(same.calendar().events());
        Map<String, CalendarImport.Event> seed = byCode(base.events());
        assertThat(rolled.keySet()).containsAll(seed.keySet());
        seed.forEach((code, e) -> {
            if (code.equals("nps-q4-recipient-list")) {
                // the seed prepares the Q4 list one week ahead (30 Sep); Appendix A says T-2 weeks
                assertThat(rolled.get(code).startsOn()).isEqualTo(LocalDate.of(2026, 9, 23));
            } else if (code.equals("nps-initiatives-update-q4")) {
                // the seed holds it on 5 Oct 2026, Labour Day in NSW: the holiday rule moves it to the 6th
                assertThat(rolled.get(code).startsOn()).isEqualTo(LocalDate.of(2026, 10, 6));
            } else {
                assertThat(List.of(rolled.get(code).startsOn(), rolled.get(code).endsOn())).as(code)
                        .isEqualTo(List.of(e.startsOn(), e.endsOn()));
            }
        });
    }

    @Test
    void aWeekendStartMovesToMondayAcrossAQuarterBoundary() {
        RhythmTemplate quarterEnd = single(new RhythmTemplate.Entry("quarter-close-{n}", "sales-target-workshop", "Close {Q}",
                null, "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", null, null, null, 1, null, null));
        WorkingDays plain = WorkingDays.of("TEST", WEEKEND, List.of(new WorkingDays.Holiday(LocalDate.of(2029, 12, 31), "Bank holiday")));
        RollForward.Draft draft = RollForward.roll(quarterEnd, base, plain, 2029, 1);
        // 31 Mar 2029 is a Saturday: Monday 2 April, in Q2; 30 Jun is a Saturday: Monday 2 July, Q3;
        // 30 Sep is a Sunday: Monday 1 October, Q4; 31 Dec is a holiday: the next working day is in 2030
        assertThat(draft.calendar().events()).extracting(e -> e.startsOn() + " " + e.quarter() + " " + e.title())
                .containsExactly("2029-04-02 Q2 Close Q2", "2029-07-02 Q3 Close Q3", "2029-10-01 Q4 Close Q4",
                        "2030-01-01 Q1 Close Q1");
        assertThat(draft.adjustments()).extracting(RollForward.Adjustment::reason)
                .containsExactly("Saturday: moved to the next working day", "Saturday: moved to the next working day",
                        "Sunday: moved to the next working day", "Bank holiday (TEST): moved to the next working day");
    }

    @Test
    void deadlinesMoveBackAndAnEndOnAHolidayShortensTheEvent() {
        RhythmTemplate audit = single(new RhythmTemplate.Entry("audit", "cs-marcom-audit-q1", null, null,
                "FREQ=YEARLY;BYMONTH=6;BYDAY=2MO", null, null, null, 5, null,
                List.of(new RhythmTemplate.MilestoneRule("pack-due", "Pack due", -2, WorkingDays.Move.PREVIOUS_WORKING_DAY),
                        new RhythmTemplate.MilestoneRule("follow-up", "Follow-up", 5, null))));
        // King's Birthday 14 Jun 2027 (NSW) is the second Monday: the audit starts Tuesday 15th and, five days long,
        // would end Saturday 19th: it ends Friday 18th instead
        RollForward.Draft draft = RollForward.roll(audit, base, nsw, 2027, 1);
        CalendarImport.Event e = draft.calendar().events().getFirst();
        assertThat(List.of(e.startsOn(), e.endsOn())).containsExactly(LocalDate.of(2027, 6, 15), LocalDate.of(2027, 6, 18));
        // pack due 2 days before the start (Sunday 13th) moves back to Friday 11th; the follow-up (Sunday 20th) forward
        assertThat(milestones(e)).containsExactly(Map.entry("pack-due", "2027-06-11"), Map.entry("follow-up", "2027-06-21"));
        assertThat(draft.adjustments()).extracting(a -> a.milestoneCode() + " " + a.ruleDate() + "→" + a.movedTo())
                .containsExactly("null 2027-06-14→2027-06-15", "null 2027-06-19→2027-06-18", "pack-due 2027-06-13→2027-06-11",
                        "follow-up 2027-06-20→2027-06-21");
        // another region, other holidays: in New Zealand the second Monday of June 2027 is a working day
        WorkingDays nz = read("holidays/regions.v1.json", new TypeReference<WorkingDays.File>() { }).byRegion().get("NZ");
        assertThat(RollForward.roll(audit, base, nz, 2027, 1).calendar().events().getFirst().startsOn())
                .isEqualTo(LocalDate.of(2027, 6, 14));
    }

    @Test
    void rulesAreEvaluatedByIcal4jAndBadTemplatesAreRefused() {
        assertThat(RollForward.occurrences("FREQ=YEARLY;BYMONTH=4,10;BYDAY=WE;BYMONTHDAY=2,3,4,5,6,7,8", 2028))
                .containsExactly(LocalDate.of(2028, 4, 5), LocalDate.of(2028, 10, 4));
        assertThat(RollForward.occurrences("FREQ=MONTHLY;INTERVAL=3;BYDAY=2MO", 2027)).hasSize(4);
        assertThatThrownBy(() -> RollForward.occurrences("FREQ=SOMETIMES", 2027)).isInstanceOf(IllegalArgumentException.class);
        RhythmTemplate twice = single(new RhythmTemplate.Entry("same-code", "sales-target-workshop", null, null,
                "FREQ=YEARLY;BYMONTH=1,2;BYMONTHDAY=10", null, null, null, 1, null, null));
        assertThatThrownBy(() -> RollForward.roll(twice, base, nsw, 2027, 1)).hasMessageContaining("same-code twice");
        RhythmTemplate unknown = single(new RhythmTemplate.Entry("x", "no-such-event", null, null, "FREQ=YEARLY", null, null,
                null, 1, null, null));
        assertThatThrownBy(() -> RollForward.roll(unknown, base, nsw, 2027, 1)).hasMessageContaining("no-such-event");
    }

    private RhythmTemplate single(RhythmTemplate.Entry entry) {
        return new RhythmTemplate("TEST", 1, "APAC", "Australia/Sydney", "AU-NSW", "calendars/apac-2026.v1.json", null, List.of(entry));
    }

    private static Map<String, CalendarImport.Event> byCode(List<CalendarImport.Event> events) {
        return events.stream().collect(Collectors.toMap(CalendarImport.Event::code, Function.identity()));
    }

    private static List<Map.Entry<String, String>> milestones(CalendarImport.Event event) {
        return event.milestones().stream().map(m -> Map.entry(m.code(), m.startsOn().toString())).toList();
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = RollForwardTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Json.mapper().readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
