package io.rhythm.planning.service;

import io.agroal.api.AgroalDataSource;
import io.rhythm.planning.domain.FiscalYear;
import io.rhythm.planning.domain.OpportunityStage;
import io.rhythm.planning.domain.PortfolioMetrics;
import io.rhythm.planning.domain.PortfolioMetrics.Sums;
import io.rhythm.planning.domain.RetentionRates;
import io.rhythm.planning.domain.RiskStatus;
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
import java.util.HashMap;
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

    /** The figures with what the callers need to show them. */
    public record Result(PortfolioMetrics metrics, Map<UUID, String> clientNames, BigDecimal maintenanceRevenue,
                         List<RetentionRates> retention, int plans) {
    }

    /** The registers as they are now. */
    public Result metrics(Scope scope, BigDecimal conversionRate) {
        return metrics(scope, conversionRate, null);
    }

    /** grouping(client, owner, fiscal year) of the rows per client and per owner (the third set: per fiscal year). */
    private static final int BY_CLIENT = 0b011;
    private static final int BY_OWNER = 0b101;
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
     * maintenance revenue have no history: they are read as they are now.
     */
    public Result metrics(Scope scope, BigDecimal conversionRate, Instant before) {
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
        try (Connection c = dataSource.getConnection()) {
            // the grouping keeps three hash tables of numeric sums (10,000 clients): enough memory not to spill to disk
            try (Statement s = c.createStatement()) {
                s.execute("set work_mem = '" + WORK_MEM + "'");
            }
            try {
                return metrics(c, from, where, args, scope, conversionRate, before);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("reset work_mem");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the portfolio's registers", e);
        }
    }

    private Result metrics(Connection c, String from, StringBuilder where, List<Object> args, Scope scope,
                           BigDecimal conversionRate, Instant before) throws SQLException {
        Sums sums = new Sums();
        Map<UUID, String> names = new HashMap<>();
        Map<String, BigDecimal> maintenanceByFy = new TreeMap<>();
        Map<String, BigDecimal> wonByFy = new TreeMap<>();
        Map<String, BigDecimal> lostByFy = new TreeMap<>();
        BigDecimal maintenance = BigDecimal.ZERO;
        int plans = 0;
        // One row per plan, owner and currency (V34's sums kept by a trigger), or per opportunity as of a time (its
        // stage history); either way the same columns, grouped here per client, per owner and per plan fiscal year.
        String rows = before == null
                ? "select d.client_id, d.name, x.owner, p.fiscal_year, x.open_count, x.open_value, x.open_weighted_x100, "
                  + "x.won_value" + from + " join plan_pipeline_sum x on x.plan_id = p.id" + where + " and x.currency = ?"
                : "select d.client_id, d.name, o.owner, p.fiscal_year, case when h.stage in " + CLOSED + " then 0 else 1 end"
                  + " open_count, case when h.stage in " + CLOSED + " then 0 else o.value_amount end open_value, "
                  + "case when h.stage in " + CLOSED + " then 0 else o.value_amount * h.probability end open_weighted_x100, "
                  + "case when h.stage = 'CLOSED_WON' then o.value_amount else 0 end won_value" + from
                  + " join plan_opportunity o on o.plan_id = p.id join lateral (select s.stage, s.probability from "
                  + "plan_opportunity_stage s where s.opportunity_id = o.id and s.changed_at < ? order by s.seq desc limit 1)"
                  + " h on true" + where + " and o.currency = ?";
        String opportunities = "select grouping(r.client_id, r.owner, r.fiscal_year), r.client_id, r.name, r.owner, "
                + "r.fiscal_year, sum(r.open_count), sum(r.open_value), sum(r.open_weighted_x100), sum(r.won_value) from ("
                + rows + ") r group by grouping sets ((r.client_id, r.name), (r.owner), (r.fiscal_year))";
        try (ResultSet rs = query(c, opportunities, args(before, args, scope.currency()))) {
            while (rs.next()) {
                int open = rs.getInt(6);
                BigDecimal weighted = rs.getBigDecimal(8).movePointLeft(2);
                switch (rs.getInt(1)) {
                    case BY_CLIENT -> {
                        if (open > 0) {
                            UUID client = rs.getObject(2, UUID.class);
                            names.put(client, rs.getString(3));
                            sums.client(client, weighted);
                        }
                    }
                    case BY_OWNER -> {
                        if (open > 0) {
                            sums.owner(rs.getString(4), weighted);
                        }
                    }
                    default -> { // per plan fiscal year: each row once, so these make the totals
                        sums.open(open, rs.getBigDecimal(7), weighted).won(rs.getBigDecimal(9));
                        wonByFy.merge(rs.getString(5), rs.getBigDecimal(9), BigDecimal::add);
                    }
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
        return new Result(metrics, names, maintenance, retention, plans);
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
