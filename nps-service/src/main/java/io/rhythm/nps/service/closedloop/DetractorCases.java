package io.rhythm.nps.service.closedloop;

import io.rhythm.nps.domain.closedloop.CaseStatus;
import io.rhythm.nps.domain.closedloop.CaseTransition;
import io.rhythm.nps.domain.closedloop.DetractorProtocol;
import io.rhythm.nps.domain.closedloop.SlaStage;
import io.rhythm.nps.domain.closedloop.StageState;
import io.rhythm.nps.service.closedloop.CaseViews.CaseSummary;
import io.rhythm.nps.service.closedloop.CaseViews.CaseView;
import io.rhythm.nps.service.closedloop.CaseViews.NoteView;
import io.rhythm.nps.service.closedloop.CaseViews.StageView;
import io.rhythm.nps.service.closedloop.CaseViews.TransitionView;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.DetractorCaseClosed;
import io.rhythm.platform.events.payload.DetractorCaseEscalated;
import io.rhythm.platform.events.payload.DetractorCaseOpened;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.ClientOwnership;
import io.rhythm.nps.domain.triggers.SurveyKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Detractor cases (seed 001 "Detractor Response Protocol"): opened once per detractor answer, moved
 * through the workflow by their owner, escalated once per missed stage, and — 30 days after the
 * resolution — due for the follow-up survey. Deadlines and escalations live in the database, so the
 * scheduled scan is right across restarts. Opening, escalating and closing publish on nps.cases.v1.
 */
@ApplicationScoped
public class DetractorCases {

    private static final Logger LOG = Logger.getLogger(DetractorCases.class);

    private static final String CASE_COLUMNS = """
            c.id, c.response_id, c.cycle_id, c.client_id, c.contact_id, c.score, c.owner, c.status, c.opened_at,
            c.root_cause, c.action_plan, c.resolved_at, c.follow_up_due_at, c.follow_up_requested_at, c.closed_at,
            c.closed_by, c.version, d.name, d.owner_cse, d.owner_cam, coalesce(c.submitted_at, c.opened_at)""";

    @Inject
    io.rhythm.nps.service.triggers.SurveySends sends;
    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    ClientDirectory directory;
    @Inject
    DetractorProtocol protocol;

    /** One row of detractor_case with its client's current name and owners from the projection. */
    record CaseRow(UUID id, UUID responseId, UUID cycleId, UUID clientId, UUID contactId, int score, String owner,
                   CaseStatus status, Instant openedAt, String rootCause, String actionPlan, Instant resolvedAt,
                   Instant followUpDueAt, Instant followUpRequestedAt, Instant closedAt, String closedBy, long version,
                   String clientName, String ownerCse, String ownerCam, Instant submittedAt) {

        ClientOwnership ownership() {
            return new ClientOwnership(ownerCse, ownerCam);
        }

        static CaseRow of(Object row) {
            Object[] c = (Object[]) row;
            return new CaseRow((UUID) c[0], (UUID) c[1], (UUID) c[2], (UUID) c[3], (UUID) c[4], ((Number) c[5]).intValue(),
                    (String) c[6], CaseStatus.valueOf((String) c[7]), SqlValues.instant(c[8]), (String) c[9],
                    (String) c[10], SqlValues.instant(c[11]), SqlValues.instant(c[12]), SqlValues.instant(c[13]),
                    SqlValues.instant(c[14]), (String) c[15], ((Number) c[16]).longValue(), (String) c[17],
                    (String) c[18], (String) c[19], SqlValues.instant(c[20]));
        }
    }

    /** Filters of the case list; nulls do not filter. */
    public record CaseFilter(CaseStatus status, UUID clientId, String owner, UUID cycleId, Boolean breached,
                             Boolean escalated, Boolean followUpDue) {
    }

    // ---------------------------------------------------------------- opening

