package io.rhythm.gateway.views;

import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The views' query parameters, checked before any downstream call (bad input is a 400 with the field). */
public final class ViewParams {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_ ]{1,40}");

    private ViewParams() {
    }

    public static LocalDate date(String field, String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock);
        }
        return optionalDate(field, value);
    }

    public static LocalDate optionalDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() != 10) {
                throw new DateTimeParseException("length", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }

    public static UUID id(String field, String value) {
        try {
            if (value == null || value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new FieldError(field, "must be a UUID")));
        }
    }

    public static String username(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!USERNAME.matcher(value).matches()) {
            throw ApiException.invalid(field, "must be a username (letters, digits, . _ @ -; at most 100)");
        }
        return value;
    }

    /** A segment name normalised to the services' spelling (e.g. "Sleeping Giants" → SLEEPING_GIANTS). */
    public static String segment(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!SEGMENT.matcher(value).matches()) {
            throw ApiException.invalid(field, "must be a segment such as LEVERAGE or SLEEPING_GIANTS");
        }
        return value.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
    }
}
