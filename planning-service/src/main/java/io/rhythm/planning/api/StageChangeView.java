package io.rhythm.planning.api;

import io.rhythm.planning.domain.StageChange;

import java.time.Instant;

public record StageChangeView(int seq, String stage, int probability, String changedBy, Instant changedAt) {

    public static StageChangeView of(StageChange c) {
        return new StageChangeView(c.seq, c.stage.name(), c.probability, c.changedBy, c.changedAt);
    }
}
