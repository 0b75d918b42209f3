package io.rhythm.calendar.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.calendar.api.ChecklistRequest;
import io.rhythm.calendar.api.ChecklistView;
import io.rhythm.calendar.api.DeliverableView;
import io.rhythm.calendar.domain.CalendarEvent;
import io.rhythm.calendar.domain.Checklist;
import io.rhythm.calendar.domain.ChecklistTemplate;
import io.rhythm.calendar.domain.Deliverable;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.payload.CycleClosed;
import io.rhythm.platform.events.payload.CycleCreated;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checklists and their deliverables: instantiated from the Appendix A/B templates (data files under
 * {@code checklists/}), from an NPS cycle's CycleCreated, and from each calendar event's deliverables.
 */
@ApplicationScoped
public class Checklists {

    /** The Appendix A items (nps-cycle.v1.json codes) that nps-service's CycleClosed completes. */
    static final List<String> CLOSED_BY_CYCLE_CLOSED = List.of("close-survey");

    private static final List<String> TEMPLATE_FILES = List.of("checklists/nps-cycle.v1.json", "checklists/account-plan.v1.json");
    /** Who may tick off any item (besides its owners). */
    static final Set<String> LEADERS = Set.of(Roles.AVP, Roles.VP, Roles.EVP, Roles.ADMIN);

    @Inject
    ObjectMapper mapper;
    @Inject
    ClientDirectory directory;
    @Inject
    Clock clock;

    private volatile Map<String, ChecklistTemplate> templates;

