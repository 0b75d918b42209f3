package io.rhythm.calendar.domain;

/** Kinds of client engagement the Activity Register counts. */
public enum ActivityType {
    MEETING, CALL, EMAIL, QBR, SITE_VISIT, EXECUTIVE_BRIEFING, WORKSHOP
}
