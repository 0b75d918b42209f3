package io.rhythm.calendar.api;

import io.rhythm.calendar.domain.ActivityType;
import io.rhythm.calendar.domain.EngagementActivity;

import java.time.Instant;
import java.time.LocalDate;

public record ActivityView(String id, String clientId, ActivityType activityType, LocalDate occurredOn, String summary,
                           String loggedBy, Instant loggedAt) {

    public static ActivityView of(EngagementActivity a) {
        return new ActivityView(a.id.toString(), a.clientId.toString(), a.activityType, a.occurredOn, a.summary,
                a.loggedBy, a.loggedAt);
    }
}
