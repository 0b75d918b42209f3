package io.rhythm.platform.events.payload;

import java.time.LocalDate;

/**
 * An Activity Register item became overdue (segmentation-service): the client's segment requires the activity at
 * {@code cadence} and none was held by {@code dueDate}. Published once per client, activity type and due date;
 * {@code lastHeld} is null when the activity was never held.
 */
public record CadenceBreached(String clientId, String activityType, String cadence, String segment, LocalDate dueDate,
                              LocalDate lastHeld, LocalDate detectedOn) {
}
