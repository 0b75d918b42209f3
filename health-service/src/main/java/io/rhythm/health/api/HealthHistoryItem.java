package io.rhythm.health.api;

import io.rhythm.health.domain.scoring.Band;

import java.time.Instant;

public record HealthHistoryItem(Instant scoredAt, double score, Band band, int modelVersion, String triggerKind, String triggerId) {
}
