package io.rhythm.planning.service;

import io.agroal.api.AgroalDataSource;
import io.rhythm.planning.domain.FiscalYear;
import io.rhythm.planning.domain.OpportunityStage;
import io.rhythm.planning.domain.PortfolioMetrics;
import io.rhythm.planning.domain.PortfolioMetrics.AttritionItem;
import io.rhythm.planning.domain.PortfolioMetrics.PipelineItem;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads the registers of the plans in the caller's portfolio (CSE/CAM: their clients) and the filters'
 * scope, and computes the portfolio figures with the pure rules of {@link PortfolioMetrics}.
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
        List<PipelineItem> pipeline = new ArrayList<>();
        List<AttritionItem> risks = new ArrayList<>();
        Map<UUID, String> names = new HashMap<>();
        Map<String, BigDecimal> maintenanceByFy = new TreeMap<>();
        Map<String, BigDecimal> wonByFy = new TreeMap<>();
        BigDecimal maintenance = BigDecimal.ZERO;
        int plans = 0;
        try (Connection c = dataSource.getConnection()) {
            String opportunities = before == null
                    ? "select o.client_id, d.name, o.owner, o.value_amount, o.probability, o.stage, p.fiscal_year" + from
                      + " join plan_opportunity o on o.plan_id = p.id" + where + " and o.currency = ?"
                    : "select o.client_id, d.name, o.owner, o.value_amount, h.probability, h.stage, p.fiscal_year" + from
                      + " join plan_opportunity o on o.plan_id = p.id join lateral (select s.stage, s.probability from "
                      + "plan_opportunity_stage s where s.opportunity_id = o.id and s.changed_at < ? order by s.seq desc limit 1)"
                      + " h on true" + where + " and o.currency = ?";
            try (ResultSet rs = query(c, opportunities, args(before, args, scope.currency()))) {
                while (rs.next()) {
                    UUID client = rs.getObject(1, UUID.class);
                    names.put(client, rs.getString(2));
                    PipelineItem item = new PipelineItem(client, rs.getString(3), rs.getBigDecimal(4), rs.getInt(5),
                            OpportunityStage.valueOf(rs.getString(6)));
                    pipeline.add(item);
                    if (item.stage() == OpportunityStage.CLOSED_WON) {
                        wonByFy.merge(rs.getString(7), item.value(), BigDecimal::add);
                    }
                }
            }
            String risksSql = before == null
                    ? "select r.client_id, r.fiscal_year, r.status, r.amount, r.probability" + from
                      + " join plan_risk r on r.plan_id = p.id" + where + " and r.currency = ?"
                    : "select r.client_id, h.fiscal_year, h.status, h.amount, h.probability" + from
                      + " join plan_risk r on r.plan_id = p.id join lateral (select x.fiscal_year, x.status, x.amount, "
                      + "x.probability, x.currency from plan_risk_history x where x.risk_id = r.id and x.changed_at < ? "
                      + "order by x.seq desc limit 1) h on true" + where + " and h.currency = ?";
            try (ResultSet rs = query(c, risksSql, args(before, args, scope.currency()))) {
                while (rs.next()) {
                    risks.add(new AttritionItem(rs.getObject(1, UUID.class), rs.getString(2),
                            RiskStatus.valueOf(rs.getString(3)), rs.getBigDecimal(4), rs.getInt(5)));
                }
            }
            try (ResultSet rs = query(c, "select p.fiscal_year, p.maintenance_revenue" + from + where
                    + " and (p.maintenance_revenue is null or p.currency = ?)" + (before == null ? "" : " and p.created_at < ?"),
                    before == null ? append(args, scope.currency()) : append(append(args, scope.currency()), Timestamp.from(before)))) {
                while (rs.next()) {
                    plans++;
                    BigDecimal amount = rs.getBigDecimal(2);
                    if (amount != null) {
                        maintenance = maintenance.add(amount);
                        maintenanceByFy.merge(rs.getString(1), amount, BigDecimal::add);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the portfolio's registers", e);
        }
        PortfolioMetrics metrics = PortfolioMetrics.compute(pipeline, risks, conversionRate);
        TreeSet<String> years = new TreeSet<>(maintenanceByFy.keySet());
        metrics.fiscalYears().forEach(fy -> years.add(FiscalYear.canonical(fy)));
        List<RetentionRates> retention = new ArrayList<>();
        for (String fy : years) {
            PortfolioMetrics ofYear = PortfolioMetrics.compute(List.of(),
                    risks.stream().filter(r -> FiscalYear.canonical(r.fiscalYear()).equals(fy)).toList(), conversionRate);
            retention.add(RetentionRates.of(fy, maintenanceByFy.getOrDefault(fy, BigDecimal.ZERO),
                    ofYear.confirmedAttrition().add(ofYear.atRiskWeightedAttrition()), wonByFy.getOrDefault(fy, BigDecimal.ZERO)));
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
