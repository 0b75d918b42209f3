package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.LifecycleStage;

/**
 * No component that carries weight in the client's stage had any input data, so there is no
 * honest score to give (a client without data is not a client with a score of 0).
 */
public final class InsufficientHealthDataException extends IllegalStateException {

    public InsufficientHealthDataException(ScoringModel model, LifecycleStage stage) {
        super("No health score: none of the components weighted in stage " + stage + " of scoring model version "
                + model.version() + " has input data; the model reads " + model.metricKeys());
    }
}
