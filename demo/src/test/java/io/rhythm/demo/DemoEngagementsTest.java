package io.rhythm.demo;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoEngagementsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final DemoPortfolio.Portfolio PORTFOLIO = DemoPortfolio.generate(DemoLoader.DEFAULT_SEED, TODAY);
    private static final List<DemoEngagements.Activity> ACTIVITIES = DemoEngagements.activities(PORTFOLIO, TODAY);

    @Test
    void aYearOfHeldActivitiesOfEveryRegisterTypeForEveryClient() {
        List<DemoEngagements.Activity> held = ACTIVITIES.stream().filter(DemoEngagements.Activity::held).toList();
        assertThat(held).allSatisfy(a -> {
            assertThat(a.day()).isBefore(TODAY).isAfterOrEqualTo(TODAY.minusYears(1));
            assertThat(a.day().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        });
        Map<String, Set<DemoEngagements.Type>> types = held.stream().collect(Collectors.groupingBy(
                DemoEngagements.Activity::clientKey, Collectors.mapping(DemoEngagements.Activity::type, Collectors.toSet())));
        assertThat(types).hasSize(PORTFOLIO.clients().size());
        assertThat(types.values()).allSatisfy(t -> assertThat(t).containsExactlyInAnyOrder(DemoEngagements.Type.values()));
        // titles carry the day: unique per client, so a second load on the same day adds nothing
        assertThat(ACTIVITIES.stream().map(a -> a.clientKey() + "|" + a.title())).doesNotHaveDuplicates();
        // the latest QBR of each client left action items, one of them still ahead
        assertThat(held).anySatisfy(a -> assertThat(a.actionItems()).anySatisfy(i -> assertThat(i.dueOn()).isAfter(TODAY)));
    }

    @Test
    void monthlyMeetingsAreCompliantDueSoonOrOverdueByHowTheAccountIsGoing() {
        // the register's rule (README "Segments"): due one month after the last held; DUE_SOON within 14 days of it
        Map<String, String> status = PORTFOLIO.clients().stream().collect(Collectors.toMap(DemoPortfolio.Client::key, c -> {
            LocalDate last = ACTIVITIES.stream().filter(a -> a.held() && a.clientKey().equals(c.key())
                            && a.type() == DemoEngagements.Type.PARTNERSHIP_MEETING)
                    .map(DemoEngagements.Activity::day).max(LocalDate::compareTo).orElseThrow();
            LocalDate due = last.plusMonths(1);
            return TODAY.isAfter(due) ? "OVERDUE" : TODAY.isBefore(due.minusDays(14)) ? "COMPLIANT" : "DUE_SOON";
        }));
        assertThat(Set.copyOf(status.values())).containsExactlyInAnyOrder("COMPLIANT", "DUE_SOON", "OVERDUE");
        assertThat(status).containsEntry("gha", "COMPLIANT").containsEntry("wa-health", "DUE_SOON").containsEntry("sunrise", "OVERDUE");
    }

    @Test
    void saHealthInNurtureSinceTheOverrideHasCompliantDueSoonAndOverdueItems() {
        // Nurture's cadences (segmentation model v1): partnership meetings and service reviews monthly, the rest quarterly;
        // each due m months after the later of the last held one and the day the client entered the segment
        Map<DemoEngagements.Type, Integer> months = Map.of(DemoEngagements.Type.PARTNERSHIP_MEETING, 1,
                DemoEngagements.Type.SERVICE_REVIEW, 1, DemoEngagements.Type.HEALTH_CHECK, 3, DemoEngagements.Type.QBR, 3,
                DemoEngagements.Type.EXECUTIVE_ENGAGEMENT, 3);
        Map<DemoEngagements.Type, String> status = new java.util.EnumMap<>(DemoEngagements.Type.class);
        months.forEach((type, m) -> {
            LocalDate last = ACTIVITIES.stream().filter(a -> a.held() && a.clientKey().equals("sa-health") && a.type() == type)
                    .map(DemoEngagements.Activity::day).max(LocalDate::compareTo).orElseThrow();
            LocalDate from = last.isAfter(DemoSegmentsLoader.OVERRIDE_FROM) ? last : DemoSegmentsLoader.OVERRIDE_FROM;
            LocalDate due = from.plusMonths(m);
            status.put(type, TODAY.isAfter(due) ? "OVERDUE" : TODAY.isBefore(due.minusDays(14)) ? "COMPLIANT" : "DUE_SOON");
        });
        assertThat(Set.copyOf(status.values())).as("%s", status).containsExactlyInAnyOrder("COMPLIANT", "DUE_SOON", "OVERDUE");
    }

    @Test
    void sixMeetingsArePlannedInTheFortnightAfterTheLoadDay() {
        List<DemoEngagements.Activity> planned = ACTIVITIES.stream().filter(a -> !a.held()).toList();
        assertThat(planned).hasSize(6).allSatisfy(a -> {
            assertThat(a.day()).isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusDays(15));
            assertThat(a.day().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        });
        assertThat(planned).extracting(DemoEngagements.Activity::clientKey)
                .contains("sa-health", "wa-health", "sunrise", "gha", DemoEngagements.NO_NPS_ANSWER_CLIENT);
        assertThat(ACTIVITIES).extracting(DemoEngagements.Activity::timeZone)
                .contains("Australia/Sydney", "Australia/Perth", "Pacific/Auckland");
    }

    @Test
    void oneMeetingIsPlannedWithAClientNobodyOfWhichAnsweredAnNpsSurvey() {
        // its brief shows NPS as missing: no answer in either demo cycle, and no contact who could be invited
        List<DemoNps.Answer> answers = new java.util.ArrayList<>(DemoNps.q2(PORTFOLIO));
        answers.addAll(DemoNps.q4(PORTFOLIO));
        assertThat(answers).extracting(DemoNps.Answer::clientKey).doesNotContain(DemoEngagements.NO_NPS_ANSWER_CLIENT)
                .contains("sa-health", "wa-health", "sunrise", "gha");
        assertThat(PORTFOLIO.contacts()).filteredOn(c -> c.clientKey().equals(DemoEngagements.NO_NPS_ANSWER_CLIENT))
                .isNotEmpty().noneMatch(c -> c.email() != null && c.subscribed());
        assertThat(ACTIVITIES).filteredOn(a -> !a.held() && a.clientKey().equals(DemoEngagements.NO_NPS_ANSWER_CLIENT))
                .singleElement().satisfies(a -> assertThat(a.day()).isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusDays(14)));
    }

    @Test
    void deliverablesLeftOverdueAreDecidedByTheirIdSoASecondLoadKeepsThem() {
        LocalDate october = LocalDate.of(2026, 10, 15);
        LocalDate november = LocalDate.of(2026, 11, 20);
        List<String> ids = java.util.stream.IntStream.range(0, 700).mapToObj(i -> java.util.UUID.nameUUIDFromBytes(new byte[]{(byte) i, (byte) (i >> 8)}).toString()).toList();
        long oldLeft = ids.stream().filter(id -> DemoCalendarLoader.leftOverdue(id, october)).count();
        long recentLeft = ids.stream().filter(id -> DemoCalendarLoader.leftOverdue(id, november)).count();
        assertThat(oldLeft).isBetween(50L, 150L);     // about one in seven
        assertThat(recentLeft).isBetween(250L, 450L); // about half
        assertThat(ids).allSatisfy(id -> assertThat(DemoCalendarLoader.leftOverdue(id, october)).isEqualTo(DemoCalendarLoader.leftOverdue(id, october)));
    }
}
