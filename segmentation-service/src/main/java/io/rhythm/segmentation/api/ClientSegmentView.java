package io.rhythm.segmentation.api;

import java.util.List;

/** A client's current segment (null before the first assignment) and its history, newest first. */
public record ClientSegmentView(String clientId, String clientName, AssignmentView current, List<AssignmentView> history) {
}
