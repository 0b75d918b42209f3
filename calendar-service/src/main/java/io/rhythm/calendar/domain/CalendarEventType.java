package io.rhythm.calendar.domain;

/** Kinds of event in the operating rhythm (seed 000's Annual Calendar). */
public enum CalendarEventType {
    WORKSHOP, AUDIT_REVIEW, ACCOUNT_PLANNING, PLAN_UPDATE, NPS_RECIPIENT_LIST, NPS_CYCLE, NPS_INITIATIVES_UPDATE,
    NPS_ANALYSIS, NPS_CLIENT_COMMUNICATIONS, SEGMENTATION_REVIEW, KICKOFF, YEAR_END_REVIEW, ONGOING,
    /** An event imported from an external .ics file. */
    EXTERNAL
}
