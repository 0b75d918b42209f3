package io.rhythm.platform.web.problem;

/** One invalid input: the JSON path of the field (e.g. {@code annualRevenue.currency}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
