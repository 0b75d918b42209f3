package io.rhythm.planning.service;

import io.agroal.api.AgroalDataSource;
import io.rhythm.planning.domain.FiscalYear;
import io.rhythm.planning.domain.OpportunityStage;
import io.rhythm.planning.domain.PortfolioMetrics;
import io.rhythm.planning.domain.PortfolioMetrics.Sums;
import io.rhythm.planning.domain.RetentionRates;
import io.rhythm.planning.domain.RiskStatus;
import io.rhythm.platform.web.paging.Cursor;
import io.rhythm.platform.web.paging.Page;
import io.rhythm.platform.web.paging.PageRequest;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the registers of the plans in the caller's portfolio (CSE/CAM: their clients) and the filters'
 * scope, and computes the portfolio figures with the pure rules of {@link PortfolioMetrics}. The database sums the
 * registers (per client, per opportunity owner, per plan fiscal year; risks per status and label): every figure is
 * linear in the rows, so the sums give the same exact figures as row by row, and only a few thousand rows leave it.
 */
@ApplicationScoped
public class PortfolioQuery {

    /**
     * Which plans count: all of them null-filtered; {@code owner} is a CSE/CAM whose clients are taken;
     * {@code clientIds} (null: no such filter) limits them to those clients (e.g. a readiness assessment's scope).
     */
    public record Scope(String owner, String segment, String fiscalYear, String currency, Collection<UUID> clientIds) {

        public Scope(String owner, String segment, String fiscalYear, String currency) {
            this(owner, segment, fiscalYear, currency, null);
        }
    }

    /**
     * The figures with what the callers need to show them. {@code topClients}: the first clients with open pipeline in
     * the order of {@link #clients} (weighted pipeline descending, then client id), at most as many as asked;
     * {@code clientsWithPipeline}: how many clients have open pipeline in all. The per-client figures are not in
     * {@code metrics} (its weightedPipelineByClient is empty here): the database ranks and pages them.
     */
    public record Result(PortfolioMetrics metrics, BigDecimal maintenanceRevenue, List<RetentionRates> retention,
                         int plans, List<ClientSums> topClients, int clientsWithPipeline) {
    }

    /** One client's open pipeline: how many opportunities, their value and their weighted value (exact). */
    public record ClientSums(UUID clientId, String clientName, int openOpportunities, BigDecimal openValue,
                             BigDecimal weightedPipeline) {
    }

    /** The registers as they are now, without the per-client ranking (only the count of clients with pipeline). */
    public Result metrics(Scope scope, BigDecimal conversionRate) {
        return metrics(scope, conversionRate, null, 0);
    }

    /** grouping(owner, fiscal year) of the rows per owner (the other set: per plan fiscal year). */
    private static final int BY_OWNER = 0b01;
    /** Memory per sort or hash of the metrics' statements (PostgreSQL's default 4 MB spills 10,000 clients' sums). */
    private static final String WORK_MEM = "32MB";
    /** The closed stages as an SQL list. */
    private static final String CLOSED = Arrays.stream(OpportunityStage.values()).filter(OpportunityStage::closed)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Caller caller;

    /**
     * The figures from the registers as they stood just before {@code before} (null: as they are now): plans and
     * opportunities created by then, each opportunity at its last stage and probability of the stage history by
     * then, each risk at its last state of the risk history by then. Amounts of opportunities and the plans'
     * maintenance revenue have no history: they are read as they are now. {@code topClients}: how many clients of
     * the ranking to return (0: none, only their count).
     */
    public Result metrics(Scope scope, BigDecimal conversionRate, Instant before, int topClients) {
        Filter filter = filter(scope);
        return withConnection(c -> {
            Result result = metrics(c, filter, scope, conversionRate, before);
            List<ClientSums> ranked = new ArrayList<>();
            int total = clientRows(c, filter, scope, before, null, Math.max(topClients, 1), ranked);
            return new Result(result.metrics(), result.maintenanceRevenue(), result.retention(), result.plans(),
                    List.copyOf(ranked.subList(0, Math.min(topClients, ranked.size()))), total);
        });
    }

    /**
     * One page of the clients with open pipeline in the scope, weighted pipeline descending, then client id (the
     * ranking of {@link Result#topClients()}): every client once, so the pages add up to the totals.
     */
    public Page<ClientSums> clients(Scope scope, Instant before, PageRequest page) {
        Filter filter = filter(scope);
        List<ClientSums> rows = new ArrayList<>();
        withConnection(c -> clientRows(c, filter, scope, before, page.after(), page.fetchSize(), rows));
        return Page.of(rows, page, r -> new Cursor(r.weightedPipeline().movePointRight(2).toPlainString(),
                r.clientId().toString()), r -> r);
    }

    /** Where the plans of the scope and the caller's portfolio come from, and the filters' values in order. */
    private record Filter(String from, String where, List<Object> args) {
    }

