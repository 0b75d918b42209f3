package io.rhythm.health.domain.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A component of a scoring model and the metrics that make it up. The component's value is the
 * weighted mean of its metrics' normalised values (0–100).
 *
 * <p>Not validated here (so that {@link ScoringModel} can report every problem of a model at
 * once); the list is copied and unmodifiable.
 *
 * @param component which of the five components this is
 * @param metrics   its inputs, each with a normalisation and a weight within the component
 */
public record ComponentDefinition(Component component, List<Metric> metrics) {

    public ComponentDefinition {
        metrics = metrics == null ? null : Collections.unmodifiableList(new ArrayList<>(metrics));
    }
}
