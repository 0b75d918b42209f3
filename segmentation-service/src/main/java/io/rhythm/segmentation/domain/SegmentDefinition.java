package io.rhythm.segmentation.domain;

import java.util.Map;

/** One segment of a model version: the seed's definition, CS and sales strategy, and its Activity Register cadences. */
public record SegmentDefinition(Segment code, String definition, String csStrategy, String salesStrategy,
                                Map<ActivityType, Cadence> cadences) {

    public SegmentDefinition {
        cadences = Map.copyOf(cadences);
    }

    public Cadence cadence(ActivityType type) {
        return cadences.getOrDefault(type, Cadence.AS_NEEDED);
    }
}
