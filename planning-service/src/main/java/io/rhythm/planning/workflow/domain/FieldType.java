package io.rhythm.planning.workflow.domain;

/** The type of a form field, as the seed names them. */
public enum FieldType {
    TEXT_SINGLE_LINE("Text (Single Line)"),
    TEXT_MULTI_LINE("Text (Multi Line)"),
    NUMBER("Number"),
    DATE("Date"),
    DROPDOWN("Dropdown");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
