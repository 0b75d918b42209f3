package io.rhythm.planning.domain;

/** Pipeline stages; the two closed stages end an opportunity and need a reason. */
public enum OpportunityStage {
    PROSPECTING, QUALIFIED, PROPOSAL, NEGOTIATION, COMMITTED, CLOSED_WON, CLOSED_LOST;

    public boolean closed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }
}
