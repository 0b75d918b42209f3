package io.rhythm.planning.workflow.domain;

/** What kind of work a workflow step is; each kind has its own completion rule (see {@link WorkflowRun}). */
public enum StepType {
    /** Fields submitted and validated against their definitions. */
    FORM("Form"),
    /** A file uploaded (content type allow-list, size limit, SHA-256 recorded). */
    FILE_REQUEST("File Request"),
    /** Work done; an optional note. */
    TODO("To-Do"),
    /** Who acknowledged, and when. */
    ACKNOWLEDGEMENT("Acknowledgement"),
    /** Approved or rejected by a holder of the step's role; a rejection reopens the previous step. */
    APPROVAL("Approval"),
    /** One of the step's outcomes; an outcome may end the workflow. */
    DECISION("Decision"),
    /** Signer name, time, IP address and the SHA-256 of the signed document: a record of intent. */
    E_SIGN("E-Sign");

    private final String label;

    StepType(String label) {
        this.label = label;
    }

    /** The name the seed uses ("File Request", "To-Do", ...). */
    public String label() {
        return label;
    }
}