    public ChecklistTemplate template(String name) {
        Map<String, ChecklistTemplate> loaded = templates;
        if (loaded == null) {
            Map<String, ChecklistTemplate> read = new HashMap<>();
            for (String file : TEMPLATE_FILES) {
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
                    ChecklistTemplate template = mapper.readValue(in, ChecklistTemplate.class);
                    read.put(template.template(), template);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read checklist template " + file, e);
                }
            }
            templates = loaded = Map.copyOf(read);
        }
        ChecklistTemplate template = loaded.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no checklist template " + name);
        }
        return template;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ChecklistView create(ChecklistRequest request, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        boolean accountPlan = ChecklistTemplate.ACCOUNT_PLAN.equals(request.template());
        if ((request.anchorDate() == null) == (request.eventId() == null)) {
            errors.add(new FieldError("anchorDate", "give either anchorDate or eventId"));
        }
        if (accountPlan && request.kind() == null) {
            errors.add(new FieldError("kind", "is required for ACCOUNT_PLAN (ANNUAL or QUARTERLY)"));
        }
        if (!accountPlan && request.kind() != null) {
            errors.add(new FieldError("kind", "applies to ACCOUNT_PLAN only"));
        }
        if (accountPlan && request.clientId() == null) {
            errors.add(new FieldError("clientId", "is required for ACCOUNT_PLAN: an account plan is per client"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        DirectoryEntry client = request.clientId() == null ? null : directory.requireVisible(request.clientId(), caller);
        if (!caller.isPortfolioWide() && client == null) {
            throw ApiException.forbidden("CSEs and CAMs create checklists for their own clients only");
        }
        LocalDate anchor = request.anchorDate();
        if (request.eventId() != null) {
            CalendarEvent event = CalendarEvent.findById(request.eventId());
            if (event == null) {
                throw ApiException.invalid("eventId", "is not an event of the calendar");
            }
            anchor = event.startsOn;
        }
        ChecklistTemplate template = template(request.template());
        String name = request.name() != null ? request.name()
                : template.name() + (client != null ? " - " + client.name() : "") + " (" + anchor + ")";
        Checklist checklist = instantiate(template, request.kind(), name, anchor, request.eventId(),
                request.clientId(), null, caller.username());
        return view(checklist, LocalDate.now(clock));
    }

    /** Appendix A for an NPS cycle, once per cycle however often CycleCreated is delivered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCycleCreated(CycleCreated cycle) {
        String ref = "nps-cycle:" + cycle.cycleId();
        if (Checklist.count("sourceRef", ref) > 0) {
            return;
        }
        ChecklistTemplate template = template(ChecklistTemplate.NPS_CYCLE);
        instantiate(template, null, template.name() + " - " + cycle.name(), cycle.openDate(), null, null, ref, "nps-service");
    }

    /**
     * Ticks off the Appendix A items an nps event says are done: {@code CycleClosed} says the survey closed, so
     * "Close survey (Day 14)" is done (by {@code nps-service}, at the event's {@code closedAt}). {@code CycleMilestoneDue}
     * only says a milestone is due and still open in nps-service — never that one is done — so it ticks nothing off.
     * Items already done (by a person, or by an earlier delivery of the event) are left as they are.
     *
     * @return how many items were ticked off
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int onCycleClosed(CycleClosed closed) {
        Checklist checklist = Checklist.find("sourceRef", "nps-cycle:" + closed.cycleId()).firstResult();
        if (checklist == null) {
            return 0;
        }
        int ticked = 0;
        for (String code : CLOSED_BY_CYCLE_CLOSED) {
            Deliverable d = Deliverable.find("checklistId = ?1 and code = ?2", checklist.id, code).firstResult();
            if (d != null && d.status == Deliverable.Status.OPEN) {
                d.status = Deliverable.Status.DONE;
                d.completedBy = "nps-service";
                d.completedAt = closed.closedAt();
                d.note = "Survey closed by " + closed.closedBy() + " (nps CycleClosed)";
                d.version++;
                ticked++;
            }
        }
        return ticked;
    }

    /** The event's own deliverables as a checklist due on its last day; kept in step when a new calendar version changes them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void syncEventDeliverables(CalendarEvent event) {
        String ref = "event:" + event.id;
        Checklist checklist = Checklist.find("sourceRef", ref).firstResult();
        if (checklist == null) {
            checklist = newChecklist(ChecklistTemplate.EVENT_DELIVERABLES, 1, null, "Deliverables - " + event.title,
                    event.endsOn, event.id, null, ref, "calendar-import");
        }
        checklist.anchorDate = event.endsOn;
        Map<String, Deliverable> existing = new HashMap<>();
        Deliverable.<Deliverable>list("checklistId", checklist.id).forEach(d -> existing.put(d.code, d));
        Set<String> wanted = new LinkedHashSet<>();
        for (String title : event.deliverables) {
            String code = slug(title, wanted);
            wanted.add(code);
            Deliverable d = existing.get(code);
            if (d == null) {
                d = newDeliverable(checklist.id, code, null, title, Set.of(event.realmRoles), event.endsOn);
            }
            d.title = title;
            d.ownerRoles = event.realmRoles;
            d.dueOn = event.endsOn;
        }
        existing.values().stream().filter(d -> !wanted.contains(d.code) && d.status == Deliverable.Status.OPEN)
                .forEach(Deliverable::delete);
    }

    /** Marks an item done by one of its owners (role or person) or a leader; 409 when done already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DeliverableView complete(UUID id, String note, Caller caller) {
        Deliverable d = requireVisible(id, caller);
        boolean owner = caller.username().equals(d.ownerPerson) || Arrays.stream(d.ownerRoles).anyMatch(caller::hasRole);
        if (!owner && LEADERS.stream().noneMatch(caller::hasRole)) {
            throw ApiException.forbidden("Only the deliverable's owners (" + String.join(", ", d.ownerRoles)
                    + (d.ownerPerson == null ? "" : ", " + d.ownerPerson) + ") or AVP and above complete it");
        }
        if (d.status == Deliverable.Status.DONE) {
            throw ApiException.conflict("Deliverable " + id + " was completed by " + d.completedBy + " at " + d.completedAt);
        }
        d.status = Deliverable.Status.DONE;
        d.completedBy = caller.username();
        d.completedAt = Instant.now(clock);
        d.note = note;
        return DeliverableView.of(d, LocalDate.now(clock));
    }

    public ChecklistView checklist(UUID id, LocalDate asOf, Caller caller) {
        Checklist checklist = Checklist.findById(id);
        if (checklist == null || !visible(checklist, caller)) {
            throw ApiException.notFound("Checklist", id);
        }
        return view(checklist, asOf);
    }

    public ChecklistView ofCycle(UUID cycleId, LocalDate asOf, Caller caller) {
        Checklist checklist = Checklist.find("sourceRef", "nps-cycle:" + cycleId).firstResult();
        if (checklist == null) {
            throw ApiException.notFound("Checklist of NPS cycle", cycleId);
        }
        return checklist(checklist.id, asOf, caller);
    }

    /** The checklists of one calendar event (its own deliverables first), with progress. */
    public List<ChecklistView> ofEvent(UUID eventId, LocalDate asOf, Caller caller) {
        if (CalendarEvent.findById(eventId) == null) {
            throw ApiException.notFound("Calendar event", eventId);
        }
        return Checklist.<Checklist>list("eventId = ?1 order by createdAt, id", eventId).stream()
                .filter(c -> visible(c, caller)).map(c -> view(c, asOf)).toList();
    }

    Deliverable requireVisible(UUID id, Caller caller) {
        Deliverable d = Deliverable.findById(id);
        if (d == null || !visible(Checklist.findById(d.checklistId), caller)) {
            throw ApiException.notFound("Deliverable", id);
        }
        return d;
    }

    private boolean visible(Checklist checklist, Caller caller) {
        if (checklist.clientId == null || caller.isPortfolioWide()) {
            return true;
        }
        return directory.find(checklist.clientId).map(c -> caller.canSee(c.ownership())).orElse(false);
    }

    private Checklist instantiate(ChecklistTemplate template, String kind, String name, LocalDate anchor, UUID eventId,
                                  UUID clientId, String ref, String by) {
        Checklist checklist = newChecklist(template.template(), template.version(), kind, name, anchor, eventId, clientId, ref, by);
        for (ChecklistTemplate.Item item : template.itemsOf(kind)) {
            newDeliverable(checklist.id, item.code(), item.phase(), item.title(), item.ownerRoles(), item.dueOn(anchor));
        }
        return checklist;
    }

    private Checklist newChecklist(String template, int version, String kind, String name, LocalDate anchor, UUID eventId,
                                   UUID clientId, String ref, String by) {
        Checklist c = new Checklist();
        c.id = UUID.randomUUID();
        c.template = template;
        c.templateVersion = version;
        c.kind = kind;
        c.name = name;
        c.anchorDate = anchor;
        c.eventId = eventId;
        c.clientId = clientId;
        c.sourceRef = ref;
        c.createdBy = by;
        c.createdAt = Instant.now(clock);
        c.persist();
        return c;
    }

    private static Deliverable newDeliverable(UUID checklistId, String code, String phase, String title, Set<String> ownerRoles,
                                              LocalDate dueOn) {
        Deliverable d = new Deliverable();
        d.id = UUID.randomUUID();
        d.checklistId = checklistId;
        d.code = code;
        d.phase = phase;
        d.title = title;
        d.ownerRoles = ownerRoles.stream().sorted().toArray(String[]::new);
        d.dueOn = dueOn;
        d.status = Deliverable.Status.OPEN;
        d.persist();
        return d;
    }

    private static ChecklistView view(Checklist c, LocalDate asOf) {
        List<DeliverableView> items = Deliverable.<Deliverable>list("checklistId = ?1 order by dueOn, code", c.id).stream()
                .map(d -> DeliverableView.of(d, asOf)).toList();
        int done = (int) items.stream().filter(i -> i.status() == Deliverable.Status.DONE).count();
        int overdue = (int) items.stream().filter(DeliverableView::overdue).count();
        return new ChecklistView(c.id.toString(), c.template, c.templateVersion, c.kind, c.name, c.anchorDate,
                c.eventId == null ? null : c.eventId.toString(), c.clientId == null ? null : c.clientId.toString(), asOf,
                new ChecklistView.Progress(done, items.size(), overdue), items);
    }

    /** A stable code from a deliverable's title, unique within its checklist. */
    static String slug(String title, Set<String> taken) {
        String base = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        base = base.length() > 80 ? base.substring(0, 80) : base;
        String code = base;
        for (int n = 2; taken.contains(code); n++) {
            code = base + "-" + n;
        }
        return code;
    }
}
