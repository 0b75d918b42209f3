package io.rhythm.calendar.service;

import io.rhythm.calendar.api.CalendarEventView;
import io.rhythm.calendar.domain.CalendarEvent;
import io.rhythm.calendar.domain.CalendarEventType;
import io.rhythm.calendar.domain.CalendarMilestone;
import io.rhythm.calendar.domain.ParticipantRole;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the operating-rhythm calendar: events overlapping a period, by type and participant role. */
@ApplicationScoped
public class CalendarQueries {

    private static final Set<String> REALM_ROLES = Set.of(Roles.CSE, Roles.CAM, Roles.AVP, Roles.VP, Roles.EVP, Roles.MARKETING);

    @Inject
    EntityManager em;

    /** Filters as given on the query string; each is optional. */
    public record EventFilter(LocalDate from, LocalDate to, CalendarEventType type, String realmRole, ParticipantRole participant) {

        /** @throws ApiException 400 naming the parameter that is malformed */
        public static EventFilter parse(String from, String to, String type, String role) {
            LocalDate start = date("from", from);
            LocalDate end = date("to", to);
            if (start != null && end != null && end.isBefore(start)) {
                throw ApiException.invalid("to", "must not be before from");
            }
            CalendarEventType eventType = null;
            if (type != null && !type.isBlank()) {
                try {
                    eventType = CalendarEventType.valueOf(type.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid("type", "must be one of " + List.of(CalendarEventType.values()));
                }
            }
            String realmRole = null;
            ParticipantRole participant = null;
            if (role != null && !role.isBlank()) {
                String r = role.strip();
                if (REALM_ROLES.contains(r)) {
                    realmRole = r;
                } else {
                    try {
                        participant = ParticipantRole.valueOf(r);
                    } catch (IllegalArgumentException e) {
                        throw ApiException.invalid("role", "must be a Rhythm role in lower case " + REALM_ROLES.stream().sorted().toList()
                                + " or a participant role of the seed in upper case " + List.of(ParticipantRole.values()));
                    }
                }
            }
            return new EventFilter(start, end, eventType, realmRole, participant);
        }

        private static LocalDate date(String name, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(name, "must be a date YYYY-MM-DD");
            }
        }
    }

    /** Events overlapping [from, to], ordered by start date then id, a page at a time. */
    public Page<CalendarEventView> events(EventFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from calendar_event where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.from() != null) {
            sql.append(" and ends_on >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and starts_on <= :to");
            params.put("to", filter.to());
        }
        if (filter.type() != null) {
            sql.append(" and event_type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.realmRole() != null) {
            sql.append(" and cast(:role as text) = any(realm_roles)");
            params.put("role", filter.realmRole());
        }
        if (filter.participant() != null) {
            sql.append(" and cast(:participant as text) = any(participants)");
            params.put("participant", filter.participant().name());
        }
        if (page.after() != null) {
            sql.append(" and (starts_on > :afterOn or (starts_on = :afterOn and id > :afterId))");
            params.put("afterOn", page.after().sortDate());
            params.put("afterId", page.after().uuid());
        }
        sql.append(" order by starts_on, id limit ").append(page.fetchSize());
        Query query = em.createNativeQuery(sql.toString(), CalendarEvent.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<CalendarEvent> rows = query.getResultList();
        Map<UUID, List<CalendarMilestone>> milestones = milestonesOf(rows);
        return Page.of(rows, page, e -> new Cursor(e.startsOn.toString(), e.id.toString()),
                e -> CalendarEventView.of(e, milestones.getOrDefault(e.id, List.of())));
    }

    public CalendarEventView event(UUID id) {
        CalendarEvent event = CalendarEvent.findById(id);
        if (event == null) {
            throw ApiException.notFound("Calendar event", id);
        }
        return CalendarEventView.of(event, milestonesOf(List.of(event)).getOrDefault(id, List.of()));
    }

    private static Map<UUID, List<CalendarMilestone>> milestonesOf(List<CalendarEvent> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = events.stream().map(e -> e.id).toList();
        return CalendarMilestone.<CalendarMilestone>list("eventId in ?1 order by startsOn, code", ids).stream()
                .collect(Collectors.groupingBy(m -> m.eventId));
    }
}
