package io.rhythm.calendar.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.rhythm.calendar.api.CalendarImport;
import io.rhythm.calendar.api.ImportResult;
import io.rhythm.calendar.domain.CalendarEvent;
import io.rhythm.calendar.domain.CalendarMilestone;
import io.rhythm.calendar.domain.RhythmCalendar;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Loads operating-rhythm calendars from their data files. The bundled seed files
 * ({@code rhythm.calendar.seed-files}) are imported at start-up; {@code POST /api/v1/calendar/imports}
 * takes the same format. Idempotent: the same version again changes nothing; a newer version
 * updates events by code (SEQUENCE + 1 for each changed event), adds new ones and removes those
 * no longer in the file; an older version is refused.
 */
@ApplicationScoped
public class CalendarImporter {

    private static final Logger LOG = Logger.getLogger(CalendarImporter.class);

    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;
    @Inject
    Clock clock;
    @Inject
    Checklists checklists;
    @ConfigProperty(name = "rhythm.calendar.seed-files", defaultValue = "calendars/apac-2026.v1.json")
    List<String> seedFiles;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        for (String file : seedFiles) {
            ImportResult result = importCalendar(readSeed(file), "seed:" + file);
            LOG.infof("Calendar %s v%d from %s: %s", result.calendarKey(), result.version(), file, result.outcome());
        }
    }

    /** Reads and validates a bundled seed file (a broken seed file is a bug: start-up fails). */
    public CalendarImport readSeed(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("calendar seed file " + resource + " is not on the classpath");
            }
            CalendarImport document = mapper.readValue(in, CalendarImport.class);
            Set<ConstraintViolation<CalendarImport>> violations = validator.validate(document);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("calendar seed file " + resource + " is invalid: " + violations);
            }
            return document;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read calendar seed file " + resource, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ImportResult importCalendar(CalendarImport document, String importedBy) {
        checkConsistency(document);
        String checksum = checksum(document);
        RhythmCalendar calendar = RhythmCalendar.findById(document.calendarKey());
        String outcome;
        if (calendar == null) {
            calendar = new RhythmCalendar();
            calendar.calendarKey = document.calendarKey();
            outcome = "CREATED";
        } else if (calendar.version == document.version() && calendar.checksum.equals(checksum)) {
            return result(document, "UNCHANGED", 0);
        } else if (calendar.version >= document.version()) {
            throw ApiException.conflict("Calendar " + document.calendarKey() + " is at version " + calendar.version
                    + " already; import a higher version to change it");
        } else {
            outcome = "UPDATED";
        }
        calendar.version = document.version();
        calendar.region = document.region();
        calendar.year = document.year();
        calendar.timeZone = document.timeZone();
        calendar.source = document.source();
        calendar.checksum = checksum;
        calendar.importedBy = importedBy;
        calendar.importedAt = Instant.now(clock);
        calendar.persist();
        int changed = upsertEvents(calendar.calendarKey, document.events());
        return result(document, outcome, changed);
    }

    private int upsertEvents(String calendarKey, List<CalendarImport.Event> events) {
        Map<String, CalendarEvent> existing = new HashMap<>();
        CalendarEvent.<CalendarEvent>list("calendarKey", calendarKey).forEach(e -> existing.put(e.code, e));
        int changed = 0;
        Set<String> kept = new HashSet<>();
        for (CalendarImport.Event spec : events) {
            kept.add(spec.code());
            CalendarEvent event = existing.get(spec.code());
            boolean isNew = event == null;
            if (isNew) {
                event = new CalendarEvent();
                event.id = UUID.randomUUID();
                event.calendarKey = calendarKey;
                event.code = spec.code();
                event.sequence = 0;
            }
            List<CalendarMilestone> oldMilestones = isNew ? List.of() : CalendarMilestone.list("eventId", event.id);
            boolean differs = apply(event, spec) | milestonesDiffer(oldMilestones, spec.milestones());
            if (isNew) {
                event.persist();
            } else if (differs) {
                event.sequence++;
                changed++;
            }
            if (differs) {
                replaceMilestones(event, oldMilestones, spec.milestones());
                checklists.syncEventDeliverables(event);
            }
        }
        for (CalendarEvent gone : existing.values()) {
            if (!kept.contains(gone.code)) {
                CalendarMilestone.delete("eventId", gone.id);
                gone.delete();
                changed++;
            }
        }
        return changed;
    }

    /** Copies the spec onto the event; true when anything changed. */
    private static boolean apply(CalendarEvent event, CalendarImport.Event spec) {
        String[] participants = spec.participants().stream().map(Enum::name).toArray(String[]::new);
        String[] realmRoles = spec.participants().stream().flatMap(p -> p.realmRoles().stream())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)).toArray(String[]::new);
        List<CalendarEvent.Tool> tools = spec.tools().stream().map(t -> new CalendarEvent.Tool(t.name(), t.url())).toList();
        boolean differs = !Objects.equals(event.quarter, spec.quarter()) || event.type != spec.type()
                || !Objects.equals(event.title, spec.title()) || !Objects.equals(event.startsOn, spec.startsOn())
                || !Objects.equals(event.endsOn, spec.endsOn()) || !Arrays.equals(event.participants, participants)
                || !Objects.equals(event.objective, spec.objective()) || !Objects.equals(event.deliverables, spec.deliverables())
                || !Objects.equals(event.preparation, spec.preparation()) || !Objects.equals(event.tools, tools);
        event.quarter = spec.quarter();
        event.type = spec.type();
        event.title = spec.title();
        event.startsOn = spec.startsOn();
        event.endsOn = spec.endsOn();
        event.participants = participants;
        event.realmRoles = realmRoles;
        event.objective = spec.objective();
        event.deliverables = List.copyOf(spec.deliverables());
        event.preparation = List.copyOf(spec.preparation());
        event.tools = tools;
        return differs;
    }

    private static boolean milestonesDiffer(List<CalendarMilestone> old, List<CalendarImport.Milestone> specs) {
        List<CalendarImport.Milestone> wanted = specs == null ? List.of() : specs;
        if (old.size() != wanted.size()) {
            return true;
        }
        Map<String, CalendarMilestone> byCode = new HashMap<>();
        old.forEach(m -> byCode.put(m.code, m));
        return wanted.stream().anyMatch(spec -> {
            CalendarMilestone m = byCode.get(spec.code());
            return m == null || !m.title.equals(spec.title()) || !m.startsOn.equals(spec.startsOn())
                    || !m.endsOn.equals(spec.endsOn());
        });
    }

    /** Keeps a milestone's id (and whether it was announced) when its code stays; an announced milestone whose dates move is announced again. */
    private static void replaceMilestones(CalendarEvent event, List<CalendarMilestone> old, List<CalendarImport.Milestone> specs) {
        Map<String, CalendarMilestone> byCode = new HashMap<>();
        old.forEach(m -> byCode.put(m.code, m));
        Set<String> kept = new HashSet<>();
        for (CalendarImport.Milestone spec : specs == null ? List.<CalendarImport.Milestone>of() : specs) {
            kept.add(spec.code());
            CalendarMilestone m = byCode.get(spec.code());
            if (m == null) {
                m = new CalendarMilestone();
                m.id = UUID.randomUUID();
                m.eventId = event.id;
                m.code = spec.code();
            } else if (!m.startsOn.equals(spec.startsOn())) {
                m.duePublishedAt = null;
            }
            m.title = spec.title();
            m.startsOn = spec.startsOn();
            m.endsOn = spec.endsOn();
            m.persist();
        }
        old.stream().filter(m -> !kept.contains(m.code)).forEach(CalendarMilestone::delete);
    }

    /** Rules Bean Validation cannot express: date ranges, unique codes, a real time zone. */
    private static void checkConsistency(CalendarImport document) {
        List<FieldError> errors = new ArrayList<>();
        try {
            ZoneId.of(document.timeZone());
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "is not an IANA time zone (e.g. Australia/Sydney)"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < document.events().size(); i++) {
            CalendarImport.Event event = document.events().get(i);
            String at = "events[" + i + "]";
            if (!codes.add(event.code())) {
                errors.add(new FieldError(at + ".code", "is used by another event of this calendar"));
            }
            if (event.endsOn().isBefore(event.startsOn())) {
                errors.add(new FieldError(at + ".endsOn", "must not be before startsOn"));
            }
            List<CalendarImport.Milestone> milestones = event.milestones() == null ? List.of() : event.milestones();
            Set<String> milestoneCodes = new HashSet<>();
            for (int j = 0; j < milestones.size(); j++) {
                CalendarImport.Milestone m = milestones.get(j);
                if (!milestoneCodes.add(m.code())) {
                    errors.add(new FieldError(at + ".milestones[" + j + "].code", "is used by another milestone of this event"));
                }
                if (m.endsOn().isBefore(m.startsOn())) {
                    errors.add(new FieldError(at + ".milestones[" + j + "].endsOn", "must not be before startsOn"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private String checksum(CalendarImport document) {
        try {
            byte[] json = mapper.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash calendar", e);
        }
    }

    private static ImportResult result(CalendarImport document, String outcome, int changed) {
        int milestones = document.events().stream().mapToInt(e -> e.milestones() == null ? 0 : e.milestones().size()).sum();
        return new ImportResult(document.calendarKey(), document.version(), outcome, document.events().size(), milestones, changed);
    }
}
