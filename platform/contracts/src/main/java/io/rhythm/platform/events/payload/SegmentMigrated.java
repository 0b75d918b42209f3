package io.rhythm.platform.events.payload;

import java.time.Instant;

/**
 * A client moved into a segment (segmentation-service); {@code fromSegment} is null on the first
 * assignment. {@code sapRequired} is true for the segments that need a Satisfaction Action Plan.
 * Optional (null from older producers): {@code modelVersion} of the segment model in force, {@code cause}
 * (INPUT, OVERRIDE, OVERRIDE_EXPIRED, MODEL_ACTIVATION, MANUAL), {@code causeEventId} (the input event's
 * ce_id) and {@code effectiveAt} (may be earlier than the event, e.g. a back-dated override).
 */
public record SegmentMigrated(String clientId, String fromSegment, String toSegment, String reason,
                              boolean sapRequired, String assignedBy, Integer modelVersion, String cause,
                              String causeEventId, Instant effectiveAt) {

    public SegmentMigrated(String clientId, String fromSegment, String toSegment, String reason, boolean sapRequired,
                           String assignedBy) {
        this(clientId, fromSegment, toSegment, reason, sapRequired, assignedBy, null, null, null, null);
    }
}
