package io.rhythm.segmentation.service;

import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.segmentation.api.ComplianceView;
import io.rhythm.segmentation.domain.ActivityType;
import io.rhythm.segmentation.domain.CadenceRule;
import io.rhythm.segmentation.domain.Cadence;
import io.rhythm.segmentation.domain.ComplianceStatus;
import io.rhythm.segmentation.domain.SegmentModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Activity Register compliance of the caller's portfolio on a date (see {@link CadenceRule} for the windows). */
@ApplicationScoped
public class Compliance {

    public static final List<String> GROUPS = List.of("client", "cse", "segment", "activityType", "portfolio");

    @Inject
    EntityManager em;
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
        switch (group) {
            case "client" -> {
                for (Portfolio.Member client : clients) {
                    History.SegmentAt at = segments.get(client.clientId());
                    List<ComplianceView.Item> items = byClient.get(client.clientId());
                    groups.add(new ComplianceView.Group(client.clientId().toString(), client.name(),
                            at == null ? "UNASSIGNED" : at.segment().name(), client.ownerCse(), counts(1, items), items));
                }
            }
            case "cse" -> groups.addAll(rollUp(rows, r -> r.client().ownerCse() == null ? "(none)" : r.client().ownerCse()));
            case "segment" -> groups.addAll(rollUp(rows, Row::segment));
            case "activityType" -> groups.addAll(rollUp(rows, r -> r.item().activityType()));
            default -> groups.addAll(rollUp(rows, r -> "portfolio"));
        }
        return new ComplianceView(asOf, group, dueSoonDays,
                counts(clients.size(), rows.stream().map(Row::item).toList()), groups);
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

    private List<ComplianceView.Group> rollUp(List<Row> rows, Function<Row, String> key) {
        Map<String, List<Row>> grouped = new java.util.TreeMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<ComplianceView.Group> groups = new ArrayList<>();
        grouped.forEach((k, in) -> groups.add(new ComplianceView.Group(k, label(k), null, null,
                counts((int) in.stream().map(r -> r.client().clientId()).distinct().count(), in.stream().map(Row::item).toList()), null)));
        return groups;
    }

    private static String label(String key) {
        return ActivityType.parse(key).map(ActivityType::displayName).orElse(key);
    }

    static ComplianceView.Counts counts(int clients, List<ComplianceView.Item> items) {
        Map<ComplianceStatus, Integer> n = new EnumMap<>(ComplianceStatus.class);
        for (ComplianceStatus s : ComplianceStatus.values()) {
            n.put(s, 0);
        }
        items.forEach(i -> n.merge(ComplianceStatus.valueOf(i.status()), 1, Integer::sum));
        int required = items.size() - n.get(ComplianceStatus.NOT_REQUIRED);
        BigDecimal percent = required == 0 ? null : BigDecimal.valueOf((n.get(ComplianceStatus.COMPLIANT) + n.get(ComplianceStatus.DUE_SOON)) * 100L)
                .divide(BigDecimal.valueOf(required), 2, RoundingMode.HALF_EVEN);
        return new ComplianceView.Counts(clients, required, n.get(ComplianceStatus.COMPLIANT), n.get(ComplianceStatus.DUE_SOON),
                n.get(ComplianceStatus.OVERDUE), n.get(ComplianceStatus.NOT_REQUIRED), percent);
    }

    private Map<UUID, Map<ActivityType, LocalDate>> lastHeld(LocalDate asOf, UUID clientId) {
        Map<UUID, Map<ActivityType, LocalDate>> held = new HashMap<>();
        var query = em.createNativeQuery("select client_id, activity_type, max(occurred_on) from register_activity "
                + "where occurred_on <= ?1" + (clientId == null ? "" : " and client_id = ?2")
                + " group by client_id, activity_type").setParameter(1, asOf);
        if (clientId != null) {
            query.setParameter(2, clientId);
        }
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            held.computeIfAbsent((UUID) c[0], k -> new EnumMap<>(ActivityType.class))
                    .put(ActivityType.valueOf(((String) c[1]).toUpperCase(Locale.ROOT)), SqlValues.localDate(c[2]));
        }
        return held;
    }
}
