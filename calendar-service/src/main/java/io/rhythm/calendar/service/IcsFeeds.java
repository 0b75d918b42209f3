package io.rhythm.calendar.service;

import io.rhythm.calendar.api.FeedView;
import io.rhythm.calendar.domain.CalendarEvent;
import io.rhythm.calendar.domain.CalendarMilestone;
import io.rhythm.calendar.domain.Deliverable;
import io.rhythm.calendar.domain.EngagementActivity;
import io.rhythm.calendar.domain.ActivityStatus;
import io.rhythm.calendar.domain.FeedSecret;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import io.rhythm.platform.clients.DirectoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Parameter;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * iCalendar (RFC 5545) feeds built with ical4j. A person's feed holds the operating-rhythm events and
 * milestones of their roles, the open deliverables they own, and the client activities of the clients
 * they own or that they planned or attend (never another person's client meetings); a role's feed holds
 * only the rhythm. Stable UIDs, SEQUENCE from each item's version, all-day events for date ranges,
 * VTIMEZONE for timed meetings, VALARM a day before milestones and deliverables, cancelled activities
 * as STATUS:CANCELLED. Personal feeds are read with a revocable secret instead of a token.
 */
@ApplicationScoped
public class IcsFeeds {

    public static final String MEDIA_TYPE = "text/calendar";
    /** The rhythm events of a feed's roles (:roles). */
    private static final String RHYTHM_OF_ROLES = "from calendar_event e where e.realm_roles && cast(:roles as text[])";
    /** The open deliverables a person (:me, :roles, :wide) owns: theirs, their roles', of their clients or all clients. */
    private static final String DELIVERABLES_OF_PERSON = """
            from deliverable d join checklist c on c.id = d.checklist_id
            where d.status = 'OPEN' and (d.owner_person = :me or (d.owner_person is null and d.owner_roles && cast(:roles as text[])))
              and (c.client_id is null or exists (select 1 from client_directory cd where cd.client_id = c.client_id
                   and (cd.owner_cse = :me or cd.owner_cam = :me)) or cast(:wide as boolean))""";
    /** The scheduled activities a person (:me, :attendee) sees: of the clients they own, planned by or attended by them. */
    private static final String ACTIVITIES_OF_PERSON = """
            from engagement_activity a
            where a.starts_at is not null and (
                  exists (select 1 from client_directory cd where cd.client_id = a.client_id
                          and (cd.owner_cse = :me or cd.owner_cam = :me))
               or a.logged_by = :me
               or a.attendees @> cast(:attendee as jsonb))""";
    /**
     * A digest of every row a personal feed is made of (whole rows as text, milestones included), in one statement: any
     * change to any of them, or to which rows belong to the feed, changes it.
     */
    private static final String PERSONAL_FINGERPRINT = "select md5(concat_ws('#', "
            + "coalesce((select string_agg(cast(e as text) || coalesce((select string_agg(cast(m as text), ',' order by m.id) "
            + "from calendar_milestone m where m.event_id = e.id), ''), ';' order by e.id) " + RHYTHM_OF_ROLES + "), ''), "
            + "coalesce((select string_agg(cast(d as text), ';' order by d.id) " + DELIVERABLES_OF_PERSON + "), ''), "
            + "coalesce((select string_agg(cast(a as text), ';' order by a.id) " + ACTIVITIES_OF_PERSON + "), '')))";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DOMAIN = "rhythm";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @ConfigProperty(name = "rhythm.calendar.feed.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;
    @ConfigProperty(name = "rhythm.calendar.feed.alarm-before", defaultValue = "P1D")
    Duration alarmBefore;

    @Inject
    FeedCache cache;

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** A new secret for the caller (any previous one stops working). */
    @Transactional(Transactional.TxType.MANDATORY)
    public FeedView issue(Caller caller) {
        revoke(caller);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        FeedSecret feed = new FeedSecret();
        feed.id = UUID.randomUUID();
        feed.username = caller.username();
        feed.roles = caller.roles().stream().filter(Roles.PEOPLE::contains).sorted().toArray(String[]::new);
        feed.secretHash = hash(secret);
        feed.createdAt = Instant.now(clock);
        feed.persist();
        return new FeedView(publicUrl + "/api/v1/calendar/feeds/ics/" + secret, feed.username, feed.createdAt);
    }

    /** @return how many secrets were revoked */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revoke(Caller caller) {
        return FeedSecret.update("revokedAt = ?1 where username = ?2 and revokedAt is null", Instant.now(clock), caller.username());
    }

    /**
     * The personal feed behind a secret; 404 for an unknown or revoked one. The text is kept per secret with a digest
     * of the rows it was made of ({@link #PERSONAL_FINGERPRINT}); a request whose digest is the same gets the kept text.
     * The digest is read before the rows, so a change committed in between makes the kept text older than its digest
     * says, and the next request builds it again: never a stale feed under a current digest.
     */
    public String personal(String secret) {
        FeedSecret feed = secret == null || secret.length() > 100 ? null
                : FeedSecret.find("secretHash = ?1 and revokedAt is null", hash(secret)).firstResult();
        if (feed == null) {
            throw ApiException.notFound("Calendar feed", "(secret)");
        }
        Set<String> roles = Set.of(feed.roles);
        String fingerprint = (String) personalParameters(em.createNativeQuery(PERSONAL_FINGERPRINT), feed.username, roles)
                .getSingleResult();
        return cache.get(feed.id, fingerprint, () -> {
            Calendar calendar = calendar("Rhythm - " + feed.username);
            addRhythm(calendar, roles);
            addDeliverables(calendar, feed.username, roles);
            addActivities(calendar, feed.username, new HashSet<>());
            return write(calendar);
        });
    }

    /** Binds what the personal queries name: :roles, :me, :wide, :attendee (those a statement does not use are skipped). */
    private static Query personalParameters(Query query, String username, Set<String> roles) {
        Map<String, Object> values = Map.of("roles", "{" + String.join(",", roles) + "}", "me", username,
                "wide", roles.stream().anyMatch(Roles.PORTFOLIO_WIDE::contains),
                "attendee", "[{\"username\": " + jsonString(username) + "}]");
        for (Parameter<?> p : query.getParameters()) {
            query.setParameter(p.getName(), values.get(p.getName()));
        }
        return query;
    }

    /** The operating rhythm of one role (no client meetings). */
    public String ofRole(String role) {
        Calendar calendar = calendar("Rhythm - operating rhythm (" + role + ")");
        addRhythm(calendar, Set.of(role));
        return write(calendar);
    }

    private Calendar calendar(String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Rhythm//calendar-service 1.0//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        return calendar;
    }

    private void addRhythm(Calendar calendar, Set<String> roles) {
        @SuppressWarnings("unchecked")
        List<CalendarEvent> events = em.createNativeQuery("select e.* " + RHYTHM_OF_ROLES + " order by e.starts_on, e.id",
                        CalendarEvent.class)
                .setParameter("roles", "{" + String.join(",", roles) + "}").getResultList();
        for (CalendarEvent e : events) {
            VEvent vevent = allDay(e.startsOn, e.endsOn, e.title, "event-" + e.id, e.sequence);
            vevent.add(new Description(e.objective + (e.deliverables.isEmpty() ? ""
                    : "\n\nDeliverables:\n- " + String.join("\n- ", e.deliverables))));
            vevent.add(new Categories(e.type.name()));
            calendar.add(vevent);
            for (CalendarMilestone m : CalendarMilestone.<CalendarMilestone>list("eventId = ?1 order by startsOn", e.id)) {
                VEvent milestone = allDay(m.startsOn, m.endsOn, e.title + ": " + m.title, "milestone-" + m.id, e.sequence);
                milestone.add(new Categories("MILESTONE"));
                milestone.add(alarm(m.title));
                calendar.add(milestone);
            }
        }
    }

    private void addDeliverables(Calendar calendar, String username, Set<String> roles) {
        @SuppressWarnings("unchecked")
        List<Deliverable> items = personalParameters(em.createNativeQuery("select d.* " + DELIVERABLES_OF_PERSON
                + " order by d.due_on, d.id", Deliverable.class), username, roles).getResultList();
        items.forEach(d -> calendar.add(deliverable(d)));
    }

    private VEvent deliverable(Deliverable d) {
        VEvent vevent = allDay(d.dueOn, d.dueOn, "Due: " + d.title, "deliverable-" + d.id, d.version);
        vevent.add(new Categories("DELIVERABLE"));
        vevent.add(alarm("Due: " + d.title));
        return vevent;
    }

    /** Activities of the clients the user owns, and those they planned or attend: no other person's client meetings. */
    private void addActivities(Calendar calendar, String username, Set<String> zonesAdded) {
        @SuppressWarnings("unchecked")
        List<EngagementActivity> activities = personalParameters(em.createNativeQuery("select a.* " + ACTIVITIES_OF_PERSON
                + " order by a.starts_at, a.id", EngagementActivity.class), username, Set.of()).getResultList();
        addActivities(calendar, activities, zonesAdded);
    }

    /**
     * One client's feed (the caller must be allowed to see the client): its scheduled activities, planned, held and
     * cancelled, and the open items of its checklists (Appendix B account planning).
     */
    public String ofClient(DirectoryEntry client) {
        Calendar calendar = calendar("Rhythm - " + client.name());
        @SuppressWarnings("unchecked")
        List<EngagementActivity> activities = em.createNativeQuery("""
                        select a.* from engagement_activity a where a.client_id = :client and a.starts_at is not null
                        order by a.starts_at, a.id""", EngagementActivity.class)
                .setParameter("client", client.clientId()).getResultList();
        addActivities(calendar, activities, new HashSet<>());
        @SuppressWarnings("unchecked")
        List<Deliverable> items = em.createNativeQuery("""
                        select d.* from deliverable d join checklist c on c.id = d.checklist_id
                        where d.status = 'OPEN' and c.client_id = :client order by d.due_on, d.id""", Deliverable.class)
                .setParameter("client", client.clientId()).getResultList();
        items.forEach(d -> calendar.add(deliverable(d)));
        return write(calendar);
    }

    private void addActivities(Calendar calendar, List<EngagementActivity> activities, Set<String> zonesAdded) {
        for (EngagementActivity a : activities) {
            ZoneId zone = ZoneId.of(a.timeZone);
            if (zonesAdded.add(zone.getId())) {
                calendar.add(zones.getTimeZone(zone.getId()).getVTimeZone());
            }
            ZonedDateTime start = a.startsAt.atZone(zone);
            String title = (a.title != null ? a.title : a.activityType.name()) + " (" + a.activityType.name() + ")";
            // an imported meeting may have no duration: then it has no DTEND (RFC 5545: it takes no time)
            VEvent vevent = a.durationMinutes == null ? new VEvent(start, title) : new VEvent(start, start.plusMinutes(a.durationMinutes), title);
            vevent.add(new Uid("activity-" + a.id + "@" + DOMAIN));
            vevent.add(new Sequence(a.version));
            vevent.add(a.status == ActivityStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
            if (a.notes != null) {
                vevent.add(new Description(a.notes));
            }
            vevent.add(new Categories("CLIENT_ACTIVITY"));
            calendar.add(vevent);
        }
    }

    private VEvent allDay(java.time.LocalDate first, java.time.LocalDate last, String summary, String uid, int sequence) {
        VEvent vevent = new VEvent(first, last.plusDays(1), summary); // DTEND of an all-day event is exclusive
        vevent.add(new Uid(uid + "@" + DOMAIN));
        vevent.add(new Sequence(sequence));
        return vevent;
    }

    private VAlarm alarm(String text) {
        VAlarm alarm = new VAlarm(alarmBefore.negated());
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description(text));
        return alarm;
    }

    private static String write(Calendar calendar) {
        try {
            StringWriter out = new StringWriter();
            // not validated on every write: ical4j's validation cost 1.4-4.6x the writing itself for 5,000 events (bench/RESULTS.md,
            // 2026-12-07); FeedApiTest validates the feeds' output with ical4j's validator instead
            new CalendarOutputter(false).output(calendar, out);
            return out.toString();
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write the iCalendar feed", e);
        }
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
