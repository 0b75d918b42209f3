package io.rhythm.health.api;

import io.rhythm.health.domain.LifecycleStage;
import io.rhythm.health.domain.scoring.Band;
import io.rhythm.health.domain.scoring.ComponentChange;
import io.rhythm.health.domain.scoring.ComponentScore;

import java.time.Instant;
import java.util.List;

/**
 * A client's current health score and why: each component's value, weight and contribution in points
 * (contributions add up to the score) with the inputs behind it, and what changed since the previous
 * score and since a month ago, with the components that drove it.
 */
public record ClientHealthView(String clientId, String clientName, Instant scoredAt, double score, Band band,
                               int modelVersion, LifecycleStage lifecycleStage, double dataCoverage,
                               List<ComponentScore> components, Change sincePrevious, Change sincePreviousMonth,
                               List<String> flags, String triggerKind, String triggerId) {

    /** The score compared with an earlier one: delta in points and the drivers, largest first. */
    public record Change(Instant comparedWith, double previousScore, Band previousBand, double delta,
                         List<ComponentChange> drivers) {
    }
}
