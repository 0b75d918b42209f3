package io.rhythm.platform.events.payload;

import java.time.Instant;

/**
 * A client entered Maintain, Nurture or Sleeping Giants (segmentation-service): it needs an active Satisfaction
 * Action Plan. {@code migrationId} is the segment migration that caused it; {@code fromSegment} is null on a first
 * assignment.
 */
public record SatisfactionActionPlanRequired(String clientId, String segment, String fromSegment, String reason,
                                             String migrationId, Instant effectiveAt) {
}
