package io.rhythm.calendar.service;

import io.rhythm.calendar.api.DeliverableView;
import io.rhythm.calendar.domain.Deliverable;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What is due and what is overdue, as of a day: {@code DUE} = open and due within the next
 * {@code withinDays} days (asOf included), {@code OVERDUE} = open and due before asOf, {@code OPEN},
 * {@code DONE}. CSEs and CAMs see the items of their clients' checklists and every non-client item.
 */
@ApplicationScoped
public class DeliverableQueries {

    public enum Due { OPEN, DONE, DUE, OVERDUE }

    @Inject
    EntityManager em;

    public record Filter(LocalDate asOf, Due status, int withinDays, String ownerRole, boolean mine, UUID eventId,
                         UUID checklistId) {

        public static Due status(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Due.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("status", "must be one of " + List.of(Due.values()));
            }
        }
    }

    public Page<DeliverableView> list(Filter filter, PageRequest page, Caller caller) {
        StringBuilder sql = new StringBuilder("select d.* from deliverable d join checklist c on c.id = d.checklist_id where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            switch (filter.status()) {
                case OPEN -> sql.append(" and d.status = 'OPEN'");
                case DONE -> sql.append(" and d.status = 'DONE'");
                case OVERDUE -> {
                    sql.append(" and d.status = 'OPEN' and d.due_on < :asOf");
                    params.put("asOf", filter.asOf());
                }
                case DUE -> {
                    sql.append(" and d.status = 'OPEN' and d.due_on >= :asOf and d.due_on < :until");
                    params.put("asOf", filter.asOf());
                    params.put("until", filter.asOf().plusDays(filter.withinDays()));
                }
            }
        }
        if (filter.ownerRole() != null) {
            sql.append(" and cast(:role as text) = any(d.owner_roles)");
            params.put("role", filter.ownerRole());
        }
        if (filter.mine()) {
            sql.append(" and (d.owner_person = :me or (d.owner_person is null and d.owner_roles && cast(:myRoles as text[])))");
            params.put("me", caller.username());
            params.put("myRoles", "{" + String.join(",", caller.roles()) + "}");
        }
        if (filter.eventId() != null) {
            sql.append(" and c.event_id = :eventId");
            params.put("eventId", filter.eventId());
        }
        if (filter.checklistId() != null) {
            sql.append(" and d.checklist_id = :checklistId");
            params.put("checklistId", filter.checklistId());
        }
        if (!caller.isPortfolioWide()) {
            sql.append(" and (c.client_id is null or exists (select 1 from client_directory cd where cd.client_id = c.client_id"
                    + " and (cd.owner_cse = :owner or cd.owner_cam = :owner)))");
            params.put("owner", caller.username());
        }
        if (page.after() != null) {
            sql.append(" and (d.due_on > :afterOn or (d.due_on = :afterOn and d.id > :afterId))");
            params.put("afterOn", page.after().sortDate());
            params.put("afterId", page.after().uuid());
        }
        sql.append(" order by d.due_on, d.id limit ").append(page.fetchSize());
        Query query = em.createNativeQuery(sql.toString(), Deliverable.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Deliverable> rows = query.getResultList();
        return Page.of(rows, page, d -> new Cursor(d.dueOn.toString(), d.id.toString()), d -> DeliverableView.of(d, filter.asOf()));
    }
}
