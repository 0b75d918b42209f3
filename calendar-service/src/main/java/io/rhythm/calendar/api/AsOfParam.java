package io.rhythm.calendar.api;

import io.rhythm.platform.web.problem.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code asOf=YYYY-MM-DD} query parameter: today (by the clock) when absent, a 400 naming it when malformed. */
final class AsOfParam {

    private AsOfParam() {
    }

    static LocalDate parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("asOf", "must be a date YYYY-MM-DD");
        }
    }
}
