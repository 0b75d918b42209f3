package io.rhythm.calendar.rollforward;

import java.util.List;

/**
 * A rhythm template (file {@code rhythms/apac.v1.json}): recurrence rules that generate a year's operating-rhythm
 * calendar from a base calendar's content. An entry recurs by an RFC 5545 {@code rrule} (evaluated by ical4j), or
 * {@code relativeTo} every instance of another entry ({@code offsetDays} from its start), or spans the
 * {@code wholeYear}. {@code days} is the event's length in calendar days; milestones are offsets from the start.
 */
public record RhythmTemplate(String templateKey, int version, String region, String timeZone, String holidayRegion,
                             String baseCalendar, String note, List<Entry> entries) {

    public record Entry(String code, String basedOn, String title, String objective, String rrule, String relativeTo,
                        Integer offsetDays, WorkingDays.Move move, Integer days, Boolean wholeYear,
                        List<MilestoneRule> milestones) {

        public boolean isWholeYear() {
            return Boolean.TRUE.equals(wholeYear);
        }

        public WorkingDays.Move startMove() {
            return move == null ? WorkingDays.Move.NEXT_WORKING_DAY : move;
        }

        public List<MilestoneRule> milestoneRules() {
            return milestones == null ? List.of() : milestones;
        }
    }

    public record MilestoneRule(String code, String title, int offsetDays, WorkingDays.Move move) {
        public WorkingDays.Move rule() {
            return move == null ? WorkingDays.Move.NEXT_WORKING_DAY : move;
        }
    }
}
