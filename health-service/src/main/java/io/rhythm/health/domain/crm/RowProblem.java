package io.rhythm.health.domain.crm;

/** Why one CRM row cannot be taken: the field (as named in the source's export) and what is wrong. */
public record RowProblem(String field, String message) {
}
