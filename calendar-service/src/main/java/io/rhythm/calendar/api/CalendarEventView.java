package io.rhythm.calendar.api;

import io.rhythm.calendar.domain.CalendarEvent;
import io.rhythm.calendar.domain.CalendarEventType;
import io.rhythm.calendar.domain.CalendarMilestone;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** An operating-rhythm event with its content and key milestones. */
public record CalendarEventView(String id, String calendarKey, String code, String quarter, CalendarEventType type,
                                String title, LocalDate startsOn, LocalDate endsOn, List<String> participants,
                                List<String> realmRoles, String objective, List<String> deliverables,
                                List<String> preparation, List<CalendarEvent.Tool> tools, List<MilestoneView> milestones,
                                int sequence) {

    public record MilestoneView(String id, String code, String title, LocalDate startsOn, LocalDate endsOn) {
        public static MilestoneView of(CalendarMilestone m) {
            return new MilestoneView(m.id.toString(), m.code, m.title, m.startsOn, m.endsOn);
        }
    }

    public static CalendarEventView of(CalendarEvent e, List<CalendarMilestone> milestones) {
        return new CalendarEventView(e.id.toString(), e.calendarKey, e.code, e.quarter, e.type, e.title, e.startsOn,
                e.endsOn, Arrays.asList(e.participants), Arrays.stream(e.realmRoles).sorted().toList(), e.objective,
                e.deliverables, e.preparation, e.tools, milestones.stream().map(MilestoneView::of).toList(), e.sequence);
    }
}
