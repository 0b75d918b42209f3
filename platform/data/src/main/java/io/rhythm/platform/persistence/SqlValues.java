package io.rhythm.platform.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Reads date and timestamp columns of native query results, whichever Java type the driver and
 * Hibernate hand back (java.sql or java.time).
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static LocalDate localDate(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date;
            case java.sql.Date date -> date.toLocalDate();
            default -> throw new IllegalArgumentException("not a date: " + value.getClass().getName());
        };
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime time -> time.toInstant();
            case ZonedDateTime time -> time.toInstant();
            default -> throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
        };
    }
}
