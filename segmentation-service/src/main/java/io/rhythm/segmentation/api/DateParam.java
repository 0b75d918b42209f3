package io.rhythm.segmentation.api;

import io.rhythm.platform.web.problem.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Date query parameters (YYYY-MM-DD): a bad one is a 400 naming the parameter, not a 404. */
final class DateParam {

    private DateParam() {
    }

    static LocalDate parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }

    /** {@code asOf}, or today (UTC) when absent. */
    static LocalDate asOf(String value, Clock clock) {
        LocalDate date = parse("asOf", value);
        return date == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date;
    }
}
