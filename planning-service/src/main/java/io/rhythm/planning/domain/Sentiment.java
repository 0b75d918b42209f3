package io.rhythm.planning.domain;

/** How a stakeholder feels about us. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE
}
