package io.rhythm.planning.domain;

/** Where a renewal stands: open from kickoff until an outcome is recorded. */
public enum RenewalStatus {
    OPEN, RENEWED, RENEWED_WITH_CHANGE, CHURNED;

    public boolean decided() {
        return this != OPEN;
    }
}
