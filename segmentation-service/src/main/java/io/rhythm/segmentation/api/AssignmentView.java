package io.rhythm.segmentation.api;

import io.rhythm.segmentation.domain.Segment;
import io.rhythm.segmentation.domain.SegmentAssignment;

import java.time.Instant;

/** One migration of a client: from, to, why (cause, the input event), under which model, effective when. */
public record AssignmentView(String id, String clientId, Segment segment, String segmentName, Segment fromSegment,
                             boolean sapRequired, String reason, String assignedBy, Instant assignedAt, String cause,
                             String causeEventId, Integer modelVersion, Instant effectiveAt) {

    public static AssignmentView of(SegmentAssignment a) {
        return new AssignmentView(a.id.toString(), a.clientId.toString(), a.segment, a.segment.displayName(),
                a.fromSegment, a.segment.sapRequired(), a.reason, a.assignedBy, a.assignedAt, a.cause, a.causeEventId,
                a.modelVersion, a.effectiveAt);
    }
}
