package io.rhythm.planning.domain;

/** A Satisfaction Action Plan's life: created as a draft, activated by its owner, closed once assessed. */
public enum SapStatus {
    DRAFT, ACTIVE, CLOSED
}