    /**
     * Opens the case of a detractor answer, in the caller's (the recording's) transaction. Idempotent per
     * answer: a second call for the same response changes nothing and publishes nothing. The deadlines run from the
     * answer's submission ({@link DetractorProtocol#clockStart}); {@code now}, the receipt, is kept as openedAt. A stage
     * whose deadline has already passed (an answer imported late) is escalated at once, visibly (DetractorCaseEscalated),
     * rather than given a fresh 24 hours.
     *
     * @return the new case's id, or empty when the answer already has one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> open(UUID responseId, UUID cycleId, UUID clientId, UUID contactId, int score, Instant submittedAt,
                               Instant now) {
        Instant start = DetractorProtocol.clockStart(submittedAt, now);
        String owner = directory.find(clientId).map(DirectoryEntry::ownerCse).filter(o -> !o.isBlank()).orElse(null);
        UUID caseId = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                        insert into detractor_case (id, response_id, cycle_id, client_id, contact_id, score, owner, opened_at,
                            submitted_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (response_id) do nothing""")
                .setParameter(1, caseId).setParameter(2, responseId).setParameter(3, cycleId).setParameter(4, clientId)
                .setParameter(5, contactId).setParameter(6, (short) score).setParameter(7, owner)
                .setParameter(8, Timestamp.from(now)).setParameter(9, Timestamp.from(start)).executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        Map<SlaStage, Instant> deadlines = protocol.deadlines(start);
        deadlines.forEach((stage, due) -> em.createNativeQuery(
                        "insert into detractor_case_sla (case_id, stage, due_at) values (?1, ?2, ?3)")
                .setParameter(1, caseId).setParameter(2, stage.name()).setParameter(3, Timestamp.from(due)).executeUpdate());
        outbox.publish(EventCatalogue.DETRACTOR_CASE_OPENED, clientId.toString(), new DetractorCaseOpened(caseId.toString(),
                responseId.toString(), cycleId == null ? null : cycleId.toString(), clientId.toString(), contactId.toString(),
                score, owner, now, deadlines.get(SlaStage.OUTREACH), deadlines.get(SlaStage.ROOT_CAUSE),
                deadlines.get(SlaStage.ACTION_PLAN), start));
        deadlines.forEach((stage, due) -> {
            if (DetractorProtocol.mustEscalate(due, null, null, now)) {
                escalate(caseId, stage, now);
            }
        });
        return Optional.of(caseId);
    }

    // ---------------------------------------------------------------- reading

    /** The case if it exists and the caller may see it; 404 otherwise (a CSE learns nothing of others' cases). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseView view(UUID id, Caller caller, Instant now) {
        return toView(visible(id, caller, false), now);
    }

    /** The caller's cases, newest first, a page at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<CaseSummary> list(CaseFilter filter, Caller caller, PageRequest page, Instant now) {
        StringBuilder sql = new StringBuilder("select " + CASE_COLUMNS
                + " from detractor_case c left join client_directory d on d.client_id = c.client_id where true");
        Map<String, Object> params = new HashMap<>();
        caller.portfolioOwner().ifPresent(me -> {
            sql.append(" and (d.owner_cse = :me or d.owner_cam = :me or c.owner = :me)");
            params.put("me", me);
        });
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.clientId() != null) {
            sql.append(" and c.client_id = :client");
            params.put("client", filter.clientId());
        }
        if (filter.owner() != null) {
            sql.append(" and c.owner = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.cycleId() != null) {
            sql.append(" and c.cycle_id = :cycle");
            params.put("cycle", filter.cycleId());
        }
        String breachedStage = " exists (select 1 from detractor_case_sla s where s.case_id = c.id"
                + " and ((s.met_at is null and s.due_at < :now) or s.met_at > s.due_at))";
        if (filter.breached() != null) {
            sql.append(filter.breached() ? " and" : " and not").append(breachedStage);
            params.put("now", Timestamp.from(now));
        }
        if (filter.escalated() != null) {
            sql.append(filter.escalated() ? " and" : " and not")
                    .append(" exists (select 1 from detractor_case_sla s where s.case_id = c.id and s.escalated_at is not null)");
        }
        if (filter.followUpDue() != null) {
            sql.append(filter.followUpDue() ? " and" : " and not")
                    .append(" (c.follow_up_due_at is not null and c.follow_up_due_at <= :now and c.closed_at is null)");
            params.put("now", Timestamp.from(now));
        }
        if (page.after() != null) {
            Instant after = cursorInstant(page.after());
            sql.append(" and (c.opened_at < :after or (c.opened_at = :after and c.id > :afterId))");
            params.put("after", Timestamp.from(after));
            params.put("afterId", page.after().uuid());
        }
        sql.append(" order by c.opened_at desc, c.id limit :limit");
        params.put("limit", page.fetchSize());
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        List<CaseRow> rows = ((List<?>) query.getResultList()).stream().map(CaseRow::of).toList();
        Map<UUID, List<StageView>> stages = stages(rows.stream().map(CaseRow::id).toList(), now);
        return Page.of(rows, page, r -> new Cursor(r.openedAt().toString(), r.id().toString()), r -> {
            List<StageView> s = stages.getOrDefault(r.id(), List.of());
            return new CaseSummary(r.id(), r.responseId(), r.cycleId(), r.clientId(), r.clientName(), r.contactId(),
                    r.score(), r.owner(), r.status().name(), r.openedAt(), s, s.stream().anyMatch(v -> v.state().breached()),
                    s.stream().anyMatch(v -> v.escalatedAt() != null), r.followUpDueAt(), r.followUpRequestedAt(),
                    r.closedAt(), r.submittedAt());
        });
    }

    // ---------------------------------------------------------------- workflow

    /**
     * Moves a case one step forward: reaching CONTACTED, ROOT_CAUSE_IDENTIFIED or ACTION_PLANNED meets
     * that stage; RESOLVED sets the follow-up survey's due date; CLOSED publishes DetractorCaseClosed.
     *
     * @throws ApiException 400 when the text is missing or too long, 409 for a step the workflow does not allow
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseView transition(UUID id, CaseStatus to, String text, Caller caller, Instant now) {
        CaseRow row = visible(id, caller, true);
        String stripped;
        try {
            stripped = CaseTransition.validate(row.status(), to, text);
        } catch (CaseTransition.MissingText e) {
            throw ApiException.invalid(e.problems().stream().map(p -> new FieldError("text", p)).toList());
        } catch (CaseTransition.Invalid e) {
            throw ApiException.conflict(e.getMessage());
        }
        String by = caller.username();
        StringBuilder set = new StringBuilder("status = :to, version = version + 1");
        Map<String, Object> params = new HashMap<>();
        switch (to) {
            case ROOT_CAUSE_IDENTIFIED -> {
                set.append(", root_cause = :text");
                params.put("text", stripped);
            }
            case ACTION_PLANNED -> {
                set.append(", action_plan = :text");
                params.put("text", stripped);
            }
            case RESOLVED -> {
                set.append(", resolved_at = :now, follow_up_due_at = :followUp");
                params.put("followUp", Timestamp.from(protocol.followUpDue(now)));
            }
            case CLOSED -> {
                set.append(", closed_at = :now, closed_by = :by");
                params.put("by", by);
            }
            default -> {
            }
        }
        if (set.indexOf(":now") >= 0) {
            params.put("now", Timestamp.from(now));
        }
        Query update = em.createNativeQuery("update detractor_case set " + set + " where id = :id and status = :from");
        params.forEach(update::setParameter);
        update.setParameter("to", to.name()).setParameter("id", id).setParameter("from", row.status().name());
        if (update.executeUpdate() != 1) {
            throw ApiException.conflict("the case changed meanwhile; read it again");
        }
        SlaStage.metOn(to).ifPresent(stage -> em.createNativeQuery(
                        "update detractor_case_sla set met_at = ?3 where case_id = ?1 and stage = ?2 and met_at is null")
                .setParameter(1, id).setParameter(2, stage.name()).setParameter(3, Timestamp.from(now)).executeUpdate());
        em.createNativeQuery("""
                        insert into detractor_case_transition (case_id, seq, from_status, to_status, by_user, at, text)
                        values (?1, (select coalesce(max(seq), 0) + 1 from detractor_case_transition where case_id = ?1),
                                ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, row.status().name()).setParameter(3, to.name()).setParameter(4, by)
                .setParameter(5, Timestamp.from(now)).setParameter(6, stripped).executeUpdate();
        CaseRow moved = find(id, false).orElseThrow();
        if (to == CaseStatus.CLOSED) {
            List<String> breached = stages(List.of(id), now).getOrDefault(id, List.of()).stream()
                    .filter(s -> s.state().breached()).map(StageView::stage).toList();
            outbox.publish(EventCatalogue.DETRACTOR_CASE_CLOSED, moved.clientId().toString(), new DetractorCaseClosed(
                    id.toString(), moved.responseId().toString(), moved.clientId().toString(), moved.owner(),
                    moved.openedAt(), moved.resolvedAt(), now, by, moved.rootCause(), moved.actionPlan(), breached));
        }
        return toView(moved, now);
    }

    /** Appends a note to a case (also to a closed one: notes are the record). */
    @Transactional(Transactional.TxType.MANDATORY)
    public NoteView addNote(UUID id, String text, Caller caller, Instant now) {
        visible(id, caller, false);
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw ApiException.invalid("text", "must not be blank");
        }
        if (stripped.length() > CaseTransition.TEXT_MAX_LENGTH) {
            throw ApiException.invalid("text", "at most " + CaseTransition.TEXT_MAX_LENGTH + " characters");
        }
        UUID noteId = UUID.randomUUID();
        em.createNativeQuery("insert into detractor_case_note (id, case_id, author, created_at, text) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, noteId).setParameter(2, id).setParameter(3, caller.username())
                .setParameter(4, Timestamp.from(now)).setParameter(5, stripped).executeUpdate();
        return new NoteView(noteId, caller.username(), now, stripped);
    }

