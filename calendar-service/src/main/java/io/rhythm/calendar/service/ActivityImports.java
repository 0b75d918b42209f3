package io.rhythm.calendar.service;

import io.agroal.api.AgroalDataSource;
import io.rhythm.calendar.api.ActivityImport;
import io.rhythm.calendar.domain.ActivityType;
import io.rhythm.calendar.domain.EngagementActivity;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.payload.EngagementActivityLogged;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk import of past meetings from a CRM export: each row is checked on its own (a bad row is REJECTED with field
 * errors, the others go on), a CRM meeting id already imported from the same source is a DUPLICATE (so the same
 * export can be sent again), and every CREATED row is a HELD activity that publishes EngagementActivityLogged.
 * The integration client imports for any client; rows of clients outside a person's portfolio are rejected like unknown clients.
 */
@ApplicationScoped
public class ActivityImports {

    /** CRM meeting-type labels (normalised: upper case, words joined by _) that differ from Rhythm's codes. */
    private static final Map<String, ActivityType> LABELS = Map.of(
            "QUARTERLY_BUSINESS_REVIEW", ActivityType.QBR,
            "PHONE_CALL", ActivityType.CALL,
            "EXEC_ENGAGEMENT", ActivityType.EXECUTIVE_ENGAGEMENT,
            "ONSITE_VISIT", ActivityType.SITE_VISIT,
            "E_MAIL", ActivityType.EMAIL);
    private static final Pattern CONTACT = Pattern.compile("\\s*(.*?)\\s*<([^>]+)>\\s*");
    private static final String INSERT = """
            insert into engagement_activity (id, client_id, activity_type, occurred_on, summary, logged_by, logged_at,
                status, title, starts_at, time_zone, duration_minutes, attendees, notes, outcomes, held_by, version,
                updated_at, external_id, external_source)
            values (?, ?, ?, ?, ?, ?, ?, 'HELD', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClientDirectory directory;
    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public ActivityImport.Result importRows(ActivityImport request, Caller caller) {
        Instant now = Instant.now(clock);
        List<ActivityImport.Row> rows = request.rows();
        Set<UUID> clientIds = new HashSet<>();
        for (ActivityImport.Row row : rows) {
            uuid(row.clientId()).ifPresent(clientIds::add);
        }
        Map<UUID, DirectoryEntry> clients = directory.findAll(clientIds);
        Map<String, UUID> existing = existing(request.source(), rows);
        List<ActivityImport.RowResult> results = new ArrayList<>(rows.size());
        List<EngagementActivity> created = new ArrayList<>();
        int duplicates = 0;
        int rejected = 0;
        for (int i = 0; i < rows.size(); i++) {
            ActivityImport.Row row = rows.get(i);
            List<FieldError> errors = new ArrayList<>();
            EngagementActivity activity = check(row, clients, caller, now, errors);
            if (!errors.isEmpty()) {
                rejected++;
                results.add(new ActivityImport.RowResult(i, row.externalId(), "REJECTED", null, errors));
                continue;
            }
            UUID before = existing.get(row.externalId());
            if (before != null) {
                duplicates++;
                results.add(new ActivityImport.RowResult(i, row.externalId(), "DUPLICATE", before.toString(), List.of()));
                continue;
            }
            activity.loggedBy = caller.username();
            activity.loggedAt = now;
            activity.updatedAt = now;
            existing.put(row.externalId(), activity.id);
            created.add(activity);
            results.add(new ActivityImport.RowResult(i, row.externalId(), "CREATED", activity.id.toString(), List.of()));
        }
        insert(created, request.source(), rows, results);
        outbox.publishAll(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED, created.stream().map(a -> new OutboxWriter.Pending(
                a.clientId.toString(), new EngagementActivityLogged(a.id.toString(), a.clientId.toString(), a.activityType.name(),
                a.occurredOn, a.heldBy, a.summary))).toList());
        return new ActivityImport.Result(created.size(), duplicates, rejected, results);
    }

    /** The row as an activity (not yet stored), or field errors named {@code rows[i].field} by the caller. */
    private EngagementActivity check(ActivityImport.Row row, Map<UUID, DirectoryEntry> clients, Caller caller, Instant now,
                                     List<FieldError> errors) {
        EngagementActivity a = new EngagementActivity();
        a.id = UUID.randomUUID();
        if (row.externalId() == null || row.externalId().isBlank()) {
            errors.add(new FieldError("externalId", "is required (the CRM's meeting id)"));
        } else if (row.externalId().length() > 100) {
            errors.add(new FieldError("externalId", "must be at most 100 characters"));
        }
        DirectoryEntry client = uuid(row.clientId()).map(clients::get).orElse(null);
        if (client == null || !(caller.hasRole(Roles.INTEGRATION) || caller.canSee(client.ownership()))) {
            errors.add(new FieldError("clientId", "is not a client in your portfolio"));
        } else {
            a.clientId = client.clientId();
        }
        a.activityType = type(row.meetingType(), errors);
        ZoneId zone = null;
        try {
            zone = ZoneId.of(row.timeZone() == null ? "" : row.timeZone().strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "is not an IANA time zone (e.g. Australia/Sydney)"));
        }
        LocalDateTime start = null;
        try {
            start = LocalDateTime.parse(row.startTime() == null ? "" : row.startTime().strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("startTime", "must be a local date-time YYYY-MM-DDThh:mm[:ss]"));
        }
        if (start != null && zone != null) {
            a.startsAt = start.atZone(zone).toInstant();
            a.timeZone = zone.getId();
            a.occurredOn = start.toLocalDate();
            if (a.startsAt.isAfter(now)) {
                errors.add(new FieldError("startTime", "is in the future: only meetings that were held are imported"));
            }
        }
        if (row.durationMinutes() != null && (row.durationMinutes() < 1 || row.durationMinutes() > 1440)) {
            errors.add(new FieldError("durationMinutes", "must be between 1 and 1440"));
        }
        a.durationMinutes = row.durationMinutes();
        a.title = text("subject", row.subject(), 500, errors);
        a.summary = a.title;
        a.notes = text("notes", row.notes(), 10_000, errors);
        a.outcomes = text("outcome", row.outcome(), 10_000, errors);
        String organizer = text("organizer", row.organizer(), 100, errors);
        a.heldBy = organizer == null || organizer.isBlank() ? caller.username() : organizer.strip();
        a.attendees = attendees(text("attendees", row.attendees(), 4000, errors));
        return a;
    }

    private static ActivityType type(String label, List<FieldError> errors) {
        if (label == null || label.isBlank()) {
            errors.add(new FieldError("meetingType", "is required"));
            return null;
        }
        String key = label.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        if (LABELS.containsKey(key)) {
            return LABELS.get(key);
        }
        try {
            return ActivityType.valueOf(key);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("meetingType", "is not a known meeting type: one of " + List.of(ActivityType.values())
                    + " or a CRM label such as \"Quarterly Business Review\""));
            return null;
        }
    }

    private static String text(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return value;
    }

    /** "cse; Jo Citizen <jo@example.org>": a bare name is an internal username, "Name <e-mail>" a client contact. */
    static List<EngagementActivity.Attendee> attendees(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<EngagementActivity.Attendee> out = new ArrayList<>();
        for (String part : list.split("[;,]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = CONTACT.matcher(part);
            out.add(m.matches() ? new EngagementActivity.Attendee("CLIENT", null, m.group(1).isBlank() ? null : m.group(1), m.group(2))
                    : new EngagementActivity.Attendee("INTERNAL", part.strip(), null, null));
        }
        return out;
    }

    private static java.util.Optional<UUID> uuid(String value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private Map<String, UUID> existing(String source, List<ActivityImport.Row> rows) {
        Map<String, UUID> found = new HashMap<>();
        List<String> ids = rows.stream().map(ActivityImport.Row::externalId).filter(id -> id != null && !id.isBlank()).distinct().toList();
        if (ids.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select external_id, id from engagement_activity where external_source = ? and external_id = any(?)")) {
            ps.setString(1, source);
            ps.setArray(2, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read imported activities", e);
        }
        return found;
    }

    private void insert(List<EngagementActivity> created, String source, List<ActivityImport.Row> rows,
                        List<ActivityImport.RowResult> results) {
        if (created.isEmpty()) {
            return;
        }
        Map<UUID, String> externalIds = new HashMap<>();
        for (ActivityImport.RowResult r : results) {
            if ("CREATED".equals(r.status())) {
                externalIds.put(UUID.fromString(r.activityId()), rows.get(r.index()).externalId());
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (EngagementActivity a : created) {
                ps.setObject(1, a.id);
                ps.setObject(2, a.clientId);
                ps.setString(3, a.activityType.name());
                ps.setObject(4, a.occurredOn);
                ps.setString(5, a.summary);
                ps.setString(6, a.loggedBy);
                ps.setTimestamp(7, Timestamp.from(a.loggedAt));
                ps.setString(8, a.title);
                ps.setTimestamp(9, Timestamp.from(a.startsAt));
                ps.setString(10, a.timeZone);
                ps.setObject(11, a.durationMinutes, Types.INTEGER);
                ps.setObject(12, Json.write(a.attendees), Types.OTHER);
                ps.setString(13, a.notes);
                ps.setString(14, a.outcomes);
                ps.setString(15, a.heldBy);
                ps.setTimestamp(16, Timestamp.from(a.updatedAt));
                ps.setString(17, externalIds.get(a.id));
                ps.setString(18, source);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store imported activities", e);
        }
    }
}
