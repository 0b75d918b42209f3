package io.rhythm.gateway.audit;

import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The filter of {@code GET /api/v1/audit}: an actor (username, integration client id or token subject), a time
 * range {@code [from, to)} (each an ISO-8601 instant with offset, or a date: from its start / to its end, UTC), and
 * the page. Newest first.
 */
public record AuditQuery(String actor, Instant from, Instant to, PageRequest page) {

    public static AuditQuery of(String actor, String from, String to, Integer limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = time("from", from, false, errors);
        Instant end = time("to", to, true, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (actor != null && (actor.isBlank() || actor.length() > 255)) {
            errors.add(new FieldError("actor", "must be 1-255 characters"));
        }
        PageRequest page;
        try {
            page = PageRequest.of(limit, cursor);
        } catch (ApiException e) {
            errors.addAll(e.errors());
            page = null;
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new AuditQuery(actor, start, end, page);
    }

    private static Instant time(String field, String value, boolean end, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be YYYY-MM-DD or an ISO-8601 time with offset, e.g. 2026-12-07T09:00:00Z"));
            return null;
        }
    }
}
