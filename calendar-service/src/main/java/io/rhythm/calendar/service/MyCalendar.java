package io.rhythm.calendar.service;

import io.rhythm.platform.events.Json;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.ClientOwnership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The caller's next days ({@code GET /api/v1/calendar/me}): operating-rhythm events and key milestones of their
 * roles, their open deliverables (named person, or one of their roles when no person is named), the planned client
 * activities they attend, planned or own the client of, and their open action items; open deliverables and action
 * items already overdue come first, at their due date. Ordered by date, then kind, then title.
 */
@ApplicationScoped
public class MyCalendar {

    public static final int MAX_DAYS = 366;

    public enum Kind { EVENT, MILESTONE, DELIVERABLE, ACTIVITY, ACTION_ITEM }

    /** One dated thing; {@code endsOn} only for ranges, {@code startsAt} (local, in {@code timeZone}) for meetings. */
    public record Item(LocalDate date, LocalDate endsOn, Kind kind, String id, String title, String clientId,
                       String clientName, LocalDateTime startsAt, String timeZone, String status, boolean overdue,
                       String parentId) {
    }

    public record Agenda(String username, LocalDate from, LocalDate until, List<Item> items) {
    }

    @Inject
    NativeRows db;

    public Agenda agenda(Caller caller, LocalDate asOf, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.invalid("days", "must be between 1 and " + MAX_DAYS);
        }
        LocalDate until = asOf.plusDays(days - 1L);
        String me = caller.username();
        String roles = "{" + String.join(",", caller.roles()) + "}";
        List<Item> items = new ArrayList<>();
        for (Tuple r : db.rows("""
                select id, title, starts_on, ends_on from calendar_event
                where realm_roles && cast(:roles as text[]) and ends_on >= :from and starts_on <= :until""",
                Map.of("roles", roles, "from", asOf, "until", until))) {
            items.add(new Item(max(r.get("starts_on", LocalDate.class), asOf), r.get("ends_on", LocalDate.class), Kind.EVENT,
                    str(r.get("id")), r.get("title", String.class), null, null, null, null, null, false, null));
        }
        for (Tuple r : db.rows("""
                select m.id, m.title, m.starts_on, m.ends_on, e.id as event_id, e.title as event_title
                from calendar_milestone m join calendar_event e on e.id = m.event_id
                where e.realm_roles && cast(:roles as text[]) and m.ends_on >= :from and m.starts_on <= :until""",
                Map.of("roles", roles, "from", asOf, "until", until))) {
            items.add(new Item(max(r.get("starts_on", LocalDate.class), asOf), r.get("ends_on", LocalDate.class), Kind.MILESTONE,
                    str(r.get("id")), r.get("event_title", String.class) + ": " + r.get("title", String.class), null, null,
                    null, null, null, false, str(r.get("event_id"))));
        }
        String visible = caller.isPortfolioWide() ? "" : """
                 and (c.client_id is null or exists (select 1 from client_directory cd where cd.client_id = c.client_id
                     and (cd.owner_cse = :me or cd.owner_cam = :me)))""";
        for (Tuple r : db.rows("""
                select d.id, d.title, d.due_on, d.status, d.checklist_id, c.client_id from deliverable d
                join checklist c on c.id = d.checklist_id
                where d.status = 'OPEN' and d.due_on <= :until
                and (d.owner_person = :me or (d.owner_person is null and d.owner_roles && cast(:roles as text[])))""" + visible,
                Map.of("roles", roles, "me", me, "until", until))) {
            LocalDate due = r.get("due_on", LocalDate.class);
            items.add(new Item(due, null, Kind.DELIVERABLE, str(r.get("id")), r.get("title", String.class),
                    str(r.get("client_id")), null, null, null, r.get("status", String.class), due.isBefore(asOf),
                    str(r.get("checklist_id"))));
        }
        for (Tuple r : db.rows("""
                select a.id, coalesce(a.title, a.activity_type) as title, a.occurred_on, a.starts_at, a.time_zone, a.status,
                    a.client_id, cd.name as client_name, cd.owner_cse, cd.owner_cam
                from engagement_activity a join client_directory cd on cd.client_id = a.client_id
                where a.status = 'PLANNED' and a.occurred_on between :from and :until
                and (a.logged_by = :me or cd.owner_cse = :me or cd.owner_cam = :me
                     or a.attendees @> cast(:attendee as jsonb))""",
                Map.of("me", me, "from", asOf, "until", until,
                        "attendee", Json.write(List.of(Map.of("kind", "INTERNAL", "username", me)))))) {
            // row level: a CSE/CAM invited to a meeting of a client outside their portfolio does not see it
            if (!caller.canSee(new ClientOwnership(r.get("owner_cse", String.class), r.get("owner_cam", String.class)))) {
                continue;
            }
            String zone = r.get("time_zone", String.class);
            Instant start = r.get("starts_at", Instant.class);
            items.add(new Item(r.get("occurred_on", LocalDate.class), null, Kind.ACTIVITY, str(r.get("id")),
                    r.get("title", String.class), str(r.get("client_id")), r.get("client_name", String.class),
                    start == null || zone == null ? null : LocalDateTime.ofInstant(start, ZoneId.of(zone)), zone,
                    r.get("status", String.class), false, null));
        }
        for (Tuple r : db.rows("""
                select i.id, i.description, i.due_on, i.status, a.id as activity_id, a.client_id, cd.name as client_name
                from activity_action_item i join engagement_activity a on a.id = i.activity_id
                left join client_directory cd on cd.client_id = a.client_id
                where i.owner = :me and i.status = 'OPEN' and i.due_on <= :until""",
                Map.of("me", me, "until", until))) {
            LocalDate due = r.get("due_on", LocalDate.class);
            items.add(new Item(due, null, Kind.ACTION_ITEM, str(r.get("id")), r.get("description", String.class),
                    str(r.get("client_id")), r.get("client_name", String.class), null, null, r.get("status", String.class),
                    due.isBefore(asOf), str(r.get("activity_id"))));
        }
        items.sort(Comparator.comparing(Item::date).thenComparing(Item::kind).thenComparing(Item::title,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Item::id));
        return new Agenda(me, asOf, until, items);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