    private Filter filter(Scope scope) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        caller.portfolioOwner().ifPresent(me -> {
            where.append(" and (d.owner_cse = ? or d.owner_cam = ?)");
            args.add(me);
            args.add(me);
        });
        if (scope.owner() != null) {
            where.append(" and (d.owner_cse = ? or d.owner_cam = ?)");
            args.add(scope.owner());
            args.add(scope.owner());
        }
        if (scope.fiscalYear() != null) {
            where.append(" and p.fiscal_year = ?");
            args.add(FiscalYear.canonical(scope.fiscalYear()));
        }
        if (scope.clientIds() != null) {
            where.append(" and p.client_id = any (?)");
            args.add(scope.clientIds().toArray(UUID[]::new));
        }
        String from = " from account_plan p join client_directory d on d.client_id = p.client_id";
        if (scope.segment() != null) {
            from += " join client_segment s on s.client_id = p.client_id";
            where.append(" and s.segment = ?");
            args.add(scope.segment());
        }
        return new Filter(from, where.toString(), args);
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            // the grouping keeps hash tables of numeric sums (10,000 clients): enough memory not to spill to disk
            try (Statement s = c.createStatement()) {
                s.execute("set work_mem = '" + WORK_MEM + "'");
            }
            try {
                return work.run(c);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("reset work_mem");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the portfolio's registers", e);
        }
    }

    /**
     * One row per plan, owner and currency (V34's sums kept by a trigger), or per opportunity as of a time (its
     * stage history); either way the same columns: client id and name, owner, plan fiscal year, open count, open
     * value, open weighted value × 100, won value.
     */
    private static String rows(Filter f, Instant before) {
        return before == null
                ? "select d.client_id, d.name, x.owner, p.fiscal_year, x.open_count, x.open_value, x.open_weighted_x100, "
                  + "x.won_value" + f.from() + " join plan_pipeline_sum x on x.plan_id = p.id" + f.where()
                  + " and x.currency = ?"
                : "select d.client_id, d.name, o.owner, p.fiscal_year, case when h.stage in " + CLOSED + " then 0 else 1 end"
                  + " open_count, case when h.stage in " + CLOSED + " then 0 else o.value_amount end open_value, "
                  + "case when h.stage in " + CLOSED + " then 0 else o.value_amount * h.probability end open_weighted_x100, "
                  + "case when h.stage = 'CLOSED_WON' then o.value_amount else 0 end won_value" + f.from()
                  + " join plan_opportunity o on o.plan_id = p.id join lateral (select s.stage, s.probability from "
                  + "plan_opportunity_stage s where s.opportunity_id = o.id and s.changed_at < ? order by s.seq desc limit 1)"
                  + " h on true" + f.where() + " and o.currency = ?";
    }

    /**
     * Clients with open pipeline, weighted pipeline descending then client id, after {@code after} (null: from the
     * first), at most {@code limit} into {@code into}; answers how many clients have open pipeline in all (when
     * reading from the first) or -1. Only the rows asked for leave the database.
     */
    private int clientRows(Connection c, Filter f, Scope scope, Instant before, Cursor after, int limit,
                           List<ClientSums> into) throws SQLException {
        List<Object> args = args(before, f.args(), scope.currency());
        String grouped = "select r.client_id, r.name, sum(r.open_count) open_count, sum(r.open_value) open_value, "
                + "sum(r.open_weighted_x100) weighted_x100 from (" + rows(f, before) + ") r group by r.client_id, r.name"
                + " having sum(r.open_count) > 0";
        String sql = "select g.client_id, g.name, g.open_count, g.open_value, g.weighted_x100, "
                + (after == null ? "count(*) over ()" : "-1") + " from (" + grouped + ") g"
                + (after == null ? "" : " where g.weighted_x100 < ? or (g.weighted_x100 = ? and g.client_id > ?)")
                + " order by g.weighted_x100 desc, g.client_id limit ?";
        if (after != null) {
            BigDecimal sort = after.sortDecimal();
            args.add(sort);
            args.add(sort);
            args.add(after.uuid());
        }
        args.add(limit);
        int total = after == null ? 0 : -1;
        try (ResultSet rs = query(c, sql, args)) {
            while (rs.next()) {
                into.add(new ClientSums(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5).movePointLeft(2)));
                total = rs.getInt(6);
            }
        }
        return total;
    }

    private Result metrics(Connection c, Filter f, Scope scope, BigDecimal conversionRate, Instant before)
            throws SQLException {
        String from = f.from();
        String where = f.where();
        List<Object> args = f.args();
        Sums sums = new Sums();
        Map<String, BigDecimal> maintenanceByFy = new TreeMap<>();
        Map<String, BigDecimal> wonByFy = new TreeMap<>();
        Map<String, BigDecimal> lostByFy = new TreeMap<>();
        BigDecimal maintenance = BigDecimal.ZERO;
        int plans = 0;
        // the rows grouped per owner and per plan fiscal year (per client: clientRows, ranked and limited there)
        String opportunities = "select grouping(r.owner, r.fiscal_year), r.owner, r.fiscal_year, sum(r.open_count), "
                + "sum(r.open_value), sum(r.open_weighted_x100), sum(r.won_value) from (" + rows(f, before)
                + ") r group by grouping sets ((r.owner), (r.fiscal_year))";
        try (ResultSet rs = query(c, opportunities, args(before, args, scope.currency()))) {
            while (rs.next()) {
                int open = rs.getInt(4);
                BigDecimal weighted = rs.getBigDecimal(6).movePointLeft(2);
                if (rs.getInt(1) == BY_OWNER) {
                    if (open > 0) {
                        sums.owner(rs.getString(2), weighted);
                    }
                } else { // per plan fiscal year: each row once, so these make the totals
                    sums.open(open, rs.getBigDecimal(5), weighted).won(rs.getBigDecimal(7));
                    wonByFy.merge(rs.getString(3), rs.getBigDecimal(7), BigDecimal::add);
                }
            }
        }
        String risksSql = "select r.status, r.fiscal_year, sum(r.amount), sum(r.amount * r.probability) from ("
                + (before == null
                ? "select r.status, r.fiscal_year, r.amount, r.probability" + from
                  + " join plan_risk r on r.plan_id = p.id" + where + " and r.currency = ?"
                : "select h.status, h.fiscal_year, h.amount, h.probability" + from
                  + " join plan_risk r on r.plan_id = p.id join lateral (select x.fiscal_year, x.status, x.amount, "
                  + "x.probability, x.currency from plan_risk_history x where x.risk_id = r.id and x.changed_at < ? "
                  + "order by x.seq desc limit 1) h on true" + where + " and h.currency = ?")
                + ") r group by r.status, r.fiscal_year";
        try (ResultSet rs = query(c, risksSql, args(before, args, scope.currency()))) {
            while (rs.next()) {
                RiskStatus status = RiskStatus.valueOf(rs.getString(1));
                BigDecimal amount = rs.getBigDecimal(3);
                BigDecimal weighted = rs.getBigDecimal(4).movePointLeft(2);
                sums.attrition(status, rs.getString(2), amount, weighted);
                BigDecimal lost = switch (status) {
                    case CONFIRMED, REALISED -> amount;
                    case AT_RISK -> weighted;
                    case MITIGATED -> BigDecimal.ZERO;
                };
                lostByFy.merge(FiscalYear.canonical(rs.getString(2)), lost, BigDecimal::add);
            }
        }
        try (ResultSet rs = query(c, "select p.fiscal_year, count(*), sum(p.maintenance_revenue)" + from + where
                + " and (p.maintenance_revenue is null or p.currency = ?)" + (before == null ? "" : " and p.created_at < ?")
                + " group by p.fiscal_year",
                before == null ? append(args, scope.currency()) : append(append(args, scope.currency()), Timestamp.from(before)))) {
            while (rs.next()) {
                plans += rs.getInt(2);
                BigDecimal amount = rs.getBigDecimal(3);
                if (amount != null) {
                    maintenance = maintenance.add(amount);
                    maintenanceByFy.merge(rs.getString(1), amount, BigDecimal::add);
                }
            }
        }
        PortfolioMetrics metrics = sums.metrics(conversionRate);
        TreeSet<String> years = new TreeSet<>(maintenanceByFy.keySet());
        metrics.fiscalYears().forEach(fy -> years.add(FiscalYear.canonical(fy)));
        List<RetentionRates> retention = new ArrayList<>();
        for (String fy : years) {
            retention.add(RetentionRates.of(fy, maintenanceByFy.getOrDefault(fy, BigDecimal.ZERO),
                    lostByFy.getOrDefault(fy, BigDecimal.ZERO), wonByFy.getOrDefault(fy, BigDecimal.ZERO)));
        }
        return new Result(metrics, maintenance, retention, plans, List.of(), 0);
    }

    /** The lateral join's time (when reading as of a time) before the filters' values, then the currency. */
    private static List<Object> args(Instant before, List<Object> filters, String currency) {
        List<Object> all = new ArrayList<>();
        if (before != null) {
            all.add(Timestamp.from(before));
        }
        all.addAll(filters);
        all.add(currency);
        return all;
    }

    private static List<Object> append(List<Object> list, Object last) {
        List<Object> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }

    private static ResultSet query(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        int i = 1;
        for (Object arg : args) {
            if (arg instanceof UUID[] ids) {
                ps.setArray(i++, c.createArrayOf("uuid", ids));
            } else {
                ps.setObject(i++, arg);
            }
        }
        ps.closeOnCompletion();
        return ps.executeQuery();
    }
}
