package io.rhythm.nps.domain.closedloop;

/** Where one timed stage of a case stands. */
public enum StageState {
    /** Not met yet, deadline not passed. */
    PENDING,
    /** Met on or before its deadline. */
    MET,
    /** Met, but after its deadline. */
    MET_LATE,
    /** Not met and its deadline has passed. */
    BREACHED;

    public boolean breached() {
        return this == MET_LATE || this == BREACHED;
    }
}
