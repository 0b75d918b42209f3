package io.rhythm.platform.events.payload;

/**
 * A client moved into a segment (segmentation-service); {@code fromSegment} is null on the first
 * assignment. {@code sapRequired} is true for the segments that need a Satisfaction Action Plan.
 */
public record SegmentMigrated(String clientId, String fromSegment, String toSegment, String reason,
                              boolean sapRequired, String assignedBy) {
}
