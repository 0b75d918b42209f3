package io.rhythm.segmentation.api;

import io.rhythm.platform.events.payload.Money;

import java.time.Instant;

/** One client in the assignments list: its effective segment, what the model computes, and the override if any. */
public record AssignmentListItem(String clientId, String clientName, String ownerCse, String ownerCam, String segment,
                                 String segmentName, boolean sapRequired, Instant since, String computedSegment,
                                 String computedReason, ClientSegmentView.OverrideView override, Money annualRevenue) {
}
