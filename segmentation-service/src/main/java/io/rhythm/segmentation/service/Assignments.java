package io.rhythm.segmentation.service;

import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.segmentation.api.AssignmentListItem;
import io.rhythm.segmentation.api.AssignmentView;
import io.rhythm.segmentation.api.ClientSegmentView;
import io.rhythm.segmentation.api.SapRequiredView;
import io.rhythm.segmentation.domain.ActivityType;
import io.rhythm.segmentation.domain.ClientSegmentState;
import io.rhythm.segmentation.domain.Segment;
import io.rhythm.segmentation.domain.SegmentAssignment;
import io.rhythm.segmentation.domain.SegmentDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of clients' segments: one client with its history, the assignments list, the clients needing a SAP. */
@ApplicationScoped
public class Assignments {

    private static final String FROM = " from client_directory d left join client_segment_state s on s.client_id = d.client_id";
    private static final String COLUMNS = "d.client_id, d.name, d.owner_cse, d.owner_cam, s.segment, s.segment_since, "
            + "s.computed_segment, s.computed_reason, s.override_segment, s.override_reason, s.override_from, s.override_expires, "
            + "s.override_by, d.arr_amount, d.arr_currency";

    @Inject
    EntityManager em;
    @Inject
    ModelRegistry models;

    public ClientSegmentView client(DirectoryEntry client) {
        ClientSegmentState state = ClientSegmentState.findById(client.clientId());
        List<AssignmentView> history = SegmentAssignment.history(client.clientId()).stream().map(AssignmentView::of).toList();
        Segment segment = state == null ? null : state.segment;
        ClientSegmentView.Assessment assessment = state == null ? null : new ClientSegmentView.Assessment(
                state.computedSegment == null ? "UNASSIGNED" : state.computedSegment.name(), state.computedReason,
                state.satisfaction, state.satisfactionBand == null ? null : state.satisfactionBand.name(),
                state.spendBand == null ? null : state.spendBand.name(), state.modelVersion,
                state.pendingSegment == null ? null : state.pendingSegment.name(), state.pendingCount, state.pendingSince);
        ClientSegmentView.OverrideView override = state == null || state.overrideSegment == null ? null
                : new ClientSegmentView.OverrideView(state.overrideSegment.name(), state.overrideReason, state.overrideFrom,
                state.overrideExpires, state.overrideBy);
        ClientSegmentView.Strategy strategy = null;
        if (segment != null) {
            int version = models.activeVersion();
            SegmentDefinition d = models.model(version).segment(segment);
            Map<String, String> cadences = new LinkedHashMap<>();
            for (ActivityType type : ActivityType.values()) {
                cadences.put(type.name(), d.cadence(type).name());
            }
            strategy = new ClientSegmentView.Strategy(version, d.definition(), d.csStrategy(), d.salesStrategy(), cadences);
        }
        return new ClientSegmentView(client.clientId().toString(), client.name(), segment == null ? "UNASSIGNED" : segment.name(),
                segment == null ? "Unassigned" : segment.displayName(), segment != null && segment.sapRequired(),
                state == null ? null : state.segmentSince, assessment, override, strategy,
                history.isEmpty() ? null : history.get(0), history);
    }

    /** The caller's clients by name with their segment; filters: segment (or UNASSIGNED), owner, sapRequired, overridden. */
    public Page<AssignmentListItem> list(Caller caller, String segment, String owner, Boolean sapRequired, Boolean overridden,
                                         PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        filters(caller, segment, owner, sapRequired, overridden, where, args);
        if (page.after() != null) {
            where.append(" and (d.name, d.client_id) > (?").append(args.size() + 1).append(", ?").append(args.size() + 2).append(")");
            args.add(page.after().sortValue());
            args.add(page.after().uuid());
        }
        var query = em.createNativeQuery("select " + COLUMNS + FROM + where + " order by d.name, d.client_id limit " + page.fetchSize());
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        List<AssignmentListItem> rows = ((List<?>) query.getResultList()).stream().map(r -> item((Object[]) r)).toList();
        return Page.of(rows, page, i -> new Cursor(i.clientName(), i.clientId()), i -> i);
    }

    public SapRequiredView sapRequired(Caller caller, String owner, PageRequest page) {
        Page<AssignmentListItem> items = list(caller, null, owner, true, null, page);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        filters(caller, null, owner, true, null, where, args);
        var query = em.createNativeQuery("select count(*), coalesce(sum(d.arr_amount), 0)" + FROM + where);
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        Object[] totals = (Object[]) query.getSingleResult();
        return new SapRequiredView(items.items(), items.nextCursor(), ((Number) totals[0]).intValue(),
                Money.of((BigDecimal) totals[1], models.active().spendCurrency()));
    }

    private static void filters(Caller caller, String segment, String owner, Boolean sapRequired, Boolean overridden,
                                StringBuilder where, List<Object> args) {
        caller.portfolioOwner().ifPresent(me -> {
            where.append(" and (d.owner_cse = ?").append(args.size() + 1).append(" or d.owner_cam = ?").append(args.size() + 1).append(")");
            args.add(me);
        });
        if (owner != null) {
            where.append(" and (d.owner_cse = ?").append(args.size() + 1).append(" or d.owner_cam = ?").append(args.size() + 1).append(")");
            args.add(owner);
        }
        if (segment != null) {
            if (segment.trim().equalsIgnoreCase("UNASSIGNED")) {
                where.append(" and s.segment is null");
            } else {
                Segment parsed = Segment.parse(segment).orElseThrow(() -> ApiException.invalid("segment",
                        "must be UNASSIGNED or one of " + Arrays.toString(Segment.values())));
                where.append(" and s.segment = ?").append(args.size() + 1);
                args.add(parsed.name());
            }
        }
        if (sapRequired != null) {
            where.append(sapRequired ? " and s.segment in ('MAINTAIN', 'NURTURE', 'SLEEPING_GIANTS')"
                    : " and (s.segment is null or s.segment not in ('MAINTAIN', 'NURTURE', 'SLEEPING_GIANTS'))");
        }
        if (overridden != null) {
            where.append(overridden ? " and s.override_segment is not null" : " and s.override_segment is null");
        }
    }

    private static AssignmentListItem item(Object[] c) {
        Segment segment = c[4] == null ? null : Segment.valueOf((String) c[4]);
        ClientSegmentView.OverrideView override = c[8] == null ? null : new ClientSegmentView.OverrideView((String) c[8],
                (String) c[9], SqlValues.localDate(c[10]), SqlValues.localDate(c[11]), (String) c[12]);
        return new AssignmentListItem(((UUID) c[0]).toString(), (String) c[1], (String) c[2], (String) c[3],
                segment == null ? "UNASSIGNED" : segment.name(), segment == null ? "Unassigned" : segment.displayName(),
                segment != null && segment.sapRequired(), SqlValues.instant(c[5]), c[6] == null ? "UNASSIGNED" : (String) c[6],
                (String) c[7], override, c[13] == null ? null : Money.of((BigDecimal) c[13], (String) c[14]));
    }

}
