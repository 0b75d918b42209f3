package io.rhythm.segmentation.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A client's segment: the effective one ({@code UNASSIGNED} when none) and since when, the model's latest
 * assessment and why, a move waiting for confirmation, the override in force (if any), the segment's strategies and
 * cadences, the latest migration ({@code current}, null before the first) and every migration, newest first.
 */
public record ClientSegmentView(String clientId, String clientName, String segment, String segmentName, boolean sapRequired,
                                Instant since, Assessment assessment, OverrideView override, Strategy strategy,
                                AssignmentView current, List<AssignmentView> history) {

    public record Assessment(String computedSegment, String reason, BigDecimal satisfaction, String satisfactionBand,
                             String spendBand, Integer modelVersion, String pendingSegment, int pendingCount,
                             Instant pendingSince) {
    }

    public record OverrideView(String segment, String reason, LocalDate effectiveFrom, LocalDate expiresOn, String by) {
    }

    public record Strategy(int modelVersion, String definition, String csStrategy, String salesStrategy,
                           Map<String, String> cadences) {
    }
}
