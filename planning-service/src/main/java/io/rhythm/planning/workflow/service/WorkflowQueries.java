package io.rhythm.planning.workflow.service;

import io.rhythm.planning.service.SapWorkList;
import io.rhythm.planning.workflow.api.WorkStepView;
import io.rhythm.planning.workflow.api.WorkflowSummaryView;
import io.rhythm.planning.workflow.api.WorkflowView;
import io.rhythm.planning.workflow.domain.WorkList;
import io.rhythm.planning.workflow.domain.WorkflowDefinition;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The workflow list and the work list: the caller's portfolio only, filtered, a page at a time. */
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
    TemplateCatalog templates;
    @Inject
    SapWorkList sapWorkList;

    /**
     * A page of workflow summaries in one statement (instance, client name, template version, active step) and the
     * template definitions from their cache. The full view of one workflow is {@link Workflows#view}.
     */
    public Page<WorkflowSummaryView> list(Filter filter, PageRequest page, Caller caller) {
        StringBuilder sql = new StringBuilder("""
                select i.id, i.client_id, d.name, i.template_id, i.status, i.active_position, i.outcome, i.trigger_kind,
                       i.started_by, i.started_at, i.ended_at, s.due_on, t.template_key, t.version
                from workflow_instance i
                join client_directory d on d.client_id = i.client_id
                join workflow_template t on t.id = i.template_id
                left join workflow_step s on s.instance_id = i.id and s.position = i.active_position and s.status = 'ACTIVE'
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
            sql.append(" and s.due_on < ?"); // the active step (joined above) is due before asOf
            args.add(filter.asOf());
        }
        if (page.after() != null) {
            sql.append(" and (i.started_at, i.id) < (?, ?)");
            args.add(Timestamp.from(cursorInstant(page.after())));
            args.add(page.after().uuid());
        }
        sql.append(" order by i.started_at desc, i.id desc limit ?");
        args.add(page.fetchSize());
        List<Object[]> rows = rows(sql, args);
        return Page.of(rows, page, r -> new Cursor(instant(r[9]).toString(), r[0].toString()),
                r -> summary(r, templates.definition((UUID) r[3]), filter.asOf()));
    }

    private static WorkflowSummaryView summary(Object[] r, WorkflowDefinition definition, LocalDate asOf) {
        Integer active = r[5] == null ? null : ((Number) r[5]).intValue();
        WorkflowSummaryView.ActiveStep activeStep = null;
        if (active != null && "RUNNING".equals(r[4])) {
            WorkflowDefinition.Step step = definition.step(active);
            LocalDate due = date(r[11]);
            activeStep = new WorkflowSummaryView.ActiveStep(active, step.name(), step.type().name(), step.assigneeRole(),
                    definition.role(step.assigneeRole()).map(role -> role.side().name()).orElse(null), due,
                    due != null && due.isBefore(asOf), due == null ? null : ChronoUnit.DAYS.between(asOf, due));
        }
        return new WorkflowSummaryView(r[0].toString(), r[1].toString(), (String) r[2],
                new WorkflowView.TemplateRef(r[3].toString(), (String) r[12], ((Number) r[13]).intValue(), definition.name()),
                (String) r[4], active, definition.steps().size(), (String) r[6], (String) r[7], (String) r[8],
                instant(r[9]), r[10] == null ? null : instant(r[10]), activeStep);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /**
     * The caller's work list: active steps of running workflows in the caller's portfolio that wait for a role the
     * caller holds (an internal role whose realm roles include one of the caller's; admin: every internal step), and
     * with {@code side} CLIENT or ALL also the client-facing steps the caller's team must send or chase. Earliest due
     * date first (overdue at the top), then by workflow.
     */
    public Page<WorkStepView> mySteps(String side, LocalDate asOf, PageRequest page, Caller caller) {
        List<WorkStepView> items = new ArrayList<>(waitingSteps(side, asOf, page, caller));
        if (!"CLIENT".equals(side)) {
            LocalDate afterDue = page.after() == null ? null : cursorDate(page.after());
            List<SapWorkList.Item> saps = sapWorkList.overdue(asOf, page.after(), afterDue, page.fetchSize(), caller);
            Map<UUID, DirectoryEntry> clients = directory.findAll(saps.stream().map(SapWorkList.Item::clientId).distinct().toList());
            for (SapWorkList.Item sap : saps) {
                DirectoryEntry client = clients.get(sap.clientId());
                boolean review = sap.kind().equals("REVIEW");
                items.add(new WorkStepView(review ? "SAP_REVIEW" : "SAP_UPDATE", null, sap.sapId().toString(),
                        sap.clientId().toString(), client == null ? null : client.name(), null, "Satisfaction Action Plan", null,
                        review ? "Quarterly formal review" : "Monthly progress update", review ? "SAP_REVIEW" : "SAP_UPDATE",
                        sap.owner(), "INTERNAL", sap.dueOn(), true, ChronoUnit.DAYS.between(asOf, sap.dueOn())));
            }
            // one order for both sources: due date, then the id as PostgreSQL orders uuids (its lowercase hex text)
            items.sort(Comparator.comparing(WorkStepView::dueOn).thenComparing(WorkStepView::itemId));
        }
        List<WorkStepView> shown = items.size() > page.fetchSize() ? items.subList(0, page.fetchSize()) : items;
        return Page.of(shown, page, v -> new Cursor(v.dueOn().toString(), v.itemId()), v -> v);
    }

    private List<WorkStepView> waitingSteps(String side, LocalDate asOf, PageRequest page, Caller caller) {
        List<UUID> templateIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Map<UUID, TemplateCatalog.Version> versions = new HashMap<>();
        for (TemplateCatalog.Version version : templates.all()) {
            versions.put(version.id(), version);
            WorkflowDefinition definition = version.definition();
            for (int p = 1; p <= definition.steps().size(); p++) {
                WorkflowDefinition.Role role = definition.role(definition.step(p).assigneeRole()).orElse(null);
                if (role != null && WorkList.waitsFor(role, side, caller.hasRole(Roles.ADMIN), caller.roles())) {
                    templateIds.add(version.id());
                    positions.add(p);
                }
            }
        }
        if (templateIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                select s.instance_id, s.position, s.due_on, i.client_id, i.template_id
                from workflow_step s
                join workflow_instance i on i.id = s.instance_id
                join client_directory d on d.client_id = i.client_id
                join unnest(?, ?) as w(template_id, position) on w.template_id = i.template_id and w.position = s.position
                where s.status = 'ACTIVE' and i.status = 'RUNNING'""");
        List<Object> args = new ArrayList<>();
        args.add(templateIds.toArray(UUID[]::new));
        args.add(positions.toArray(Integer[]::new));
        caller.portfolioOwner().ifPresent(owner -> {
            sql.append(" and (d.owner_cse = ? or d.owner_cam = ?)");
            args.add(owner);
            args.add(owner);
        });
        if (page.after() != null) {
            sql.append(" and (s.due_on, s.instance_id) > (?, ?)");
            args.add(cursorDate(page.after()));
            args.add(page.after().uuid());
        }
        sql.append(" order by s.due_on, s.instance_id limit ?");
        args.add(page.fetchSize());
        List<Object[]> rows = rows(sql, args);
        Map<UUID, DirectoryEntry> clients = directory.findAll(rows.stream().map(r -> (UUID) r[3]).distinct().toList());
        return rows.stream().map(r -> {
            TemplateCatalog.Version version = versions.get((UUID) r[4]);
            WorkflowDefinition.Step step = version.definition().step(((Number) r[1]).intValue());
            WorkflowDefinition.Role role = version.definition().role(step.assigneeRole()).orElseThrow();
            LocalDate due = date(r[2]);
            DirectoryEntry client = clients.get((UUID) r[3]);
            return new WorkStepView(WorkStepView.WORKFLOW_STEP, r[0].toString(), null, r[3].toString(),
                    client == null ? null : client.name(), version.key(), version.definition().name(),
                    ((Number) r[1]).intValue(), step.name(), step.type().name(), step.assigneeRole(), role.side().name(), due,
                    due.isBefore(asOf), ChronoUnit.DAYS.between(asOf, due));
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(StringBuilder sql, List<Object> args) {
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        return query.getResultList();
    }

    private static LocalDate cursorDate(Cursor cursor) {
        try {
            return LocalDate.parse(cursor.sortValue());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("cursor", "is not a cursor of this list");
        }
    }

    private static Instant cursorInstant(Cursor cursor) {
        try {
            return Instant.parse(cursor.sortValue());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("cursor", "is not a cursor of this list");
        }
    }
}
