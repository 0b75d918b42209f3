package io.rhythm.health.api;

import io.rhythm.platform.web.problem.ApiException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Query parameters of the portfolio reads (Working Capital, declines), checked into 400s naming the field. */
final class ReadParams {

    private ReadParams() {
    }

    /** {@code asOf=YYYY-MM-DD} (2000-2100), default today (UTC) by the clock; 400 naming the field otherwise. */
    static LocalDate asOf(String asOf, Clock clock) {
        if (asOf == null) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            LocalDate day = LocalDate.parse(asOf.strip());
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                throw ApiException.invalid("asOf", "must be a date between 2000 and 2100");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("asOf", "must be a date YYYY-MM-DD");
        }
    }

    static int days(String days) {
        try {
            int value = Integer.parseInt(days.strip());
            if (value >= 1 && value <= 366) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("days", "must be a whole number of days from 1 to 366");
    }

    static BigDecimal threshold(String threshold) {
        try {
            BigDecimal value = new BigDecimal(threshold.strip());
            if (value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0 && value.scale() <= 2) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("threshold", "must be a percentage from 0 to 100 with at most 2 decimals");
    }
}
