package io.rhythm.planning.workflow.domain;

/** A step of a running instance: waiting its turn, the one to do now, done, or skipped because the workflow ended early. */
public enum StepStatus {
    PENDING, ACTIVE, DONE, SKIPPED
}
