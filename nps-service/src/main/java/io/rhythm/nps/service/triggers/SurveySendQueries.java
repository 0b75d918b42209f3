package io.rhythm.nps.service.triggers;

import io.rhythm.nps.domain.triggers.SurveyKind;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads survey sends within the caller's portfolio (a CSE/CAM sees the sends of their own clients only). */
@ApplicationScoped
public class SurveySendQueries {

    private static final String COLUMNS = """
            s.id, s.kind, s.reference, s.client_id, cd.name, s.contact_id, s.email, s.status, s.skip_reason, s.skip_detail,
            s.due_at, s.sent_at, s.expires_at, s.responded_at, s.created_at, s.created_by, s.window_ends_at""";

    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    /** One send as the API shows it; {@code surveyType} says relationship or transactional. */
    public record SendView(String id, SurveyKind kind, SurveyKind.SurveyType surveyType, String reference, String clientId,
                           String clientName, String contactId, String email, String status, String skipReason,
                           String skipDetail, Instant dueAt, Instant sentAt, Instant expiresAt, Instant respondedAt,
                           Instant createdAt, String createdBy, Instant windowEndsAt) {
    }

    public Optional<SendView> find(UUID id) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from survey_send s "
                        + "left join client_directory cd on cd.client_id = s.client_id where s.id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> view((Object[]) r)).findFirst();
    }

    public Page<SendView> list(SurveyKind kind, String status, UUID clientId, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from survey_send s "
                + "join client_directory cd on cd.client_id = s.client_id where true");
        List<Object> args = new ArrayList<>();
        Optional<String> owner = caller.portfolioOwner();
        if (owner.isPresent()) {
            List<String> clauses = new ArrayList<>();
            if (caller.hasRole(io.rhythm.platform.web.security.Roles.CSE)) {
                args.add(owner.get());
                clauses.add("cd.owner_cse = ?" + args.size());
            }
            if (caller.hasRole(io.rhythm.platform.web.security.Roles.CAM)) {
                args.add(owner.get());
                clauses.add("cd.owner_cam = ?" + args.size());
            }
            sql.append(clauses.isEmpty() ? " and false" : " and (" + String.join(" or ", clauses) + ")");
        }
        if (kind != null) {
            args.add(kind.name());
            sql.append(" and s.kind = ?").append(args.size());
        }
        if (status != null) {
            args.add(status);
            sql.append(" and s.status = ?").append(args.size());
        }
        if (clientId != null) {
            args.add(clientId);
            sql.append(" and s.client_id = ?").append(args.size());
        }
        if (page.after() != null) {
            Instant after;
            try {
                after = Instant.parse(page.after().sortValue());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("cursor", "is not a cursor issued by this API; use nextCursor from the previous page");
            }
            args.add(Timestamp.from(after));
            int t = args.size();
            args.add(page.after().uuid());
            int i = args.size();
            sql.append(" and (s.created_at < ?").append(t).append(" or (s.created_at = ?").append(t).append(" and s.id < ?")
                    .append(i).append("))");
        }
        args.add(page.fetchSize());
        sql.append(" order by s.created_at desc, s.id desc limit ?").append(args.size());
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        List<SendView> rows = query.getResultList().stream().map(r -> view((Object[]) r)).toList();
        return Page.of(rows, page, v -> new Cursor(v.createdAt().toString(), v.id()), v -> v);
    }

    private static SendView view(Object[] c) {
        SurveyKind kind = SurveyKind.valueOf((String) c[1]);
        return new SendView(c[0].toString(), kind, kind.type(), (String) c[2], c[3].toString(), (String) c[4],
                c[5].toString(), (String) c[6], (String) c[7], (String) c[8], (String) c[9], SqlValues.instant(c[10]),
                SqlValues.instant(c[11]), SqlValues.instant(c[12]), SqlValues.instant(c[13]), SqlValues.instant(c[14]),
                (String) c[15], SqlValues.instant(c[16]));
    }
}
