package io.rhythm.segmentation.service;

import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.segmentation.api.ComplianceView;
import io.rhythm.segmentation.domain.ActivityType;
import io.rhythm.segmentation.domain.CadenceRule;
import io.rhythm.segmentation.domain.Cadence;
import io.rhythm.segmentation.domain.ComplianceStatus;
import io.rhythm.segmentation.domain.Segment;
import io.rhythm.segmentation.domain.SegmentModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Activity Register compliance of the caller's portfolio on a date (see {@link CadenceRule} for the windows). */
@ApplicationScoped
public class Compliance {

    public static final List<String> GROUPS = List.of("client", "cse", "segment", "activityType", "portfolio");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Portfolio portfolio;
    @Inject
    History history;
    @Inject
    ModelRegistry models;
    @ConfigProperty(name = "rhythm.register.due-soon-days", defaultValue = "14")
    int dueSoonDays;

    /** One client × activity type on a date, with the client's segment then. */
    public record Row(Portfolio.Member client, String segment, ComplianceView.Item item) {
    }

    public ComplianceView of(LocalDate asOf, String groupBy, String owner, Caller caller) {
        return of(asOf, groupBy, owner, null, caller);
    }

    /**
     * The register of the caller's portfolio (filtered by {@code owner}), or of the one client {@code clientId} when
     * given: then every statement reads that client's rows only, and a client outside the caller's portfolio gives an
     * empty register (no groups), as the owner filter does.
     */
    public ComplianceView of(LocalDate asOf, String groupBy, String owner, UUID clientId, Caller caller) {
        String group = GROUPS.stream().filter(g -> g.equalsIgnoreCase(groupBy == null ? "client" : groupBy)).findFirst()
                .orElseThrow(() -> ApiException.invalid("groupBy", "must be one of " + String.join(", ", GROUPS)));
        if (!group.equals("client")) {
            if (clientId == null && currentAnswers(asOf)) {
                return rollUp(asOf, group, portfolio.filter(caller, owner, ""), true);
            }
            Portfolio.Filter visible = portfolio.filter(caller, owner, "d");
            return rollUp(asOf, group, clientId == null ? visible : visible.andClient(clientId, "d"), false);
        }
        List<Portfolio.Member> clients = portfolio.visible(caller, owner);
        if (clientId != null) {
            clients = clients.stream().filter(c -> c.clientId().equals(clientId)).toList();
        }
        Map<UUID, History.SegmentAt> segments = clientId == null ? history.segmentsAt(asOf)
                : clients.isEmpty() ? Map.of() : history.segmentsAt(asOf, clientId);
        List<Row> rows = rows(asOf, clients, segments, clientId);
        Map<UUID, List<ComplianceView.Item>> byClient = new LinkedHashMap<>();
        clients.forEach(c -> byClient.put(c.clientId(), new ArrayList<>()));
        rows.forEach(r -> byClient.get(r.client().clientId()).add(r.item()));
        List<ComplianceView.Group> groups = new ArrayList<>();
        for (Portfolio.Member client : clients) {
            History.SegmentAt at = segments.get(client.clientId());
            List<ComplianceView.Item> items = byClient.get(client.clientId());
            groups.add(new ComplianceView.Group(client.clientId().toString(), client.name(),
                    at == null ? "UNASSIGNED" : at.segment().name(), client.ownerCse(), counts(1, statuses(items)), items));
        }
        return new ComplianceView(asOf, group, dueSoonDays, counts(clients.size(), statuses(rows.stream().map(Row::item).toList())),
                groups);
    }

    /** Every client × activity type of {@code clients} on {@code asOf}; clients without a segment then have none. */
    public List<Row> rows(LocalDate asOf, List<Portfolio.Member> clients, Map<UUID, History.SegmentAt> segments) {
        return rows(asOf, clients, segments, null);
    }