    // ---------------------------------------------------------------- escalation and follow-up (scheduler)

    /** Stages breached and not escalated yet ({@link DetractorProtocol#mustEscalate}), oldest deadline first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Map.Entry<UUID, SlaStage>> dueForEscalation(Instant now, int limit) {
        return ((List<?>) em.createNativeQuery("""
                        select case_id, stage, due_at, met_at from detractor_case_sla
                        where escalated_at is null and due_at < ?1 and (met_at is null or met_at > due_at)
                        order by due_at, case_id limit ?2""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList()).stream()
                .map(o -> (Object[]) o)
                .filter(r -> DetractorProtocol.mustEscalate(SqlValues.instant(r[2]), SqlValues.instant(r[3]), null, now))
                .map(r -> Map.entry((UUID) r[0], SlaStage.valueOf((String) r[1])))
                .toList();
    }

    /**
     * Escalates one breached stage, once: the stage row records the escalation, so another scan (or a
     * concurrent one, which waits for the row lock) finds nothing to do.
     *
     * @return true when this call escalated it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean escalate(UUID caseId, SlaStage stage, Instant now) {
        List<?> rows = em.createNativeQuery("""
                        update detractor_case_sla set escalated_at = ?3, escalated_to = ?4
                        where case_id = ?1 and stage = ?2 and escalated_at is null and due_at < ?3
                          and (met_at is null or met_at > due_at)
                        returning due_at""")
                .setParameter(1, caseId).setParameter(2, stage.name()).setParameter(3, Timestamp.from(now))
                .setParameter(4, protocol.escalateTo()).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Instant dueAt = SqlValues.instant(rows.get(0));
        em.createNativeQuery("update detractor_case set version = version + 1 where id = ?1").setParameter(1, caseId).executeUpdate();
        CaseRow row = find(caseId, false).orElseThrow();
        outbox.publish(EventCatalogue.DETRACTOR_CASE_ESCALATED, row.clientId().toString(), new DetractorCaseEscalated(
                caseId.toString(), row.responseId().toString(), row.clientId().toString(), row.owner(), row.status().name(),
                stage.name(), dueAt, protocol.escalateTo(), now));
        return true;
    }

    /** Cases whose follow-up survey is due and not requested yet, earliest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> followUpsDue(Instant now, int limit) {
        return ((List<?>) em.createNativeQuery("""
                        select id from detractor_case
                        where follow_up_due_at <= ?1 and follow_up_requested_at is null
                        order by follow_up_due_at, id limit ?2""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList()).stream()
                .map(UUID.class::cast).toList();
    }

    /**
     * The 30-day follow-up survey after resolution: called once per case by the scheduled scan when
     * {@code follow_up_due_at} has passed. Records that the follow-up was requested and schedules a
     * DETRACTOR_FOLLOW_UP survey to the case's contact (a survey outside cycles, idempotent per case; the
     * trigger scheduler sends it, respecting the contact's minimum interval between surveys).
     *
     * @return true when this call requested it (false: requested before)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean followUpDue(UUID caseId, Instant now) {
        int updated = em.createNativeQuery("""
                        update detractor_case set follow_up_requested_at = ?2, version = version + 1
                        where id = ?1 and follow_up_requested_at is null and follow_up_due_at <= ?2""")
                .setParameter(1, caseId).setParameter(2, Timestamp.from(now)).executeUpdate();
        if (updated == 1) {
            CaseRow row = find(caseId, false).orElseThrow();
            sends.schedule(SurveyKind.DETRACTOR_FOLLOW_UP, row.clientId(), row.contactId(),
                    row.followUpDueAt() != null ? row.followUpDueAt() : now, caseId.toString());
            LOG.infof("Detractor case %s: 30-day follow-up survey scheduled for contact %s of client %s (resolved %s)",
                    caseId, row.contactId(), row.clientId(), row.resolvedAt());
        }
        return updated == 1;
    }

    // ---------------------------------------------------------------- helpers

    private CaseRow visible(UUID id, Caller caller, boolean forUpdate) {
        CaseRow row = find(id, forUpdate).orElseThrow(() -> ApiException.notFound("Detractor case", id));
        if (!caller.canSee(row.ownership()) && !caller.username().equals(row.owner())) {
            throw ApiException.notFound("Detractor case", id);
        }
        return row;
    }

    Optional<CaseRow> find(UUID id, boolean forUpdate) {
        return ((List<?>) em.createNativeQuery("select " + CASE_COLUMNS
                        + " from detractor_case c left join client_directory d on d.client_id = c.client_id where c.id = ?1"
                        + (forUpdate ? " for update of c" : ""))
                .setParameter(1, id).getResultList()).stream().map(CaseRow::of).findFirst();
    }

    private CaseView toView(CaseRow r, Instant now) {
        List<StageView> stages = stages(List.of(r.id()), now).getOrDefault(r.id(), List.of());
        List<TransitionView> transitions = ((List<?>) em.createNativeQuery("""
                        select from_status, to_status, by_user, at, text from detractor_case_transition
                        where case_id = ?1 order by seq""").setParameter(1, r.id()).getResultList()).stream()
                .map(o -> (Object[]) o)
                .map(c -> new TransitionView((String) c[0], (String) c[1], (String) c[2], SqlValues.instant(c[3]), (String) c[4]))
                .toList();
        List<NoteView> notes = ((List<?>) em.createNativeQuery("""
                        select id, author, created_at, text from detractor_case_note
                        where case_id = ?1 order by created_at, id""").setParameter(1, r.id()).getResultList()).stream()
                .map(o -> (Object[]) o)
                .map(c -> new NoteView((UUID) c[0], (String) c[1], SqlValues.instant(c[2]), (String) c[3]))
                .toList();
        String comment = ((List<?>) em.createNativeQuery("select comment from survey_response where id = ?1")
                .setParameter(1, r.responseId()).getResultList()).stream().filter(java.util.Objects::nonNull) // no comment: null
                .map(String.class::cast).findFirst().orElse(null);
        String escalatedTo = stages.stream().map(StageView::escalatedTo).filter(e -> e != null).findFirst().orElse(null);
        return new CaseView(r.id(), r.responseId(), r.cycleId(), r.clientId(), r.clientName(), r.contactId(), r.score(),
                comment, r.owner(), r.status().name(), r.status().next().map(Enum::name).orElse(null), r.openedAt(), stages,
                stages.stream().anyMatch(s -> s.state().breached()), escalatedTo != null, escalatedTo, r.rootCause(),
                r.actionPlan(), r.resolvedAt(), r.followUpDueAt(), r.followUpRequestedAt(), r.closedAt(), r.closedBy(),
                transitions, notes, r.version(), r.submittedAt());
    }

    private Map<UUID, List<StageView>> stages(Collection<UUID> caseIds, Instant now) {
        Map<UUID, List<StageView>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        for (Object o : em.createNativeQuery("""
                        select case_id, stage, due_at, met_at, escalated_at, escalated_to from detractor_case_sla
                        where case_id in (:ids) order by case_id, due_at""")
                .setParameter("ids", caseIds).getResultList()) {
            Object[] c = (Object[]) o;
            Instant due = SqlValues.instant(c[2]);
            Instant met = SqlValues.instant(c[3]);
            StageState state = DetractorProtocol.state(due, met, now);
            byCase.computeIfAbsent((UUID) c[0], k -> new ArrayList<>())
                    .add(new StageView((String) c[1], due, met, state, SqlValues.instant(c[4]), (String) c[5]));
        }
        return byCase;
    }

    private static Instant cursorInstant(Cursor cursor) {
        try {
            return Instant.parse(cursor.sortValue());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("cursor", "is not a cursor issued by this API; use nextCursor from the previous page");
        }
    }
}
