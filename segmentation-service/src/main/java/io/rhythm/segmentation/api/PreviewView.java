package io.rhythm.segmentation.api;

import io.rhythm.platform.events.payload.Money;

import java.util.List;

/** What a model version would do: each client's proposed segment against its current one, and the migration matrix. */
public record PreviewView(int modelVersion, int activeVersion, List<Proposal> assignments, MigrationMatrix matrix) {

    public record Proposal(String clientId, String clientName, String currentSegment, String proposedSegment, String reason,
                           boolean overridden, Money annualRevenue) {
    }
}
