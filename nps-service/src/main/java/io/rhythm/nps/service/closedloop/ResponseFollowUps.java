package io.rhythm.nps.service.closedloop;

import io.rhythm.nps.domain.closedloop.FollowUpKind;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.ClientOwnership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The lighter follow-ups of passives (ask what would make it a 9–10) and promoters (thank them; they are
 * advocacy candidates): one task per answer, owned by the client's owner CSE, OPEN until someone marks it
 * DONE.
 */
@ApplicationScoped
public class ResponseFollowUps {

    /** What a promoter may be asked for (seed 001: advocacy and expansion opportunities). */
    public static final List<String> ADVOCACY_OPPORTUNITIES = List.of("REFERENCE", "CASE_STUDY", "REVIEW");

    private static final String COLUMNS = """
            f.id, f.response_id, f.kind, f.cycle_id, f.client_id, f.contact_id, f.score, f.owner, f.created_at, f.due_at,
            f.status, f.done_at, f.done_by, f.outcome, d.name, d.owner_cse, d.owner_cam, r.comment, r.responded_at""";
    private static final String FROM = " from response_follow_up f left join client_directory d on d.client_id = f.client_id"
            + " left join survey_response r on r.id = f.response_id";

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory directory;
    @Inject
    FollowUpKind.Timing timing;

    public record FollowUpView(UUID id, UUID responseId, String kind, String task, UUID cycleId, UUID clientId,
                               String clientName, UUID contactId, int score, String comment, String owner,
                               Instant createdAt, Instant dueAt, boolean overdue, String status, Instant doneAt,
                               String doneBy, String outcome) {
    }

    /** A promoter who may be asked for a reference, a case study or a review. */
    public record AdvocacyCandidate(UUID responseId, UUID followUpId, UUID cycleId, UUID clientId, String clientName,
                                    UUID contactId, int score, String comment, Instant respondedAt, String owner,
                                    List<String> opportunities, String thankYouStatus) {
    }

    public record FollowUpFilter(FollowUpKind kind, String status, UUID clientId, String owner) {
    }

    record Row(UUID id, UUID responseId, FollowUpKind kind, UUID cycleId, UUID clientId, UUID contactId, int score,
               String owner, Instant createdAt, Instant dueAt, String status, Instant doneAt, String doneBy, String outcome,
               String clientName, String ownerCse, String ownerCam, String comment, Instant respondedAt) {

        static Row of(Object o) {
            Object[] c = (Object[]) o;
            return new Row((UUID) c[0], (UUID) c[1], FollowUpKind.valueOf((String) c[2]), (UUID) c[3], (UUID) c[4],
                    (UUID) c[5], ((Number) c[6]).intValue(), (String) c[7], SqlValues.instant(c[8]), SqlValues.instant(c[9]),
                    (String) c[10], SqlValues.instant(c[11]), (String) c[12], (String) c[13], (String) c[14],
                    (String) c[15], (String) c[16], (String) c[17], SqlValues.instant(c[18]));
        }

        FollowUpView view(Instant now) {
            return new FollowUpView(id, responseId, kind.name(), kind.task(), cycleId, clientId, clientName, contactId, score,
                    comment, owner, createdAt, dueAt, "OPEN".equals(status) && now.isAfter(dueAt), status, doneAt, doneBy,
                    outcome);
        }
    }

