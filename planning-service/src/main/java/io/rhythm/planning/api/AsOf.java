package io.rhythm.planning.api;

import io.rhythm.platform.web.problem.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code ?asOf=YYYY-MM-DD} of figures that depend on "today"; default today by the injected clock. */
final class AsOf {

    private AsOf() {
    }

    /** @throws ApiException 400 (field asOf) for anything but an ISO date */
    static LocalDate parse(String asOf, Clock clock) {
        if (asOf == null) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("asOf", "must be a date YYYY-MM-DD");
        }
    }
}
