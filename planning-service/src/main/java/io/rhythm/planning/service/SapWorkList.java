package io.rhythm.planning.service;

import io.rhythm.planning.domain.SapCadence;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The overdue Satisfaction Action Plans in a person's work list ({@code GET /api/v1/workflows/my-steps}): active plans
 * whose monthly progress update or quarterly formal review ({@link SapCadence}) is past due as of a day. One row per
 * plan: the REVIEW when the review is overdue (a formal review also counts as the month's update), else the UPDATE.
 * Whose list: a CSE/CAM's for the plans of their clients, another role's for the plans it owns, admin's for all.
 * Sorted by due date then plan id (as PostgreSQL orders uuids), after a cursor of that key.
 */
@ApplicationScoped
public class SapWorkList {

    /** An overdue plan: what is due ({@code UPDATE} or {@code REVIEW}) and since when. */
    public record Item(UUID sapId, UUID clientId, String kind, LocalDate dueOn, String owner) {
    }

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<Item> overdue(LocalDate asOf, Cursor after, LocalDate afterDue, int limit, Caller caller) {
        // the cadence of SapCadence in SQL: date + interval 'n months' clamps to the month's end as plusMonths does
        StringBuilder sql = new StringBuilder("""
                select id, client_id, case when review_due < ?1 then 'REVIEW' else 'UPDATE' end,
                       case when review_due < ?1 then review_due else update_due end as due_on, owner
                from (select s.id, s.client_id, s.owner,
                             (greatest(s.activated_on, s.last_update_on, s.last_review_on) + make_interval(months => ?2))::date as update_due,
                             (greatest(s.activated_on, s.last_review_on) + make_interval(months => ?3))::date as review_due
                      from sap s join client_directory d on d.client_id = s.client_id
                      where s.status = 'ACTIVE' and s.activated_on is not null""");
        List<Object> args = new ArrayList<>(List.of(asOf, SapCadence.UPDATE_MONTHS, SapCadence.REVIEW_MONTHS));
        if (!caller.hasRole(Roles.ADMIN)) {
            if (caller.hasRole(Roles.CSE) || caller.hasRole(Roles.CAM)) {
                sql.append(" and (d.owner_cse = ?4 or d.owner_cam = ?4 or s.owner = ?4)");
            } else {
                sql.append(" and s.owner = ?4");
            }
            args.add(caller.username());
        }
        sql.append(") p where (update_due < ?1 or review_due < ?1)");
        String outer = "";
        if (after != null) {
            args.add(afterDue);
            args.add(after.uuid());
            outer = " where (due_on, id) > (?" + (args.size() - 1) + ", ?" + args.size() + ")";
        }
        args.add(limit);
        String full = "select * from (" + sql + ") o" + outer + " order by due_on, id limit ?" + args.size();
        Query query = em.createNativeQuery(full);
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        List<Item> items = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            LocalDate due = r[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[3];
            items.add(new Item((UUID) r[0], (UUID) r[1], (String) r[2], due, (String) r[4]));
        }
        return items;
    }
}