    /** Creates the follow-up of a passive or promoter answer, in the recording's transaction; once per answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> create(FollowUpKind kind, UUID responseId, UUID cycleId, UUID clientId, UUID contactId, int score,
                                 Instant now) {
        String owner = directory.find(clientId).map(DirectoryEntry::ownerCse).filter(o -> !o.isBlank()).orElse(null);
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                        insert into response_follow_up (id, response_id, kind, cycle_id, client_id, contact_id, score, owner,
                            created_at, due_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (response_id) do nothing""")
                .setParameter(1, id).setParameter(2, responseId).setParameter(3, kind.name()).setParameter(4, cycleId)
                .setParameter(5, clientId).setParameter(6, contactId).setParameter(7, (short) score).setParameter(8, owner)
                .setParameter(9, Timestamp.from(now)).setParameter(10, Timestamp.from(timing.dueAt(kind, now)))
                .executeUpdate();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** The caller's follow-ups, earliest due first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<FollowUpView> list(FollowUpFilter filter, Caller caller, PageRequest page, Instant now) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + FROM + " where true");
        Map<String, Object> params = new HashMap<>();
        restrict(sql, params, caller);
        if (filter.kind() != null) {
            sql.append(" and f.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.status() != null) {
            sql.append(" and f.status = :status");
            params.put("status", filter.status());
        }
        if (filter.clientId() != null) {
            sql.append(" and f.client_id = :client");
            params.put("client", filter.clientId());
        }
        if (filter.owner() != null) {
            sql.append(" and f.owner = :owner");
            params.put("owner", filter.owner());
        }
        if (page.after() != null) {
            sql.append(" and (f.due_at > :after or (f.due_at = :after and f.id > :afterId))");
            params.put("after", Timestamp.from(instant(page.after())));
            params.put("afterId", page.after().uuid());
        }
        sql.append(" order by f.due_at, f.id limit :limit");
        params.put("limit", page.fetchSize());
        return Page.of(rows(sql.toString(), params), page, r -> new Cursor(r.dueAt().toString(), r.id().toString()),
                r -> r.view(now));
    }

    /** Marks a follow-up done, with what came of it; 409 when it is done already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FollowUpView complete(UUID id, String outcome, Caller caller, Instant now) {
        Row row = visible(id, caller);
        String text = outcome == null || outcome.isBlank() ? null : outcome.strip();
        if (text != null && text.length() > 4000) {
            throw ApiException.invalid("outcome", "at most 4000 characters");
        }
        if (!"OPEN".equals(row.status())) {
            throw ApiException.conflict("the follow-up was done by " + row.doneBy() + " at " + row.doneAt());
        }
        int updated = em.createNativeQuery("""
                        update response_follow_up set status = 'DONE', done_at = ?2, done_by = ?3, outcome = ?4
                        where id = ?1 and status = 'OPEN'""")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).setParameter(3, caller.username())
                .setParameter(4, text).executeUpdate();
        if (updated != 1) {
            throw ApiException.conflict("the follow-up was done meanwhile");
        }
        return visible(id, caller).view(now);
    }

    /** Promoters of the caller's portfolio (all of them for leaders and marketing), newest answer first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<AdvocacyCandidate> advocacyCandidates(UUID clientId, UUID cycleId, Caller caller, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + FROM + " where f.kind = 'PROMOTER_THANK_YOU'");
        Map<String, Object> params = new HashMap<>();
        restrict(sql, params, caller);
        if (clientId != null) {
            sql.append(" and f.client_id = :client");
            params.put("client", clientId);
        }
        if (cycleId != null) {
            sql.append(" and f.cycle_id = :cycle");
            params.put("cycle", cycleId);
        }
        if (page.after() != null) {
            sql.append(" and (f.created_at < :after or (f.created_at = :after and f.id > :afterId))");
            params.put("after", Timestamp.from(instant(page.after())));
            params.put("afterId", page.after().uuid());
        }
        sql.append(" order by f.created_at desc, f.id limit :limit");
        params.put("limit", page.fetchSize());
        return Page.of(rows(sql.toString(), params), page, r -> new Cursor(r.createdAt().toString(), r.id().toString()),
                r -> new AdvocacyCandidate(r.responseId(), r.id(), r.cycleId(), r.clientId(), r.clientName(), r.contactId(),
                        r.score(), r.comment(), r.respondedAt(), r.owner(), ADVOCACY_OPPORTUNITIES, r.status()));
    }

    private static void restrict(StringBuilder sql, Map<String, Object> params, Caller caller) {
        caller.portfolioOwner().ifPresent(me -> {
            sql.append(" and (d.owner_cse = :me or d.owner_cam = :me or f.owner = :me)");
            params.put("me", me);
        });
    }

    private Row visible(UUID id, Caller caller) {
        List<Row> rows = rows("select " + COLUMNS + FROM + " where f.id = :id", Map.of("id", id));
        Row row = rows.stream().findFirst().orElseThrow(() -> ApiException.notFound("Follow-up", id));
        if (!caller.canSee(new ClientOwnership(row.ownerCse(), row.ownerCam())) && !caller.username().equals(row.owner())) {
            throw ApiException.notFound("Follow-up", id);
        }
        return row;
    }

    private List<Row> rows(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return ((List<?>) query.getResultList()).stream().map(Row::of).toList();
    }

    private static Instant instant(Cursor cursor) {
        try {
            return Instant.parse(cursor.sortValue());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("cursor", "is not a cursor issued by this API; use nextCursor from the previous page");
        }
    }
}
