package io.rhythm.health.api;

import io.rhythm.health.domain.EngagementSignal;

import java.time.LocalDate;

public record EngagementView(String activityId, String activityType, LocalDate occurredOn, String loggedBy) {

    public static EngagementView of(EngagementSignal s) {
        return new EngagementView(s.activityId.toString(), s.activityType, s.occurredOn, s.loggedBy);
    }
}
