package io.rhythm.nps.domain.themes;

/** The band of a sentiment score, by {@link SentimentThresholds}. */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE
}
