package io.rhythm.planning.workflow.service;

import io.rhythm.planning.workflow.api.WorkflowView;
import io.rhythm.planning.workflow.domain.WorkflowInstance;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The workflow list: the caller's portfolio only, newest first, filtered, a page at a time. */
@ApplicationScoped
public class WorkflowQueries {

    /** Filters of {@code GET /api/v1/workflows}; null means "any". */
    public record Filter(UUID clientId, String status, String templateKey, boolean overdue, LocalDate asOf) {
    }

    @Inject
    EntityManager em;
    @Inject
    ClientDirectory directory;
    @Inject
    Workflows workflows;

    public Page<WorkflowView> list(Filter filter, PageRequest page, Caller caller) {
        StringBuilder sql = new StringBuilder("""
                select i.id, i.started_at from workflow_instance i
                join client_directory d on d.client_id = i.client_id
                join workflow_template t on t.id = i.template_id
                where true""");
        List<Object> args = new ArrayList<>();
        caller.portfolioOwner().ifPresent(owner -> {
            sql.append(" and (d.owner_cse = ? or d.owner_cam = ?)");
            args.add(owner);
            args.add(owner);
        });
        if (filter.clientId() != null) {
            sql.append(" and i.client_id = ?");
            args.add(filter.clientId());
        }
        if (filter.status() != null) {
            sql.append(" and i.status = ?");
            args.add(filter.status());
        }
        if (filter.templateKey() != null) {
            sql.append(" and t.template_key = ?");
            args.add(filter.templateKey());
        }
        if (filter.overdue()) {
            sql.append(" and exists (select 1 from workflow_step s where s.instance_id = i.id and s.status = 'ACTIVE' and s.due_on < ?)");
            args.add(filter.asOf());
        }
        if (page.after() != null) {
            sql.append(" and (i.started_at, i.id) < (?, ?)");
            args.add(Timestamp.from(cursorInstant(page.after())));
            args.add(page.after().uuid());
        }
        sql.append(" order by i.started_at desc, i.id desc limit ?");
        args.add(page.fetchSize());
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, WorkflowInstance> instances = WorkflowInstance.<WorkflowInstance>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(w -> w.id, Function.identity()));
        Map<UUID, DirectoryEntry> clients = directory.findAll(instances.values().stream().map(w -> w.clientId).distinct().toList());
        List<WorkflowInstance> ordered = ids.stream().map(instances::get).toList();
        return Page.of(ordered, page, w -> new Cursor(w.startedAt.toString(), w.id.toString()),
                w -> workflows.view(w, clients.get(w.clientId)));
    }

    private static Instant cursorInstant(Cursor cursor) {
        try {
            return Instant.parse(cursor.sortValue());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("cursor", "is not a cursor of this list");
        }
    }
}
