package io.rhythm.planning.workflow.domain;

/** RUNNING until the last step is done (COMPLETED) or a decision ends it early (ENDED). */
public enum WorkflowStatus {
    RUNNING, COMPLETED, ENDED
}
