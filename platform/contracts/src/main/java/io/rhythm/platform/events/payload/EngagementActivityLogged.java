package io.rhythm.platform.events.payload;

import java.time.LocalDate;

/** An engagement with a client happened (calendar-service); feeds cadence compliance and the engagement health component. */
public record EngagementActivityLogged(String activityId, String clientId, String activityType, LocalDate occurredOn,
                                       String loggedBy, String summary) {
}
