package io.rhythm.planning.service;

import io.rhythm.planning.domain.OpportunityStage;
import io.rhythm.planning.domain.StageMovement;
import io.rhythm.planning.domain.StageMovement.Movement;
import io.rhythm.platform.events.payload.Money;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The portfolio's pipeline stage movement over a window (seed 000's early warning): every opportunity of the
 * plans in the caller's portfolio (CSE/CAM: their clients) classified by {@link StageMovement} from its stage
 * history, by client name.
 */
@ApplicationScoped
public class StageMovements {

    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    public record Item(String opportunityId, String planId, String clientId, String clientName, String ownerCse,
                       String segment, String name, Money value, String owner, String movement, String stageAtSince,
                       String stage, int stageChanges, Instant lastStageChangeAt, long daysSinceStageChange) {
    }

    /** How many opportunities moved each way (all of them, whatever the page or movement filter), and one page. */
    public record Result(Map<String, Integer> counts, Page<Item> page) {
    }

    public Result movements(LocalDate since, LocalDate asOf, String owner, String segment, Set<Movement> wanted,
                            PageRequest page) {
        Instant from = since.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        StringBuilder sql = new StringBuilder("select o.id, o.plan_id, o.client_id, d.name, d.owner_cse, s.segment, o.name, "
                + "o.value_amount, o.currency, o.owner, h.stage, h.changed_at from account_plan p "
                + "join client_directory d on d.client_id = p.client_id join plan_opportunity o on o.plan_id = p.id "
                + "join plan_opportunity_stage h on h.opportunity_id = o.id "
                + "left join client_segment s on s.client_id = o.client_id where h.changed_at < ?");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(to)));
        caller.portfolioOwner().ifPresent(me -> owner(sql, args, me));
        if (owner != null) {
            owner(sql, args, owner);
        }
        if (segment != null) {
            sql.append(" and s.segment = ?");
            args.add(segment);
        }
        sql.append(" order by o.id, h.seq");
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        Map<UUID, Object[]> opportunities = new LinkedHashMap<>();
        Map<UUID, List<StageMovement.Step>> histories = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            UUID id = (UUID) r[0];
            opportunities.putIfAbsent(id, r);
            histories.computeIfAbsent(id, k -> new ArrayList<>()).add(new StageMovement.Step(
                    OpportunityStage.valueOf((String) r[10]), io.rhythm.platform.persistence.SqlValues.instant(r[11])));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Movement m : Movement.values()) {
            counts.put(m.name(), 0);
        }
        List<Item> items = new ArrayList<>();
        opportunities.forEach((id, r) -> StageMovement.of(histories.get(id), from, to).ifPresent(result -> {
            counts.merge(result.movement().name(), 1, Integer::sum);
            if (wanted.contains(result.movement())) {
                items.add(new Item(id.toString(), r[1].toString(), r[2].toString(), (String) r[3], (String) r[4],
                        (String) r[5], (String) r[6], Money.of((java.math.BigDecimal) r[7], (String) r[8]), (String) r[9],
                        result.movement().name(), result.stageAtStart() == null ? null : result.stageAtStart().name(),
                        result.stage().name(), result.stageChanges(), result.lastStageChange(), result.daysSinceStageChange()));
            }
        }));
        items.sort(Comparator.comparing(Item::clientName).thenComparing(Item::opportunityId));
        List<Item> after = page.after() == null ? items : items.stream()
                .filter(i -> i.clientName().compareTo(page.after().sortValue()) > 0
                        || (i.clientName().equals(page.after().sortValue()) && i.opportunityId().compareTo(page.after().id()) > 0))
                .toList();
        List<Item> fetched = after.subList(0, Math.min(after.size(), page.fetchSize()));
        return new Result(counts, Page.of(fetched, page, i -> new Cursor(i.clientName(), i.opportunityId()), i -> i));
    }

    private static void owner(StringBuilder sql, List<Object> args, String owner) {
        sql.append(" and (d.owner_cse = ? or d.owner_cam = ?)");
        args.add(owner);
        args.add(owner);
    }
}
