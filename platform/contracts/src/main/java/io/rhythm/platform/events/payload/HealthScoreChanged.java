package io.rhythm.platform.events.payload;

import java.time.Instant;
import java.util.List;

/**
 * A client's health score or band changed (health-service). {@code previousScore}/{@code previousBand}
 * are null for a client's first score; {@code drivers} are the components whose contribution moved
 * most, largest first; {@code trigger} says what caused the recomputation (e.g. the signal's event id).
 */
public record HealthScoreChanged(String clientId, int modelVersion, Double previousScore, String previousBand,
                                 double score, String band, Double delta, List<Driver> drivers, List<String> flags,
                                 Trigger trigger, Instant scoredAt) {

    /** One component's part in the change, in points of the overall score. */
    public record Driver(String component, Double previousValue, Double currentValue, double contributionDelta) {
    }

    /** What caused the recomputation: kind (signal, engagement, model-activation, ...) and its id. */
    public record Trigger(String kind, String id) {
    }
}
