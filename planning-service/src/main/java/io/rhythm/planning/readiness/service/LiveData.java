package io.rhythm.planning.readiness.service;

import io.agroal.api.AgroalDataSource;
import io.rhythm.planning.readiness.domain.ClientFacts;
import io.rhythm.planning.readiness.domain.ReadinessScoring;
import io.rhythm.planning.readiness.domain.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the facts of an assessment's scope from planning-service's own tables and projections, in a few statements. */
@ApplicationScoped
public class LiveData {

    /** Which clients: all (restricted to an owner for a CSE/CAM), one region, or one CSE's portfolio. */
    public record Scope(String kind, String value, String restrictedTo) {
    }

    @Inject
    AgroalDataSource dataSource;

    public List<ClientFacts> clients(Scope scope, LocalDate asOf) {
        StringBuilder sql = new StringBuilder("""
                select d.client_id, d.name, d.tier, d.owner_cse, d.owner_cam, d.renewal_date, d.arr_amount, d.arr_currency,
                       h.band, h.score,
                       (select count(*) from account_plan p where p.client_id = d.client_id),
                       (select count(*) from contact_directory c where c.client_id = d.client_id and c.active),
                       (select count(*) from contact_directory c where c.client_id = d.client_id and c.active
                            and cardinality(c.stakeholder_roles) > 0),
                       (select count(*) from workflow_instance i join workflow_template t on t.id = i.template_id
                            where i.client_id = d.client_id and t.template_key = 'qbr' and i.status = 'COMPLETED'
                            and i.ended_at >= ? and i.ended_at < ?),
                       (select count(*) from workflow_instance i join workflow_template t on t.id = i.template_id
                            where i.client_id = d.client_id and t.template_key = 'client-health-check'
                            and i.started_at >= ? and i.started_at < ?),
                       (select count(*) from readiness_expansion_signal e where e.client_id = d.client_id
                            and e.raised_at >= ? and e.raised_at < ?),
                       (select count(*) from plan_opportunity o where o.client_id = d.client_id
                            and o.type in ('UPSELL', 'CROSS_SELL', 'NEW_MODULE') and o.stage <> 'CLOSED_LOST' and o.created_at < ?),
                       d.lifecycle_stage,
                       (select count(*) from account_plan p where p.client_id = d.client_id
                            and coalesce(btrim(p.engagement_plan), '') <> '')
                from client_directory d left join readiness_client_health h on h.client_id = d.client_id
                where true""");
        Timestamp end = ts(asOf.plusDays(1));
        List<Object> args = new ArrayList<>(List.of(ts(asOf.minusMonths(6)), end, ts(asOf.minusDays(90)), end,
                ts(asOf.minusDays(90)), end, end));
        if (scope.restrictedTo() != null) {
            sql.append(" and (d.owner_cse = ? or d.owner_cam = ?)");
            args.add(scope.restrictedTo());
            args.add(scope.restrictedTo());
        }
        if ("REGION".equals(scope.kind())) {
            sql.append(" and d.region = ?");
            args.add(scope.value());
        } else if ("CSE".equals(scope.kind())) {
            sql.append(" and d.owner_cse = ?");
            args.add(scope.value());
        } else if ("SEGMENT".equals(scope.kind())) {
            sql.append(" and exists (select 1 from client_segment s where s.client_id = d.client_id and s.segment = ?)");
            args.add(scope.value());
        }
        sql.append(" order by d.arr_amount desc nulls last, d.name, d.client_id");
        List<ClientFacts> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date renewal = rs.getDate(6);
                    Number score = (Number) rs.getObject(10);
                    rows.add(new ClientFacts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), renewal == null ? null : renewal.toLocalDate(), rs.getBigDecimal(7),
                            rs.getString(8), rs.getString(9), score == null ? null : score.doubleValue(), rs.getInt(11),
                            rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16), rs.getInt(17),
                            rs.getString(18), rs.getInt(19)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read readiness facts", e);
        }
        return rows;
    }

    /** Issues of the scope's clients: the open ones (for the log) and the figures (for the criteria). */
    public record Issues(List<Snapshot.Issue> open, ReadinessScoring.IssueFigures figures) {
    }

    public Issues issues(List<ClientFacts> clients, LocalDate asOf) {
        Map<String, String> names = clients.stream().collect(Collectors.toMap(ClientFacts::clientId, ClientFacts::name, (a, b) -> a));
        List<Snapshot.Issue> open = new ArrayList<>();
        int openCount = 0;
        int withOwner = 0;
        int closed = 0;
        int withinSla = 0;
        String sql = """
                select client_id, kind, issue_type, severity, owner, status, opened_at, closed_at, sla_breached, reason
                from readiness_issue where client_id = any (?) and opened_at < ? order by opened_at""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", clients.stream().map(f -> UUID.fromString(f.clientId())).toArray()));
            ps.setTimestamp(2, ts(asOf.plusDays(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp closedAt = rs.getTimestamp(8);
                    boolean breached = rs.getBoolean(9);
                    boolean isOpen = closedAt == null || closedAt.toInstant().isAfter(ts(asOf.plusDays(1)).toInstant());
                    if (isOpen) {
                        openCount++;
                        if (rs.getString(5) != null) {
                            withOwner++;
                        }
                        String clientId = rs.getString(1);
                        var opened = rs.getTimestamp(7).toInstant();
                        open.add(new Snapshot.Issue(clientId, names.get(clientId), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), opened,
                                ChronoUnit.DAYS.between(opened.atZone(ZoneOffset.UTC).toLocalDate(), asOf), breached,
                                rs.getString(10)));
                    } else {
                        closed++;
                        if (!breached) {
                            withinSla++;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read readiness issues", e);
        }
        return new Issues(open, new ReadinessScoring.IssueFigures(openCount, withOwner, closed, withinSla));
    }

    /** Up to 5 contacts (stakeholders first) of each of the given clients. */
    public Map<String, List<Snapshot.Contact>> contacts(List<String> clientIds) {
        Map<String, List<Snapshot.Contact>> out = new java.util.HashMap<>();
        String sql = """
                select client_id, name, title, stakeholder_roles from contact_directory
                where client_id = any (?) and active order by client_id, cardinality(stakeholder_roles) desc, name""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", clientIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Snapshot.Contact> list = out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    if (list.size() < 5) {
                        String[] roles = (String[]) rs.getArray(4).getArray();
                        list.add(new Snapshot.Contact(rs.getString(2), rs.getString(3), Arrays.asList(roles)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read contacts", e);
        }
        return out;
    }

    private static Timestamp ts(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }
}