    private List<Row> rows(LocalDate asOf, List<Portfolio.Member> clients, Map<UUID, History.SegmentAt> segments, UUID clientId) {
        if (clients.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<ActivityType, LocalDate>> held = lastHeld(asOf, clientId);
        int active = models.activeVersion();
        List<Row> rows = new ArrayList<>();
        for (Portfolio.Member client : clients) {
            History.SegmentAt at = segments.get(client.clientId());
            if (at == null) {
                continue;
            }
            SegmentModel model = models.model(at.modelVersion() == null ? active : at.modelVersion());
            Map<ActivityType, LocalDate> last = held.getOrDefault(client.clientId(), Map.of());
            for (ActivityType type : ActivityType.values()) {
                Cadence cadence = model.segment(at.segment()).cadence(type);
                CadenceRule.Evaluation e = CadenceRule.evaluate(cadence, last.get(type), at.since(), asOf, dueSoonDays);
                rows.add(new Row(client, at.segment().name(), new ComplianceView.Item(type.name(), type.displayName(),
                        cadence.name(), last.get(type), e.nextDue(), e.status().name())));
            }
        }
        return rows;
    }

    /**
     * Whether the maintained current register (V10: {@code register_segment}, {@code register_tally}) answers for
     * {@code asOf}: every client's current segment took effect on or before it, no held activity is dated after it (so
     * the segment and last held date on {@code asOf} are the current ones) and every current segment names its model
     * version. Three index probes.
     */
    public boolean currentAnswers(LocalDate asOf) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select (select max(since) from register_segment), (select max(last_on) from register_last_held),
                       exists (select 1 from register_segment where model_version is null)""")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                LocalDate since = rs.getObject(1, LocalDate.class);
                LocalDate held = rs.getObject(2, LocalDate.class);
                return (since == null || !since.isAfter(asOf)) && (held == null || !held.isAfter(asOf)) && !rs.getBoolean(3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the current Activity Register's dates", e);
        }
    }

    /**
     * A roll-up (cse, segment, activityType, portfolio) of the clients {@code visible} selects (its condition names
     * {@code client_directory}'s columns, without an alias when {@code fromCurrent}), without a row per item. Each
     * path counts items per owner, segment, activity type and status:
     * <ul>
     *   <li>{@code fromCurrent} (only valid when {@link #currentAnswers}): the maintained items per owners, segment,
     *       type and due date ({@code register_tally}, a few thousand rows at 100,000 clients), each due date's
     *       status by {@link CadenceRule#statusOn};</li>
     *   <li>otherwise (the register as it stood on any date): PostgreSQL counts the visible clients' items per owner,
     *       segment, model version, activity type and anchor (the later of the last held activity by {@code asOf} and
     *       the day the client entered its segment then: all that {@link CadenceRule} reads of an item), from the
     *       portfolio's segments on {@code asOf} and {@code register_last_held}; each group's status comes from
     *       {@link CadenceRule} as for a single item.</li>
     * </ul>
     * Both give the figures of the items of {@link #rows}, without reading or building every one of them.
     */
    public ComplianceView rollUp(LocalDate asOf, String group, Portfolio.Filter visible, boolean fromCurrent) {
        Map<String, Tally> groups = new TreeMap<>();
        Tally totals = new Tally();
        Counted counted = (cse, segment, type, status, n) -> {
            String key = switch (group) {
                case "cse" -> cse == null ? "(none)" : cse;
                case "segment" -> segment.name();
                case "activityType" -> type.name();
                default -> "portfolio";
            };
            groups.computeIfAbsent(key, k -> new Tally()).add(type, status, n);
            totals.add(type, status, n);
        };
        if (fromCurrent) {
            countCurrent(asOf, visible, counted);
        } else {
            countOn(asOf, visible, counted);
        }
        List<ComplianceView.Group> out = new ArrayList<>();
        groups.forEach((k, t) -> out.add(new ComplianceView.Group(k, label(k), null, null, counts(t.clients(), t.statuses), null)));
        return new ComplianceView(asOf, group, dueSoonDays, counts(visibleClients(visible), totals.statuses), out);
    }

    /** Items of one owner, segment, activity type and status. */
    private interface Counted {
        void add(String cse, Segment segment, ActivityType type, ComplianceStatus status, int n);
    }

    private void countCurrent(LocalDate asOf, Portfolio.Filter visible, Counted counted) {
        String sql = """
                select owner_cse, segment, activity_type, nullif(due_on, 'infinity'), sum(n) from register_tally
                where true %s group by owner_cse, segment, activity_type, due_on having sum(n) <> 0""".formatted(visible.sql());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < visible.args().size(); i++) {
                ps.setString(i + 1, visible.args().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counted.add(rs.getString(1), Segment.valueOf(rs.getString(2)), ActivityType.valueOf(rs.getString(3)),
                            CadenceRule.statusOn(rs.getObject(4, LocalDate.class), asOf, dueSoonDays), rs.getInt(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot roll up the current Activity Register", e);
        }
    }

    private void countOn(LocalDate asOf, Portfolio.Filter visible, Counted counted) {
        String sql = """
                with seg as (select distinct on (client_id) client_id, segment, effective_at, model_version
                             from segment_assignment where effective_at < ? order by client_id, assigned_at desc, id),
                     items as (select d.owner_cse, s.segment, s.model_version, t.activity_type,
                                      greatest(%s, (s.effective_at at time zone 'UTC')::date) anchor
                               from client_directory d join seg s on s.client_id = d.client_id
                               cross join unnest(?::text[]) t(activity_type)
                               left join register_last_held l on l.client_id = d.client_id and l.activity_type = t.activity_type
                               where true %s)
                select owner_cse, segment, model_version, activity_type, anchor, count(*) from items
                group by owner_cse, segment, model_version, activity_type, anchor""".formatted(LAST_HELD_ON, visible.sql());
        int active = models.activeVersion();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            ps.setObject(p++, History.endOf(asOf).atOffset(ZoneOffset.UTC));
            ps.setObject(p++, asOf);
            ps.setObject(p++, asOf);
            ps.setArray(p++, c.createArrayOf("text", Arrays.stream(ActivityType.values()).map(Enum::name).toArray()));
            for (String arg : visible.args()) {
                ps.setString(p++, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Segment segment = Segment.valueOf(rs.getString(2));
                    Integer version = (Integer) rs.getObject(3);
                    ActivityType type = ActivityType.valueOf(rs.getString(4));
                    LocalDate anchor = rs.getObject(5, LocalDate.class);
                    Cadence cadence = models.model(version == null ? active : version).segment(segment).cadence(type);
                    counted.add(rs.getString(1), segment, type, CadenceRule.evaluate(cadence, anchor, anchor, asOf, dueSoonDays).status(),
                            rs.getInt(6));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot roll up the Activity Register on " + asOf, e);
        }
    }

    /** Items per status, and the clients behind them: each client with a segment has one item of every activity type. */
    private static final class Tally {
        final Map<ComplianceStatus, Integer> statuses = new EnumMap<>(ComplianceStatus.class);
        final Map<ActivityType, Integer> perType = new EnumMap<>(ActivityType.class);

        void add(ActivityType type, ComplianceStatus status, int n) {
            statuses.merge(status, n, Integer::sum);
            perType.merge(type, n, Integer::sum);
        }

        int clients() {
            return perType.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    private int visibleClients(Portfolio.Filter visible) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from client_directory d where true" + visible.sql())) {
            for (int i = 0; i < visible.args().size(); i++) {
                ps.setString(i + 1, visible.args().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the client directory", e);
        }
    }

    private static String label(String key) {
        return ActivityType.parse(key).map(ActivityType::displayName).orElse(key);
    }

    private static Map<ComplianceStatus, Integer> statuses(List<ComplianceView.Item> items) {
        Map<ComplianceStatus, Integer> n = new EnumMap<>(ComplianceStatus.class);
        items.forEach(i -> n.merge(ComplianceStatus.valueOf(i.status()), 1, Integer::sum));
        return n;
    }

    static ComplianceView.Counts counts(int clients, Map<ComplianceStatus, Integer> statuses) {
        Map<ComplianceStatus, Integer> n = new EnumMap<>(ComplianceStatus.class);
        for (ComplianceStatus s : ComplianceStatus.values()) {
            n.put(s, statuses.getOrDefault(s, 0));
        }
        int items = n.values().stream().mapToInt(Integer::intValue).sum();
        int required = items - n.get(ComplianceStatus.NOT_REQUIRED);
        BigDecimal percent = required == 0 ? null : BigDecimal.valueOf((n.get(ComplianceStatus.COMPLIANT) + n.get(ComplianceStatus.DUE_SOON)) * 100L)
                .divide(BigDecimal.valueOf(required), 2, RoundingMode.HALF_EVEN);
        return new ComplianceView.Counts(clients, required, n.get(ComplianceStatus.COMPLIANT), n.get(ComplianceStatus.DUE_SOON),
                n.get(ComplianceStatus.OVERDUE), n.get(ComplianceStatus.NOT_REQUIRED), percent);
    }

    /**
     * The last held activity of a client ({@code d.client_id}) and type ({@code l} = its {@code register_last_held} row,
     * {@code t.activity_type}) on the date of the statement's parameters 1 and 2: the kept latest date when it is on or
     * before then, else (an earlier asOf) the latest one by then in {@code register_activity} (one index probe).
     */
    private static final String LAST_HELD_ON = """
            case when l.last_on <= ? then l.last_on
                 when l.last_on is not null then (select max(r.occurred_on) from register_activity r
                      where r.client_id = l.client_id and r.activity_type = l.activity_type and r.occurred_on <= ?) end""";

    /** Each client's last held activity per type on {@code asOf}; only {@code clientId}'s when it is given. */
    private Map<UUID, Map<ActivityType, LocalDate>> lastHeld(LocalDate asOf, UUID clientId) {
        Map<UUID, Map<ActivityType, LocalDate>> held = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select l.client_id, l.activity_type, d from register_last_held l, lateral (select " + LAST_HELD_ON
                        + " d) x where d is not null" + (clientId == null ? "" : " and l.client_id = ?"))) {
            ps.setObject(1, asOf);
            ps.setObject(2, asOf);
            if (clientId != null) {
                ps.setObject(3, clientId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(ActivityType.class))
                            .put(ActivityType.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getObject(3, LocalDate.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the last held activities on " + asOf, e);
        }
        return held;
    }
}
