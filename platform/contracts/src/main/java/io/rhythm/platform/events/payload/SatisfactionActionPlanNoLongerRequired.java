package io.rhythm.platform.events.payload;

import java.time.Instant;

/**
 * A client left Maintain, Nurture and Sleeping Giants for a segment that needs no Satisfaction Action Plan
 * (segmentation-service). {@code migrationId} is the segment migration that caused it.
 */
public record SatisfactionActionPlanNoLongerRequired(String clientId, String segment, String fromSegment,
                                                     String reason, String migrationId, Instant effectiveAt) {
}
