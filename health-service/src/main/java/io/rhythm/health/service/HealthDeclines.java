package io.rhythm.health.service;

import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Seed 000's early warning "client health score changes (> 10 % decline)" over the portfolio in one read: per client,
 * the score at the end of {@code asOf} (UTC) against the score at the start of the window ({@code days} earlier),
 * from the score history. A client counts when it had a score at both ends; it is listed when the fall exceeds
 * {@code threshold} % of the earlier score. Row-level: a CSE or CAM sees their clients only.
 */
@ApplicationScoped
public class HealthDeclines {

    private static final String FROM = " from client c left join client_segment s on s.client_id = c.id"
            + " cross join lateral (select score, scored_at from health_score where client_id = c.id and scored_at < ?"
            + " order by scored_at desc, id desc limit 1) n"
            + " cross join lateral (select score from health_score where client_id = c.id and scored_at <= ?"
            + " order by scored_at desc, id desc limit 1) b where b.score > 0";

    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    public record Decline(String clientId, String name, String ownerCse, String ownerCam, String segment,
                          BigDecimal previousScore, BigDecimal score, BigDecimal declinePercent, Instant scoredAt) {
    }

    /** One page of declining clients (by name), and how many clients had a score at both ends. */
    public record Result(long compared, Page<Decline> page) {
    }

    public Result declines(LocalDate asOf, int days, BigDecimal threshold, String owner, String segment, PageRequest page) {
        Instant end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant start = end.minus(java.time.Duration.ofDays(days));
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(end), Timestamp.from(start)));
        caller.portfolioOwner().ifPresent(me -> owner(where, args, me));
        if (owner != null) {
            owner(where, args, owner);
        }
        if (segment != null) {
            where.append(" and s.segment = ?");
            args.add(segment);
        }
        long compared = ((Number) query("select count(*)" + FROM + where, args).get(0)).longValue();

        List<Object> itemArgs = new ArrayList<>(args);
        StringBuilder items = new StringBuilder(where).append(" and (b.score - n.score) * 100 > ? * b.score");
        itemArgs.add(threshold);
        if (page.after() != null) {
            items.append(" and (c.name, c.id) > (?, ?)");
            itemArgs.add(page.after().sortValue());
            itemArgs.add(page.after().uuid());
        }
        List<Decline> rows = new ArrayList<>();
        for (Object row : query("select c.id, c.name, c.owner_cse, c.owner_cam, s.segment, b.score, n.score, n.scored_at"
                + FROM + items + " order by c.name, c.id limit " + page.fetchSize(), itemArgs)) {
            Object[] r = (Object[]) row;
            BigDecimal before = (BigDecimal) r[5];
            BigDecimal now = (BigDecimal) r[6];
            rows.add(new Decline(((UUID) r[0]).toString(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    before, now, declinePercent(before, now), SqlValues.instant(r[7])));
        }
        return new Result(compared, Page.of(rows, page, d -> new Cursor(d.name(), d.clientId()), d -> d));
    }

    /** The fall in % of the earlier score, to one decimal (half up); negative when the score rose. */
    public static BigDecimal declinePercent(BigDecimal before, BigDecimal now) {
        return before.subtract(now).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }

    private static void owner(StringBuilder where, List<Object> args, String owner) {
        where.append(" and (c.owner_cse = ? or c.owner_cam = ?)");
        args.add(owner);
        args.add(owner);
    }

    private List<?> query(String sql, List<Object> args) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        return query.getResultList();
    }
}
