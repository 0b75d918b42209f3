package io.rhythm.calendar.api;

/** What an import did: CREATED (new calendar), UPDATED (a newer version), UNCHANGED (the same file again). */
public record ImportResult(String calendarKey, int version, String outcome, int events, int milestones,
                           int eventsChanged) {
}
