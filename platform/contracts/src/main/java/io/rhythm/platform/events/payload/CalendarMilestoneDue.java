package io.rhythm.platform.events.payload;

import java.time.LocalDate;
import java.util.List;

/** A key milestone of an operating-rhythm event is coming up (calendar-service); published once per milestone date. */
public record CalendarMilestoneDue(String calendarKey, String eventId, String eventCode, String eventTitle,
                                   String milestoneId, String milestone, String title, LocalDate startsOn,
                                   LocalDate endsOn, List<String> participantRoles) {
}
