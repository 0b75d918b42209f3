package io.rhythm.calendar.rollforward;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rhythm.calendar.api.CalendarImport;
import io.rhythm.calendar.api.ImportResult;
import io.rhythm.calendar.service.CalendarImporter;
import io.rhythm.calendar.service.NativeRows;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Roll-forward drafts: {@link RollForward} over the bundled rhythm template and the region's working days gives a
 * DRAFT; a VP moves its events, then publishes it, which imports it as a calendar version (CalendarImporter).
 */
@ApplicationScoped
public class CalendarDrafts {

    /** What the API shows of a draft. */
    public record DraftView(String id, String calendarKey, int year, String status, int version,
                            List<RollForward.Adjustment> adjustments, CalendarImport calendar, String createdBy,
                            Instant createdAt, String publishedBy, Instant publishedAt) {
    }

    /** A VP's change to one event of a draft: its new dates (the quarter follows the start). */
    public record EventChange(LocalDate startsOn, LocalDate endsOn) {
    }

    public record Published(DraftView draft, ImportResult imported) {
    }

    @Inject
    EntityManager em;
    @Inject
    NativeRows db;
    @Inject
    CalendarImporter importer;
    @Inject
    Clock clock;
    @ConfigProperty(name = "rhythm.calendar.rhythm-template", defaultValue = "rhythms/apac.v1.json")
    String templateFile;
    @ConfigProperty(name = "rhythm.calendar.holidays-file", defaultValue = "holidays/regions.v1.json")
    String holidaysFile;

    public RhythmTemplate template() {
        return read(templateFile, new TypeReference<>() { });
    }

