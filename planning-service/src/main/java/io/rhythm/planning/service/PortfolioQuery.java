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
import java.util.ArrayList;
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

    /** Which plans count: all of them null-filtered; {@code owner} is a CSE/CAM whose clients are taken. */
    public record Scope(String owner, String segment, String fiscalYear, String currency) {
    }

    /** The figures with what the callers need to show them. */
    public record Result(PortfolioMetrics metrics, Map<UUID, String> clientNames, BigDecimal maintenanceRevenue,
                         List<RetentionRates> retention, int plans) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Caller caller;

    public Result metrics(Scope scope, BigDecimal conversionRate) {
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
            try (ResultSet rs = query(c, "select o.client_id, d.name, o.owner, o.value_amount, o.probability, o.stage, p.fiscal_year"
                    + from + " join plan_opportunity o on o.plan_id = p.id" + where + " and o.currency = ?", args, scope.currency())) {
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
            try (ResultSet rs = query(c, "select r.client_id, r.fiscal_year, r.status, r.amount, r.probability"
                    + from + " join plan_risk r on r.plan_id = p.id" + where + " and r.currency = ?", args, scope.currency())) {
                while (rs.next()) {
                    risks.add(new AttritionItem(rs.getObject(1, UUID.class), rs.getString(2),
                            RiskStatus.valueOf(rs.getString(3)), rs.getBigDecimal(4), rs.getInt(5)));
                }
            }
            try (ResultSet rs = query(c, "select p.fiscal_year, p.maintenance_revenue" + from + where
                    + " and (p.maintenance_revenue is null or p.currency = ?)", args, scope.currency())) {
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

    private static ResultSet query(Connection c, String sql, List<Object> args, Object last) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        int i = 1;
        for (Object arg : args) {
            ps.setObject(i++, arg);
        }
        ps.setObject(i, last);
        ps.closeOnCompletion();
        return ps.executeQuery();
    }
}
