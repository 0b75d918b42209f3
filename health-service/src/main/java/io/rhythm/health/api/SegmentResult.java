package io.rhythm.health.api;

import io.rhythm.health.domain.crm.RowProblem;

import java.util.List;

/** Per call: the signals it became (with their outcomes), properties ignored, or why it was rejected. */
public record SegmentResult(int row, String messageId, List<SignalResult> signals, List<String> ignored, List<RowProblem> errors) {
}