    public Map<String, WorkingDays> regions() {
        return read(holidaysFile, new TypeReference<WorkingDays.File>() { }).byRegion();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DraftView generate(Integer year, String region, String username) {
        RhythmTemplate template = template();
        CalendarImport base = importer.readSeed(template.baseCalendar());
        List<FieldError> errors = new ArrayList<>();
        if (year == null || year <= base.year() || year > base.year() + 5) {
            errors.add(new FieldError("year", "must be a year after the base calendar's (" + base.year() + "), at most "
                    + (base.year() + 5)));
        }
        String holidayRegion = region == null || region.isBlank() ? template.holidayRegion() : region.strip();
        Map<String, WorkingDays> regions = regions();
        if (!regions.containsKey(holidayRegion)) {
            errors.add(new FieldError("region", "must be one of " + regions.keySet().stream().sorted().toList()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Number published = (Number) em.createNativeQuery("select coalesce(max(version), 0) from rhythm_calendar where calendar_key = :key")
                .setParameter("key", RollForward.calendarKey(base, year)).getSingleResult();
        RollForward.Draft draft = RollForward.roll(template, base, regions.get(holidayRegion), year, published.intValue() + 1);
        if (!db.rows("select id from calendar_draft where calendar_key = :key and status = 'DRAFT'", "key",
                draft.calendar().calendarKey()).isEmpty()) {
            throw ApiException.conflict("An open draft of " + draft.calendar().calendarKey() + " exists: publish or discard it first");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into calendar_draft (id, calendar_key, year, status, document, adjustments, created_by, created_at)
                        values (:id, :key, :year, 'DRAFT', cast(:doc as jsonb), cast(:adj as jsonb), :by, :at)""")
                .setParameter("id", id).setParameter("key", draft.calendar().calendarKey()).setParameter("year", year)
                .setParameter("doc", Json.write(draft.calendar())).setParameter("adj", Json.write(draft.adjustments()))
                .setParameter("by", username).setParameter("at", Timestamp.from(Instant.now(clock))).executeUpdate();
        return get(id);
    }

    public DraftView get(UUID id) {
        List<Tuple> found = db.rows("select * from calendar_draft where id = :id", "id", id);
        if (found.isEmpty()) {
            throw ApiException.notFound("Calendar draft", id);
        }
        Tuple r = found.getFirst();
        return new DraftView(id.toString(), r.get("calendar_key", String.class), ((Number) r.get("year")).intValue(),
                r.get("status", String.class), ((Number) r.get("version")).intValue(),
                parse(r.get("adjustments"), new TypeReference<>() { }), parse(r.get("document"), new TypeReference<>() { }),
                r.get("created_by", String.class), r.get("created_at", Instant.class), r.get("published_by", String.class),
                r.get("published_at", Instant.class));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DraftView changeEvent(UUID id, String code, String ifMatch, EventChange change) {
        DraftView draft = open(id);
        Versions.requireMatch(ifMatch, draft.version());
        validate(change, draft.year(), draft.year());
        CalendarImport.Event event = event(draft, code);
        return store(id, draft.calendar(), new CalendarImport.Event(event.code(),
                "ALL".equals(event.quarter()) ? "ALL" : RollForward.quarter(change.startsOn()), event.type(), event.title(),
                change.startsOn(), change.endsOn(), event.participants(), event.objective(), event.deliverables(),
                event.preparation(), event.tools(), event.milestones()));
    }

    /**
     * Moves one milestone of a draft's event (e.g. an NPS cycle's reminder day). A milestone may lie in the year before
     * the draft's (a Q1 preparation) or after it, but not further; the event's own dates do not change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DraftView changeMilestone(UUID id, String code, String milestoneCode, String ifMatch, EventChange change) {
        DraftView draft = open(id);
        Versions.requireMatch(ifMatch, draft.version());
        validate(change, draft.year() - 1, draft.year() + 1);
        CalendarImport.Event event = event(draft, code);
        List<CalendarImport.Milestone> milestones = event.milestones() == null ? List.of() : event.milestones();
        if (milestones.stream().noneMatch(m -> m.code().equals(milestoneCode))) {
            throw ApiException.notFound("Milestone of the draft's event " + code, milestoneCode);
        }
        List<CalendarImport.Milestone> changed = milestones.stream().map(m -> !m.code().equals(milestoneCode) ? m
                : new CalendarImport.Milestone(m.code(), m.title(), change.startsOn(), change.endsOn())).toList();
        return store(id, draft.calendar(), new CalendarImport.Event(event.code(), event.quarter(), event.type(), event.title(),
                event.startsOn(), event.endsOn(), event.participants(), event.objective(), event.deliverables(),
                event.preparation(), event.tools(), changed));
    }

    /** Discards an open draft: it stays readable as DISCARDED, and a new draft of the same calendar may be generated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DraftView discard(UUID id, String ifMatch) {
        DraftView draft = open(id);
        Versions.requireMatch(ifMatch, draft.version());
        em.createNativeQuery("update calendar_draft set status = 'DISCARDED', version = version + 1 where id = :id")
                .setParameter("id", id).executeUpdate();
        return get(id);
    }

    private static void validate(EventChange change, int firstYear, int lastYear) {
        List<FieldError> errors = new ArrayList<>();
        if (change.endsOn().isBefore(change.startsOn())) {
            errors.add(new FieldError("endsOn", "must not be before startsOn"));
        }
        if (change.endsOn().getYear() < firstYear || change.startsOn().getYear() > lastYear) {
            errors.add(new FieldError("startsOn", firstYear == lastYear ? "the dates must fall (at least partly) in " + firstYear
                    : "the dates must fall (at least partly) between " + firstYear + " and " + lastYear));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static CalendarImport.Event event(DraftView draft, String code) {
        return draft.calendar().events().stream().filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Event of the draft", code));
    }

    /** Replaces one event (same code) of the draft's document and bumps its version. */
    private DraftView store(UUID id, CalendarImport doc, CalendarImport.Event replacement) {
        List<CalendarImport.Event> events = doc.events().stream()
                .map(e -> e.code().equals(replacement.code()) ? replacement : e).toList();
        CalendarImport changed = new CalendarImport(doc.calendarKey(), doc.version(), doc.region(), doc.year(), doc.timeZone(),
                doc.source(), events);
        em.createNativeQuery("update calendar_draft set document = cast(:doc as jsonb), version = version + 1 where id = :id")
                .setParameter("doc", Json.write(changed)).setParameter("id", id).executeUpdate();
        return get(id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Published publish(UUID id, String ifMatch, String username) {
        DraftView draft = open(id);
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, draft.version());
        }
        ImportResult imported = importer.importCalendar(draft.calendar(), username);
        em.createNativeQuery("""
                        update calendar_draft set status = 'PUBLISHED', published_by = :by, published_at = :at, version = version + 1
                        where id = :id""")
                .setParameter("by", username).setParameter("at", Timestamp.from(Instant.now(clock))).setParameter("id", id)
                .executeUpdate();
        return new Published(get(id), imported);
    }

    private DraftView open(UUID id) {
        DraftView draft = get(id);
        if (!"DRAFT".equals(draft.status())) {
            throw ApiException.conflict("The draft is " + draft.status() + "; only a DRAFT can change or be published");
        }
        return draft;
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return Json.mapper().readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static <T> T parse(Object json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json.toString(), type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable draft document", e);
        }
    }
}
