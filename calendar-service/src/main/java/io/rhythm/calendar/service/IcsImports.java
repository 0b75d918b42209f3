package io.rhythm.calendar.service;

import io.rhythm.calendar.api.CalendarImport;
import io.rhythm.calendar.api.ImportResult;
import io.rhythm.calendar.domain.CalendarEventType;
import io.rhythm.calendar.domain.ParticipantRole;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Imports an {@code .ics} file (e.g. an external team's events) as a calendar {@code EXTERNAL-…} of EXTERNAL events,
 * checked event by event: each VEVENT needs a UID, a SUMMARY and a DTSTART, its DTEND must not be before its start,
 * and a cancelled event is not imported. Valid events are imported (CalendarImporter: a re-import is a new version
 * that replaces the previous one); rejected ones are listed with their errors. Codes come from the UIDs (stable).
 */
@ApplicationScoped
public class IcsImports {

    public record EventResult(int index, String uid, String summary, String status, String code, List<FieldError> errors) {
    }

    public record Result(ImportResult calendar, int imported, int rejected, List<EventResult> events) {
    }

    /** What parsing made of a file: the valid events (as calendar events) and every VEVENT's result. */
    public record Parsed(List<CalendarImport.Event> events, List<EventResult> results) {
    }

    @Inject
    CalendarImporter importer;
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public Result importFile(String ics, String calendarKey, String participants, String region, String timeZone,
                             String importedBy) {
        List<FieldError> errors = new ArrayList<>();
        if (calendarKey == null || !calendarKey.matches("EXTERNAL-[A-Za-z0-9-]{1,50}")) {
            errors.add(new FieldError("calendarKey", "must be EXTERNAL- followed by letters, digits and dashes (at most 50)"));
        }
        List<ParticipantRole> roles = roles(participants, errors);
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "Australia/Sydney" : timeZone.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "is not an IANA time zone"));
        }
        if (ics == null || ics.isBlank()) {
            errors.add(new FieldError("file", "is empty"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Parsed parsed = parse(ics, zone, roles);
        if (parsed.events().isEmpty()) {
            List<FieldError> all = new ArrayList<>();
            parsed.results().forEach(r -> r.errors().forEach(e -> all.add(new FieldError("events[" + r.index() + "]." + e.field(), e.message()))));
            if (all.isEmpty()) {
                all.add(new FieldError("file", "has no VEVENT"));
            }
            throw ApiException.invalid(all);
        }
        Number version = (Number) em.createNativeQuery("select coalesce(max(version), 0) from rhythm_calendar where calendar_key = :key")
                .setParameter("key", calendarKey).getSingleResult();
        int year = parsed.events().stream().map(CalendarImport.Event::startsOn).min(LocalDate::compareTo).orElseThrow().getYear();
        CalendarImport document = new CalendarImport(calendarKey, version.intValue() + 1,
                region == null || region.isBlank() ? "APAC" : region.strip(), year, zone.getId(), "ics import by " + importedBy,
                parsed.events());
        ImportResult imported = importer.importCalendar(document, importedBy);
        int rejected = (int) parsed.results().stream().filter(r -> "REJECTED".equals(r.status())).count();
        return new Result(imported, parsed.events().size(), rejected, parsed.results());
    }

    /** Parses and checks a file (no storage): a file that is not iCalendar is a 400 naming the line. */
    public static Parsed parse(String ics, ZoneId zone, List<ParticipantRole> participants) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException e) {
            throw ApiException.invalid("file", "is not an iCalendar file (line " + e.getLineNo() + ": " + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            throw ApiException.invalid("file", "is not an iCalendar file (" + e.getMessage() + ")");
        }
        List<VEvent> vevents = calendar.getComponents(Component.VEVENT);
        List<CalendarImport.Event> events = new ArrayList<>();
        List<EventResult> results = new ArrayList<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < vevents.size(); i++) {
            VEvent v = vevents.get(i);
            List<FieldError> errors = new ArrayList<>();
            String uid = value(v, Property.UID).orElse(null);
            String summary = value(v, Property.SUMMARY).orElse(null);
            if (uid == null || uid.isBlank()) {
                errors.add(new FieldError("UID", "is required"));
            } else if (uid.length() > 255) {
                errors.add(new FieldError("UID", "must be at most 255 characters"));
            }
            if (summary == null || summary.isBlank()) {
                errors.add(new FieldError("SUMMARY", "is required"));
            } else if (summary.length() > 200) {
                errors.add(new FieldError("SUMMARY", "must be at most 200 characters"));
            }
            LocalDate start = null;
            LocalDate end = null;
            try {
                start = v.getStartDate().map(d -> day(d.getDate(), zone, false)).orElse(null);
                end = v.getEndDate(false).map(d -> day(d.getDate(), zone, true)).orElse(null);
            } catch (RuntimeException e) {
                errors.add(new FieldError("DTSTART", "cannot be read (" + e.getMessage() + ")"));
            }
            if (start == null && errors.stream().noneMatch(e -> e.field().equals("DTSTART"))) {
                errors.add(new FieldError("DTSTART", "is required"));
            }
            if (start != null && end != null && end.isBefore(start)) {
                errors.add(new FieldError("DTEND", "is before DTSTART"));
            }
            if (value(v, Property.STATUS).map(s -> s.equalsIgnoreCase("CANCELLED")).orElse(false)) {
                errors.add(new FieldError("STATUS", "is CANCELLED: a cancelled event is not imported"));
            }
            if (!errors.isEmpty()) {
                results.add(new EventResult(i, uid, summary, "REJECTED", null, errors));
                continue;
            }
            String code = code(uid);
            if (!codes.add(code)) {
                results.add(new EventResult(i, uid, summary, "REJECTED", null,
                        List.of(new FieldError("UID", "is used by another event of the file"))));
                continue;
            }
            LocalDate last = end == null ? start : end;
            String description = value(v, Property.DESCRIPTION).filter(d -> !d.isBlank()).orElse(summary);
            events.add(new CalendarImport.Event(code, "Q" + ((start.getMonthValue() - 1) / 3 + 1), CalendarEventType.EXTERNAL,
                    summary, start, last, participants, description.length() > 2000 ? description.substring(0, 2000) : description,
                    List.of(), List.of(), List.of(), List.of()));
            results.add(new EventResult(i, uid, summary, "IMPORTED", code, List.of()));
        }
        return new Parsed(events, results);
    }

    private static Optional<String> value(VEvent v, String name) {
        return v.<Property>getProperty(name).map(Property::getValue);
    }

    /** A DTSTART/DTEND as a day in the calendar's zone; an all-day DTEND is exclusive, as is a date-time end at midnight. */
    private static LocalDate day(Temporal t, ZoneId zone, boolean isEnd) {
        LocalDateTime local;
        if (t instanceof LocalDate d) {
            return isEnd ? d.minusDays(1) : d;
        } else if (t instanceof LocalDateTime l) {
            local = l;
        } else if (t instanceof ZonedDateTime z) {
            local = z.withZoneSameInstant(zone).toLocalDateTime();
        } else if (t instanceof OffsetDateTime o) {
            local = o.atZoneSameInstant(zone).toLocalDateTime();
        } else if (t instanceof Instant i) {
            local = i.atZone(zone).toLocalDateTime();
        } else {
            throw new DateTimeException("unsupported date " + t);
        }
        return isEnd && local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /** A stable event code from a UID: its letters and digits, and a hash so different UIDs never share a code. */
    static String code(String uid) {
        String slug = uid.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
            return (slug.isEmpty() ? "ics" : slug) + "-" + HexFormat.of().formatHex(hash).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ParticipantRole> roles(String participants, List<FieldError> errors) {
        if (participants == null || participants.isBlank()) {
            errors.add(new FieldError("participants", "is required: the seed roles taking part, e.g. CSE,CAM"));
            return List.of();
        }
        List<ParticipantRole> roles = new ArrayList<>();
        for (String p : participants.split(",")) {
            try {
                roles.add(ParticipantRole.valueOf(p.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("participants", "must be participant roles of the seed " + Arrays.toString(ParticipantRole.values())));
                return List.of();
            }
        }
        return roles.stream().distinct().toList();
    }
}
