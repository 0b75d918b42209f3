package io.rhythm.planning.service;

import io.agroal.api.AgroalDataSource;
import io.rhythm.planning.api.SapActionRequest;
import io.rhythm.planning.api.SapProgressRequest;
import io.rhythm.planning.domain.SapAction;
import io.rhythm.planning.domain.SapProgress;
import io.rhythm.planning.domain.SapStatus;
import io.rhythm.planning.domain.SatisfactionActionPlan;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.MalformedEventException;
import io.rhythm.platform.events.payload.SatisfactionActionPlanNoLongerRequired;
import io.rhythm.platform.events.payload.SatisfactionActionPlanRequired;
import io.rhythm.platform.events.payload.SegmentMigrated;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Versions;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Satisfaction Action Plans: drafted exactly once when a client enters a segment that requires one
 * (segmentation's SegmentMigrated with sapRequired), flagged when it leaves; actions with the seed's
 * template fields, monthly progress updates and quarterly reviews, and closing once every success
 * criterion is assessed.
 */
@ApplicationScoped
public class SatisfactionPlans {

    static final String SEPARATOR = "\u001f";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClientDirectory directory;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /**
     * From the segment consumer, in its transaction: drafts (once) or flags the client's plan. Segmentation's
     * {@code SatisfactionActionPlanRequired} / {@code …NoLongerRequired} and {@code SegmentMigrated} (sapRequired, for
     * producers that publish only that) describe the same migration; an entry into a segment (client, segment,
     * effective time) is handled once ({@code sap_entry}), so the pair and any redelivery draft one plan.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSegment(CloudEvent event) {
        String type = event.type();
        if (type.equals(EventCatalogue.SATISFACTION_ACTION_PLAN_REQUIRED.type())) {
            SatisfactionActionPlanRequired required = Json.read(event.data(), SatisfactionActionPlanRequired.class);
            required(clientId(required.clientId(), event), required.segment(), required.reason(),
                    entryKey(required.segment(), required.effectiveAt()));
        } else if (type.equals(EventCatalogue.SATISFACTION_ACTION_PLAN_NO_LONGER_REQUIRED.type())) {
            SatisfactionActionPlanNoLongerRequired gone = Json.read(event.data(), SatisfactionActionPlanNoLongerRequired.class);
            noLongerRequired(clientId(gone.clientId(), event), gone.segment());
        } else if (type.equals(EventCatalogue.SEGMENT_MIGRATED.type())) {
            SegmentMigrated migrated = Json.read(event.data(), SegmentMigrated.class);
            UUID clientId = clientId(migrated.clientId(), event);
            if (migrated.sapRequired()) {
                required(clientId, migrated.toSegment(), migrated.reason(), entryKey(migrated.toSegment(), migrated.effectiveAt()));
            } else {
                noLongerRequired(clientId, migrated.toSegment());
            }
        }
    }

    /** The key of one entry into a segment; null (no once-only record) when the producer gave no effective time. */
    static String entryKey(String segment, Instant effectiveAt) {
        return effectiveAt == null ? null : segment + "@" + effectiveAt;
    }

    private void required(UUID clientId, String segment, String reason, String entryKey) {
        if (entryKey != null && SatisfactionActionPlan.getEntityManager().createNativeQuery(
                "select 1 from sap_entry where client_id = ?1 and entry_key = ?2").setParameter(1, clientId)
                .setParameter(2, entryKey).getResultList().size() > 0) {
            return; // this entry has drafted (or found) its plan already: the twin event or a redelivery
        }
        String owner = directory.find(clientId).map(DirectoryEntry::ownerCse).orElse(null);
        execute("""
                insert into sap (id, client_id, status, segment, reason, still_required, owner, created_at)
                values (?, ?, 'DRAFT', ?, ?, true, ?, ?)
                on conflict (client_id) where status <> 'CLOSED'
                do update set still_required = true, segment = excluded.segment""",
                UUID.randomUUID(), clientId, segment,
                "Client entered " + segment + (reason == null || reason.isBlank() ? "" : ": " + reason),
                owner, Timestamp.from(Instant.now(clock)));
        if (entryKey != null) {
            execute("""
                    insert into sap_entry (client_id, entry_key, sap_id, handled_at)
                    select client_id, ?, id, ? from sap where client_id = ? and status <> 'CLOSED'""",
                    entryKey, Timestamp.from(Instant.now(clock)), clientId);
        }
    }

    private void noLongerRequired(UUID clientId, String segment) {
        execute("update sap set still_required = false, segment = ? where client_id = ? and status <> 'CLOSED'",
                segment, clientId);
    }

    private static UUID clientId(String id, CloudEvent event) {
        try {
            return UUID.fromString(id);
        } catch (RuntimeException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " has no valid clientId");
        }
    }

    /** The open plans of the caller's clients (or one client's plans), oldest first; overdue ones first with {@code overdueOnly}. */
    public Page<SatisfactionActionPlan> list(UUID clientId, boolean includeClosed, PageRequest page) {
        StringBuilder sql = new StringBuilder("select s.id from sap s join client_directory d on d.client_id = s.client_id where true");
        List<Object> args = new ArrayList<>();
        caller.portfolioOwner().ifPresent(me -> {
            sql.append(" and (d.owner_cse = ? or d.owner_cam = ?)");
            args.add(me);
            args.add(me);
        });
        if (clientId != null) {
            sql.append(" and s.client_id = ?");
            args.add(clientId);
        }
        if (!includeClosed) {
            sql.append(" and s.status <> 'CLOSED'");
        }
        if (page.after() != null) {
            sql.append(" and s.id > ?");
            args.add(page.after().uuid());
        }
        sql.append(" order by s.id limit ?");
        args.add(page.fetchSize());
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list Satisfaction Action Plans", e);
        }
        var byId = SatisfactionActionPlan.<SatisfactionActionPlan>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(s -> s.id, s -> s));
        List<SatisfactionActionPlan> rows = ids.stream().map(byId::get).toList();
        return Page.of(rows, page, s -> new Cursor(s.id.toString(), s.id.toString()), s -> s);
    }

    public SatisfactionActionPlan visible(UUID id) {
        return find(id, LockModeType.NONE);
    }

    public List<SapAction> actions(UUID sapId) {
        return SapAction.list("sapId = ?1 order by createdAt, id", sapId);
    }

    public List<SapProgress> progress(UUID sapId) {
        return SapProgress.list("sapId = ?1 order by onDate, createdAt", sapId);
    }

    @Transactional
    public SapAction addAction(UUID sapId, SapActionRequest request) {
        SatisfactionActionPlan sap = open(sapId);
        SapAction action = new SapAction();
        action.id = UUID.randomUUID();
        action.sapId = sap.id;
        action.createdAt = Instant.now(clock);
        apply(action, request);
        action.persist();
        return action;
    }

    @Transactional
    public SapAction replaceAction(UUID sapId, UUID actionId, String ifMatch, SapActionRequest request) {
        open(sapId);
        SapAction action = SapAction.findById(actionId, LockModeType.PESSIMISTIC_WRITE);
        if (action == null || !action.sapId.equals(sapId)) {
            throw ApiException.notFound("Action", actionId);
        }
        Versions.requireMatch(ifMatch, action.version);
        apply(action, request);
        action.version++;
        return action;
    }

    /** Draft → active: the cadence starts counting from {@code on}. */
    @Transactional
    public SatisfactionActionPlan activate(UUID sapId, String ifMatch, LocalDate on) {
        SatisfactionActionPlan sap = open(sapId);
        Versions.requireMatch(ifMatch, sap.version);
        if (sap.status != SapStatus.DRAFT) {
            throw ApiException.conflict("only a draft plan can be activated; this one is " + sap.status);
        }
        if (SapAction.count("sapId", sapId) == 0) {
            throw ApiException.conflict("add at least one action before activating the plan");
        }
        sap.status = SapStatus.ACTIVE;
        sap.activatedOn = on;
        sap.version++;
        return sap;
    }

    @Transactional
    public SatisfactionActionPlan addProgress(UUID sapId, SapProgressRequest request) {
        SatisfactionActionPlan sap = open(sapId);
        if (sap.status != SapStatus.ACTIVE) {
            throw ApiException.conflict("progress is recorded on an active plan; this one is " + sap.status);
        }
        if (request.actionId() != null && SapAction.count("id = ?1 and sapId = ?2", request.actionId(), sapId) == 0) {
            throw ApiException.invalid("actionId", "is not an action of this plan");
        }
        SapProgress p = new SapProgress();
        p.id = UUID.randomUUID();
        p.sapId = sapId;
        p.actionId = request.actionId();
        p.kind = request.kind();
        p.onDate = request.onDate();
        p.note = request.note().strip();
        p.author = caller.username();
        p.createdAt = Instant.now(clock);
        p.persist();
        if (SapProgress.REVIEW.equals(p.kind)) {
            sap.lastReviewOn = later(sap.lastReviewOn, p.onDate);
        } else {
            sap.lastUpdateOn = later(sap.lastUpdateOn, p.onDate);
        }
        sap.version++;
        return sap;
    }

    /** @throws ApiException 409 while any action's success criterion is not assessed */
    @Transactional
    public SatisfactionActionPlan close(UUID sapId, String ifMatch, String summary) {
        SatisfactionActionPlan sap = open(sapId);
        Versions.requireMatch(ifMatch, sap.version);
        List<SapAction> actions = actions(sapId);
        List<String> unassessed = actions.stream().filter(a -> a.assessment == null).map(a -> a.description).toList();
        if (actions.isEmpty() || !unassessed.isEmpty()) {
            throw ApiException.conflict(actions.isEmpty() ? "a plan without actions cannot be closed"
                    : "assess every success criterion before closing; not assessed: " + String.join("; ", unassessed));
        }
        sap.status = SapStatus.CLOSED;
        sap.closedAt = Instant.now(clock);
        sap.closingSummary = summary.strip();
        sap.version++;
        return sap;
    }

    /** Whether the client has a plan that is not closed (the account plan's checklist item). */
    public boolean hasOpenPlan(UUID clientId) {
        return SatisfactionActionPlan.count("clientId = ?1 and status <> ?2", clientId, SapStatus.CLOSED) > 0;
    }

    private SatisfactionActionPlan open(UUID id) {
        SatisfactionActionPlan sap = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (sap.status == SapStatus.CLOSED) {
            throw ApiException.conflict("the plan is closed");
        }
        return sap;
    }

    private SatisfactionActionPlan find(UUID id, LockModeType lock) {
        SatisfactionActionPlan sap = SatisfactionActionPlan.findById(id, lock);
        if (sap == null) {
            throw ApiException.notFound("Satisfaction Action Plan", id);
        }
        DirectoryEntry client = directory.find(sap.clientId)
                .orElseThrow(() -> ApiException.notFound("Satisfaction Action Plan", id));
        caller.requireVisible(client.ownership(), "Satisfaction Action Plan", id);
        return sap;
    }

    private static void apply(SapAction a, SapActionRequest r) {
        a.description = r.description().strip();
        a.businessFunction = r.businessFunction().strip();
        a.accountable = r.accountable().stream().map(String::strip).collect(Collectors.joining(SEPARATOR));
        a.timeframe = r.timeframe().strip();
        a.dueDate = r.dueDate();
        a.successCriteria = r.successCriteria().strip();
        a.measurementMethod = r.measurementMethod().strip();
        a.reviewDates = r.reviewDates() == null ? null
                : r.reviewDates().stream().sorted().map(LocalDate::toString).collect(Collectors.joining(SEPARATOR));
        a.assessment = r.assessment();
        a.assessmentNote = r.assessmentNote() == null || r.assessmentNote().isBlank() ? null : r.assessmentNote().strip();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update Satisfaction Action Plans", e);
        }
    }
}
