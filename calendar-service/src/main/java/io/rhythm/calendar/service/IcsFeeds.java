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
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * iCalendar (RFC 5545) feeds built with ical4j. A person's feed holds the operating-rhythm events and
 * milestones of their roles, the open deliverables they own, and the client activities of the clients
 * they own or that they planned or attend (never another person's client meetings); a role's feed holds
 * only the rhythm. Stable UIDs, SEQUENCE from each item's version, all-day events for date ranges,
 * VTIMEZONE for timed meetings, VALARM a day before milestones and deliverables, cancelled activities
 * as STATUS:CANCELLED. Personal feeds are read with a revocable secret instead of a token.
 * <p>
 * A feed is assembled, not rendered whole: one statement per part reads only which rows the feed shows and their
 * stamps ({@code xmin}, which every write of a row changes, and the version), each component's text is taken from
 * {@link FeedCache} by UID and stamp, and only the rows without a kept text are loaded and rendered (ical4j, folded as
 * {@link CalendarOutputter} folds). The texts are concatenated between the calendar's header and footer; the ETag is a
 * digest of the UIDs and stamps, so an unchanged feed answers 304 to If-None-Match.
 */
@ApplicationScoped
public class IcsFeeds {

    public static final String MEDIA_TYPE = "text/calendar";
    /** Bumped whenever rendering changes, so that no ETag of the old rendering names the new text. */
    private static final String RENDERING = "rhythm-ics-2";
    static final String FOOTER = "END:VCALENDAR\r\n";
    private static final int LOAD_CHUNK = 1000;
    /** The rhythm events of a feed's roles (:roles), each with its milestones, in feed order, with their stamps. */
    private static final String RHYTHM_OF_ROLES = """
            select e.id, cast(e.xmin as text) || ':' || e.sequence as stamp, m.id as milestone, cast(m.xmin as text) as milestone_stamp
            from calendar_event e left join calendar_milestone m on m.event_id = e.id
            where e.realm_roles && cast(:roles as text[])
            order by e.starts_on, e.id, m.starts_on, m.id""";
    /** The open deliverables a person (:me, :roles, :wide) owns: theirs, their roles', of their clients or all clients. */
    private static final String DELIVERABLES_OF_PERSON = """
            select d.id, cast(d.xmin as text) || ':' || d.version as stamp from deliverable d join checklist c on c.id = d.checklist_id
            where d.status = 'OPEN' and (d.owner_person = :me or (d.owner_person is null and d.owner_roles && cast(:roles as text[])))
              and (c.client_id is null or exists (select 1 from client_directory cd where cd.client_id = c.client_id
                   and (cd.owner_cse = :me or cd.owner_cam = :me)) or cast(:wide as boolean))
            order by d.due_on, d.id""";
    /** The open items of one client's checklists (:client). */
    private static final String DELIVERABLES_OF_CLIENT = """
            select d.id, cast(d.xmin as text) || ':' || d.version as stamp from deliverable d join checklist c on c.id = d.checklist_id
            where d.status = 'OPEN' and c.client_id = :client order by d.due_on, d.id""";
    /**
     * The scheduled activities a person (:me, :attendee) sees: of the clients they own, planned by or attended by them.
     * Each way in has its index (the client's activities, V9's logged_by and attendees), so the three are read as one
     * bitmap OR, not a scan of every activity.
     */
    private static final String ACTIVITIES_OF_PERSON = """
            select a.id, cast(a.xmin as text) || ':' || a.version as stamp, a.time_zone as zone from engagement_activity a
            where a.starts_at is not null and (
                  a.client_id = any(array(select cd.client_id from client_directory cd where cd.owner_cse = :me or cd.owner_cam = :me))
               or a.logged_by = :me
               or a.attendees @> cast(:attendee as jsonb))
            order by a.starts_at, a.id""";
    /** One client's scheduled activities (:client). */
    private static final String ACTIVITIES_OF_CLIENT = """
            select a.id, cast(a.xmin as text) || ':' || a.version as stamp, a.time_zone as zone from engagement_activity a
            where a.client_id = :client and a.starts_at is not null order by a.starts_at, a.id""";
    /**
     * The personal feed's one read per request: the secret (by its unique hash, not revoked) with its feed's id, person
     * and roles, and the version of everything the feed shows ({@link #version}: the three parts' queries above, bound to
     * the secret's person and roles in the same statement). A secret that is unknown or revoked reads no row.
     */
    private static final String PERSONAL_CHECK = "select f.id, f.username, array_to_string(f.roles, ','), "
            + rhythmVersion(bound(RHYTHM_OF_ROLES)) + " || '|' || " + version(bound(DELIVERABLES_OF_PERSON)) + " || '|' || "
            + version(bound(ACTIVITIES_OF_PERSON))
            + " from feed_secret f where f.secret_hash = :hash and f.revoked_at is null";
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
     * The personal feed behind a secret; 404 for an unknown or revoked one. One statement checks the secret (by its unique
     * hash) and reads the feed's version ({@link #PERSONAL_CHECK}); the feed kept under that version is sent as it is,
     * else the feed is assembled and kept.
     */
    public IcsFeed personal(String secret) {
        Object[] row = null;
        if (secret != null && secret.length() <= 100) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(PERSONAL_CHECK).setParameter("hash", hash(secret)).getResultList();
            row = rows.isEmpty() ? null : rows.getFirst();
        }
        if (row == null) {
            throw ApiException.notFound("Calendar feed", "(secret)");
        }
        String username = (String) row[1];
        Set<String> roles = ((String) row[2]).isEmpty() ? Set.of() : Set.of(((String) row[2]).split(","));
        return kept("secret:" + row[0], (String) row[3], () -> {
            Parts parts = new Parts("Rhythm - " + username);
            addRhythm(parts, roles);
            addDeliverables(parts, stamps("deliverable", personalParameters(em.createNativeQuery(DELIVERABLES_OF_PERSON), username, roles)));
            addActivities(parts, stamps("activity", personalParameters(em.createNativeQuery(ACTIVITIES_OF_PERSON), username, Set.of())));
            return parts.feed();
        });
    }

    /**
     * The feed kept under {@code key} if it was assembled at {@code version}, else a new one ({@code assemble}), kept under
     * that version. The version is read before the feed is assembled: a change in between leaves a feed newer than its
     * version, which the next read (seeing another version) assembles again; a kept feed is never older than its version.
     */
    private IcsFeed kept(String key, String version, Supplier<IcsFeed> assemble) {
        String stamp = RENDERING + "|" + alarmBefore + "|" + version;
        IcsFeed feed = cache.feed(key, stamp);
        if (feed == null) {
            feed = assemble.get();
            cache.keepFeed(key, stamp, feed);
        }
        return feed;
    }

    /**
     * A part's version, as one SQL expression: the number of rows its stamp query reads and the sum of a 64-bit hash of
     * each row's id seeded with a hash of its stamp ({@code stamp}, an expression of the query's columns as {@code s.*};
     * a row's stamp changes with every write of it): any row added, removed or written changes it. PostgreSQL computes
     * it over the same index reads as the query, and only one value leaves the database. (Hashing the id and stamp
     * rather than the row's text: 5-10 ms instead of 30 ms for 5,000 rows in the bench database.)
     */
    private static String version(String stampQuery, String stamp) {
        String rows = stampQuery.substring(0, stampQuery.lastIndexOf("order by"));
        return "(select count(*) || '/' || coalesce(sum(uuid_hash_extended(s.id, hashtextextended(" + stamp + ", 0))), 0) from ("
                + rows + ") s)";
    }

    /** {@link #version(String, String)} of a query of rows (id, stamp[, zone]). */
    private static String version(String stampQuery) {
        return version(stampQuery, "s.stamp");
    }

    /** {@link #version(String, String)} of the rhythm: an event's row also names one of its milestones and its stamp. */
    private static String rhythmVersion(String rhythmQuery) {
        return version(rhythmQuery, "s.stamp || '/' || coalesce(cast(s.milestone as text), '') || '/' || coalesce(s.milestone_stamp, '')");
    }

    /** A personal query with what it names taken from the feed's secret row {@code f} instead of parameters (see {@link #personalParameters}). */
    private static String bound(String personalQuery) {
        String wide = Roles.PORTFOLIO_WIDE.stream().sorted().collect(java.util.stream.Collectors.joining(",", "'{", "}'"));
        return personalQuery.replace(":roles", "f.roles").replace(":me", "f.username")
                .replace(":wide", "(f.roles && cast(" + wide + " as text[]))")
                .replace(":attendee", "jsonb_build_array(jsonb_build_object('username', f.username))");
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
    public IcsFeed ofRole(String role) {
        String roles = "{" + role + "}";
        String version = (String) em.createNativeQuery("select " + rhythmVersion(RHYTHM_OF_ROLES)).setParameter("roles", roles).getSingleResult();
        return kept("role:" + role, version, () -> {
            Parts parts = new Parts("Rhythm - operating rhythm (" + role + ")");
            addRhythm(parts, Set.of(role));
            return parts.feed();
        });
    }

    /**
     * One client's feed (the caller must be allowed to see the client): its scheduled activities, planned, held and
     * cancelled, and the open items of its checklists (Appendix B account planning).
     */
    public IcsFeed ofClient(DirectoryEntry client) {
        String version = (String) em.createNativeQuery("select " + version(ACTIVITIES_OF_CLIENT) + " || '|' || " + version(DELIVERABLES_OF_CLIENT))
                .setParameter("client", client.clientId()).getSingleResult();
        return kept("client:" + client.clientId() + "|" + client.name(), version, () -> {
            Parts parts = new Parts("Rhythm - " + client.name());
            addActivities(parts, stamps("activity", em.createNativeQuery(ACTIVITIES_OF_CLIENT).setParameter("client", client.clientId())));
            addDeliverables(parts, stamps("deliverable", em.createNativeQuery(DELIVERABLES_OF_CLIENT).setParameter("client", client.clientId())));
            return parts.feed();
        });
    }

    /** A row a feed shows: its id, its component's cache key (UID and the stamp of the row's state), (activities) its time zone. */
    private record Stamp(UUID id, FeedCache.Key key, String zone) {

        Stamp(String kind, UUID id, String stamp, String zone) {
            this(id, new FeedCache.Key(kind + "-" + id, stamp), zone);
        }
    }

    /** The rows of a stamp query (id, stamp[, zone]) as plain arrays: no entities, no tuples. */
    @SuppressWarnings("unchecked")
    private static List<Stamp> stamps(String kind, Query query) {
        List<Object[]> rows = query.getResultList();
        List<Stamp> stamps = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            stamps.add(new Stamp(kind, (UUID) row[0], (String) row[1], row.length > 2 ? (String) row[2] : null));
        }
        return stamps;
    }

    /** The rhythm events of the roles, each followed by its milestones (the milestone's stamp includes its event's). */
    @SuppressWarnings("unchecked")
    private void addRhythm(Parts parts, Set<String> roles) {
        List<Object[]> rows = em.createNativeQuery(RHYTHM_OF_ROLES).setParameter("roles", "{" + String.join(",", roles) + "}")
                .getResultList();
        List<Stamp> events = new ArrayList<>();
        List<Stamp> milestones = new ArrayList<>();
        List<Stamp> order = new ArrayList<>(); // events and milestones in feed order
        for (Object[] row : rows) {
            Stamp event = new Stamp("event", (UUID) row[0], (String) row[1], null);
            if (events.isEmpty() || !events.getLast().id().equals(event.id())) {
                events.add(event);
                order.add(event);
            }
            if (row[2] != null) {
                // a milestone's text shows its event's title and SEQUENCE: its stamp holds the event's
                Stamp m = new Stamp("milestone", (UUID) row[2], row[3] + "/" + event.key().stamp(), null);
                milestones.add(m);
                order.add(m);
            }
        }
        Map<UUID, byte[]> eventTexts = texts(events, ids -> CalendarEvent.<CalendarEvent>list("id in ?1", ids),
                e -> e.id, this::rhythmEvent);
        Map<UUID, byte[]> milestoneTexts = texts(milestones, ids -> {
            List<CalendarMilestone> found = CalendarMilestone.list("id in ?1", ids);
            Map<UUID, CalendarEvent> of = new HashMap<>();
            CalendarEvent.<CalendarEvent>list("id in ?1", found.stream().map(m -> m.eventId).distinct().toList())
                    .forEach(e -> of.put(e.id, e));
            return found.stream().filter(m -> of.containsKey(m.eventId)).map(m -> new MilestoneOf(of.get(m.eventId), m)).toList();
        }, m -> m.milestone().id, m -> milestone(m.event(), m.milestone()));
        for (Stamp s : order) {
            parts.add(s.key(), s.key().uid().startsWith("event-") ? eventTexts.get(s.id()) : milestoneTexts.get(s.id()));
        }
    }

    private record MilestoneOf(CalendarEvent event, CalendarMilestone milestone) {
    }

    private VEvent rhythmEvent(CalendarEvent e) {
        VEvent vevent = allDay(e.startsOn, e.endsOn, e.title, "event-" + e.id, e.sequence);
        vevent.add(new Description(e.objective + (e.deliverables.isEmpty() ? ""
                : "\n\nDeliverables:\n- " + String.join("\n- ", e.deliverables))));
        vevent.add(new Categories(e.type.name()));
        return vevent;
    }

    private VEvent milestone(CalendarEvent e, CalendarMilestone m) {
        VEvent milestone = allDay(m.startsOn, m.endsOn, e.title + ": " + m.title, "milestone-" + m.id, e.sequence);
        milestone.add(new Categories("MILESTONE"));
        milestone.add(alarm(m.title));
        return milestone;
    }

    private void addDeliverables(Parts parts, List<Stamp> stamps) {
        Map<UUID, byte[]> texts = texts(stamps, ids -> Deliverable.<Deliverable>list("id in ?1", ids), d -> d.id,
                this::deliverable);
        for (Stamp s : stamps) {
            parts.add(s.key(), texts.get(s.id()));
        }
    }

    private VEvent deliverable(Deliverable d) {
        VEvent vevent = allDay(d.dueOn, d.dueOn, "Due: " + d.title, "deliverable-" + d.id, d.version);
        vevent.add(new Categories("DELIVERABLE"));
        vevent.add(alarm("Due: " + d.title));
        return vevent;
    }

    /** Activities in feed order, each time zone's VTIMEZONE before the first activity in it. */
    private void addActivities(Parts parts, List<Stamp> stamps) {
        Map<UUID, byte[]> texts = texts(stamps, ids -> EngagementActivity.<EngagementActivity>list("id in ?1", ids),
                a -> a.id, this::activity);
        for (Stamp s : stamps) {
            byte[] text = texts.get(s.id());
            if (text != null && s.zone() != null && parts.zones.add(s.zone())) {
                FeedCache.Key zone = new FeedCache.Key("vtimezone-" + s.zone(), "tzdb");
                byte[] vtimezone = cache.get(zone);
                if (vtimezone == null) {
                    vtimezone = text(zones.getTimeZone(ZoneId.of(s.zone()).getId()).getVTimeZone());
                    cache.put(zone, vtimezone);
                }
                parts.add(zone, vtimezone);
            }
            parts.add(s.key(), text);
        }
    }

    private VEvent activity(EngagementActivity a) {
        ZonedDateTime start = a.startsAt.atZone(ZoneId.of(a.timeZone));
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
        return vevent;
    }

    /**
     * The text of each row of {@code stamps} by id: kept ({@link FeedCache}) under its kind, id and stamp, or else loaded
     * ({@code load}, a chunk of ids at a time), rendered and kept. A row loaded here may be newer than its stamp (it
     * changed since the stamps were read): it is kept under the older stamp, which no later read names again. Rows gone
     * by then have no text.
     */
    private <T> Map<UUID, byte[]> texts(List<Stamp> stamps, Function<List<UUID>, List<T>> load, Function<T, UUID> idOf,
                                        Function<T, Component> render) {
        Map<UUID, byte[]> texts = new HashMap<>(Math.max(16, stamps.size() * 2));
        Map<UUID, FeedCache.Key> missing = new LinkedHashMap<>();
        for (Stamp s : stamps) {
            byte[] kept = cache.get(s.key());
            if (kept != null) {
                texts.put(s.id(), kept);
            } else {
                missing.put(s.id(), s.key());
            }
        }
        List<UUID> ids = List.copyOf(missing.keySet());
        for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
            for (T row : load.apply(ids.subList(from, Math.min(ids.size(), from + LOAD_CHUNK)))) {
                UUID id = idOf.apply(row);
                byte[] text = text(render.apply(row));
                texts.put(id, text);
                cache.put(missing.get(id), text);
            }
        }
        return texts;
    }

    /**
     * A feed being assembled: the header, then components' texts in order, and a digest of their UIDs and stamps (the
     * ETag: it changes exactly when a component, the feed's name or the rendering does).
     */
    private final class Parts {
        private final List<byte[]> texts = new ArrayList<>();
        private final MessageDigest digest = sha256();
        private final Set<String> zones = new HashSet<>();

        Parts(String name) {
            texts.add(header(name));
            update(RENDERING + "|" + alarmBefore + "|" + name);
        }

        void add(FeedCache.Key key, byte[] text) {
            if (text != null) {
                texts.add(text);
                update(key.uid());
                update(key.stamp());
            }
        }

        private void update(String value) {
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }

        IcsFeed feed() {
            texts.add(FOOTER.getBytes(StandardCharsets.US_ASCII));
            return new IcsFeed(Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()), texts);
        }
    }

    /** A feed's calendar without components: its properties. */
    static Calendar calendar(String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Rhythm//calendar-service 1.0//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        return calendar;
    }

    /** The VCALENDAR line and the calendar's properties (everything before its components). */
    static byte[] header(String name) {
        String text = fold(calendar(name).toString());
        if (!text.endsWith(FOOTER)) {
            throw new IllegalStateException("unexpected iCalendar text: " + text);
        }
        return text.substring(0, text.length() - FOOTER.length()).getBytes(StandardCharsets.UTF_8);
    }

    /** A component's text as {@link CalendarOutputter} writes it inside a calendar (unvalidated; FeedApiTest validates). */
    static byte[] text(Component component) {
        return fold(component.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** Lines folded as {@link CalendarOutputter} folds them (line by line, so a component folds the same on its own). */
    private static String fold(String text) {
        try {
            StringWriter out = new StringWriter(text.length() + text.length() / 64);
            try (FoldingWriter writer = new FoldingWriter(out, FoldingWriter.REDUCED_FOLD_LENGTH)) {
                writer.write(text);
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the iCalendar feed", e);
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

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(sha256().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
