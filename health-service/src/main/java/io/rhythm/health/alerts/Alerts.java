package io.rhythm.health.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.health.domain.Client;
import io.rhythm.health.domain.alerts.AlertDraft;
import io.rhythm.health.domain.alerts.AlertStatus;
import io.rhythm.health.domain.alerts.AlertType;
import io.rhythm.health.domain.alerts.Severity;
import io.rhythm.health.domain.alerts.SlaDeadline;
import io.rhythm.health.domain.alerts.SlaPolicy;
import io.rhythm.health.domain.alerts.SlaStage;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.AlertEscalated;
import io.rhythm.platform.events.payload.AlertRaised;
import io.rhythm.platform.events.payload.AlertStatusChanged;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.persistence.SqlValues;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stores alerts: raises them once per client and type while open (with their SLA timers), moves them
 * through the workflow, escalates missed SLAs once, and reads them back. Every change is published on
 * {@code health.alerts.v1} through the outbox, in the caller's transaction; events are keyed by client
 * so that a client's alerts stay in order.
 */
@ApplicationScoped
public class Alerts {

    private static final String COLUMNS = """
            a.id, a.client_id, c.name, a.type, a.severity, a.status, a.owner, a.also_notify, a.reason, a.evidence::text,
            a.raised_at, a.updated_at, a.version""";

    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    ObjectMapper mapper;

    /** The SLA policy as configured in {@code alert_sla_policy}. */
    public SlaPolicy policy() {
        List<SlaStage> stages = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        select alert_type, stage, cast(extract(epoch from due_after) as bigint), escalate_to
                        from alert_sla_policy order by alert_type, stage""").getResultList()) {
            Object[] c = (Object[]) row;
            String type = (String) c[0];
            stages.add(new SlaStage("*".equals(type) ? null : AlertType.valueOf(type), AlertStatus.valueOf((String) c[1]),
                    Duration.ofSeconds(((Number) c[2]).longValue()), (String) c[3]));
        }
        return new SlaPolicy(stages);
    }

    /**
     * Raises an alert for the client unless one of the same type is open.
     *
     * @return the new alert's id, empty when one of that type was already open
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> raise(Client client, AlertDraft draft, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                        insert into alert (id, client_id, type, severity, status, owner, also_notify, reason, evidence, raised_at, updated_at)
                        values (?1, ?2, ?3, ?4, 'OPEN', ?5, ?6, ?7, cast(?8 as jsonb), ?9, ?9)
                        on conflict (client_id, type) where status <> 'RESOLVED' do nothing""")
                .setParameter(1, id).setParameter(2, client.id).setParameter(3, draft.type().name())
                .setParameter(4, draft.severity().name()).setParameter(5, client.ownerCse)
                .setParameter(6, String.join(",", draft.alsoNotify())).setParameter(7, draft.reason())
                .setParameter(8, json(draft.evidence())).setParameter(9, Timestamp.from(now))
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        List<SlaDeadline> deadlines = policy().deadlines(draft.type(), now);
        for (SlaDeadline deadline : deadlines) {
            em.createNativeQuery("insert into alert_sla_timer (alert_id, stage, due_at, escalate_to) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, id).setParameter(2, deadline.stage().name()).setParameter(3, Timestamp.from(deadline.dueAt()))
                    .setParameter(4, deadline.escalateTo()).executeUpdate();
        }
        outbox.publish(EventCatalogue.ALERT_RAISED, client.id.toString(), new AlertRaised(id.toString(), client.id.toString(),
                draft.type().name(), draft.severity().name(), AlertStatus.OPEN.name(), client.ownerCse, draft.alsoNotify(),
                draft.reason(), new LinkedHashMap<>(draft.evidence()),
                deadlines.stream().map(d -> new AlertRaised.SlaDeadline(d.stage().name(), d.dueAt(), d.escalateTo())).toList(),
                now));
        return Optional.of(id);
    }

    /**
     * Moves an alert forward. The caller has checked the alert is visible to {@code by}.
     *
     * @throws ApiException 428/412 for a missing or stale If-Match, 409 for a move the workflow does not allow
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Alert transition(UUID alertId, String ifMatch, AlertStatus to, String note, String by, Instant now) {
        Alert alert = lockedOrThrow(alertId);
        Versions.requireMatch(ifMatch, alert.version());
        if (!alert.status().canMoveTo(to)) {
            throw ApiException.conflict("An alert in status " + alert.status() + " cannot move to " + to
                    + (alert.status().isOpen() ? "; next: " + allowedFrom(alert.status()) : "; it is resolved"));
        }
        move(alert, to, note, by, now);
        return find(alertId).orElseThrow();
    }

    /**
     * Resolves the client's alert of this type if it is still OPEN (nobody has acknowledged it) and its
     * condition no longer holds. Alerts a person has taken up are left for them to finish.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean resolveCleared(UUID clientId, AlertType type, Instant now) {
        List<?> ids = em.createNativeQuery("select id from alert where client_id = ?1 and type = ?2 and status = 'OPEN' for update")
                .setParameter(1, clientId).setParameter(2, type.name()).getResultList();
        if (ids.isEmpty()) {
            return false;
        }
        Alert alert = lockedOrThrow((UUID) ids.get(0));
        move(alert, AlertStatus.RESOLVED, "Condition cleared before anyone acknowledged the alert", "rhythm", now);
        return true;
    }

    /** The effects of a status change: the alert, its history, its SLA timers, and AlertStatusChanged. */
    private void move(Alert alert, AlertStatus to, String note, String by, Instant now) {
        UUID alertId = alert.id();
        em.createNativeQuery("update alert set status = ?2, version = version + 1, updated_at = ?3 where id = ?1")
                .setParameter(1, alertId).setParameter(2, to.name()).setParameter(3, Timestamp.from(now)).executeUpdate();
        em.createNativeQuery("""
                        insert into alert_transition (alert_id, from_status, to_status, changed_by, changed_at, note)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, alertId).setParameter(2, alert.status().name()).setParameter(3, to.name())
                .setParameter(4, by).setParameter(5, Timestamp.from(now)).setParameter(6, note).executeUpdate();
        // every stage up to the new status is reached now (resolving after assessment skips plan and execution)
        List<String> reached = Arrays.stream(AlertStatus.values()).filter(to::reached).map(Enum::name).toList();
        em.createNativeQuery("""
                        update alert_sla_timer set reached_at = ?2
                        where alert_id = ?1 and reached_at is null and stage = any(cast(?3 as text[]))""")
                .setParameter(1, alertId).setParameter(2, Timestamp.from(now)).setParameter(3, "{" + String.join(",", reached) + "}")
                .executeUpdate();
        outbox.publish(EventCatalogue.ALERT_STATUS_CHANGED, alert.clientId().toString(), new AlertStatusChanged(
                alertId.toString(), alert.clientId().toString(), alert.type().name(), alert.status().name(), to.name(), by,
                note, now));
    }

    /**
     * Escalates one missed SLA, once: the timer row records the escalation, so a second scan (or a
     * concurrent one, which waits for the row lock) finds nothing to do.
     *
     * @return true when this call escalated it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean escalate(UUID alertId, AlertStatus stage, Instant now) {
        List<?> rows = em.createNativeQuery("""
                        update alert_sla_timer set escalated_at = ?3
                        where alert_id = ?1 and stage = ?2 and escalated_at is null and due_at < ?3
                          and (reached_at is null or reached_at > due_at)
                        returning due_at, escalate_to""")
                .setParameter(1, alertId).setParameter(2, stage.name()).setParameter(3, Timestamp.from(now))
                .getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] timer = (Object[]) rows.get(0);
        em.createNativeQuery("update alert set version = version + 1, updated_at = ?2 where id = ?1")
                .setParameter(1, alertId).setParameter(2, Timestamp.from(now)).executeUpdate();
        Alert alert = find(alertId).orElseThrow();
        outbox.publish(EventCatalogue.ALERT_ESCALATED, alert.clientId().toString(), new AlertEscalated(alertId.toString(),
                alert.clientId().toString(), alert.type().name(), alert.severity().name(), alert.status().name(),
                alert.owner(), stage.name(), instant(timer[0]), (String) timer[1], now));
        return true;
    }

    /** Missed SLAs not escalated yet, oldest deadline first. */
    public List<Map.Entry<UUID, AlertStatus>> dueForEscalation(Instant now, int limit) {
        return ((List<?>) em.createNativeQuery("""
                        select alert_id, stage from alert_sla_timer
                        where escalated_at is null and due_at < ?1 and (reached_at is null or reached_at > due_at)
                        order by due_at limit ?2""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList()).stream()
                .map(row -> Map.entry((UUID) ((Object[]) row)[0], AlertStatus.valueOf((String) ((Object[]) row)[1])))
                .toList();
    }

    public Optional<Alert> find(UUID alertId) {
        List<Alert> found = select("where a.id = ?1", List.of(alertId), "");
        return found.stream().findFirst().map(a -> withDetails(List.of(a)).get(0));
    }

    /** A page of alerts, newest first, with their timers and transitions. */
    public List<Alert> list(AlertQuery q, Instant now) {
        StringBuilder where = new StringBuilder("where true");
        List<Object> args = new ArrayList<>();
        if (q.status() != null) {
            args.add(q.status().name());
            where.append(" and a.status = ?").append(args.size());
        }
        if (q.severity() != null) {
            args.add(q.severity().name());
            where.append(" and a.severity = ?").append(args.size());
        }
        if (q.type() != null) {
            args.add(q.type().name());
            where.append(" and a.type = ?").append(args.size());
        }
        if (q.owner() != null) {
            args.add(q.owner());
            where.append(" and a.owner = ?").append(args.size());
        }
        if (q.clientId() != null) {
            args.add(q.clientId());
            where.append(" and a.client_id = ?").append(args.size());
        }
        if (q.openOnly()) {
            where.append(" and a.status <> 'RESOLVED'");
        }
        if (q.portfolioOwner() != null) {
            args.add(q.portfolioOwner());
            where.append(" and (c.owner_cse = ?").append(args.size()).append(" or c.owner_cam = ?").append(args.size()).append(")");
        }
        if (q.breachedOnly()) {
            args.add(Timestamp.from(now));
            where.append(" and exists (select 1 from alert_sla_timer t where t.alert_id = a.id and ((t.reached_at is null and t.due_at < ?")
                    .append(args.size()).append(") or t.reached_at > t.due_at))");
        }
        if (q.afterRaisedAt() != null) {
            args.add(Timestamp.from(q.afterRaisedAt()));
            args.add(q.afterId());
            where.append(" and (a.raised_at, a.id) < (?").append(args.size() - 1).append(", ?").append(args.size()).append(")");
        }
        return withDetails(select(where.toString(), args, " order by a.raised_at desc, a.id desc limit " + q.fetchSize()));
    }

    private Alert lockedOrThrow(UUID alertId) {
        List<?> locked = em.createNativeQuery("select id from alert where id = ?1 for update").setParameter(1, alertId).getResultList();
        if (locked.isEmpty()) {
            throw ApiException.notFound("Alert", alertId);
        }
        return select("where a.id = ?1", List.of(alertId), "").get(0);
    }

    private List<Alert> select(String where, List<Object> args, String tail) {
        var query = em.createNativeQuery("select " + COLUMNS + " from alert a join client c on c.id = a.client_id " + where + tail);
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        return ((List<?>) query.getResultList()).stream().map(row -> {
            Object[] c = (Object[]) row;
            String notify = (String) c[7];
            return new Alert((UUID) c[0], (UUID) c[1], (String) c[2], AlertType.valueOf((String) c[3]),
                    Severity.valueOf((String) c[4]), AlertStatus.valueOf((String) c[5]), (String) c[6],
                    notify == null || notify.isEmpty() ? List.of() : List.of(notify.split(",")), (String) c[8],
                    evidence((String) c[9]), instant(c[10]), instant(c[11]), ((Number) c[12]).longValue(), List.of(), List.of());
        }).toList();
    }

    private List<Alert> withDetails(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return alerts;
        }
        String ids = alerts.stream().map(a -> a.id().toString()).collect(Collectors.joining(",", "{", "}"));
        Map<UUID, List<Alert.Timer>> timers = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("""
                        select t.alert_id, t.stage, t.due_at, t.escalate_to, t.reached_at, t.escalated_at
                        from unnest(cast(?1 as uuid[])) as u(id) join alert_sla_timer t on t.alert_id = u.id order by t.due_at""").setParameter(1, ids).getResultList()) {
            Object[] c = (Object[]) row;
            timers.computeIfAbsent((UUID) c[0], k -> new ArrayList<>()).add(new Alert.Timer(AlertStatus.valueOf((String) c[1]),
                    instant(c[2]), (String) c[3], instant(c[4]), instant(c[5])));
        }
        Map<UUID, List<Alert.Transition>> moves = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("""
                        select t.alert_id, t.from_status, t.to_status, t.changed_by, t.changed_at, t.note
                        from unnest(cast(?1 as uuid[])) as u(id) join alert_transition t on t.alert_id = u.id order by t.id""").setParameter(1, ids).getResultList()) {
            Object[] c = (Object[]) row;
            moves.computeIfAbsent((UUID) c[0], k -> new ArrayList<>()).add(new Alert.Transition(AlertStatus.valueOf((String) c[1]),
                    AlertStatus.valueOf((String) c[2]), (String) c[3], instant(c[4]), (String) c[5]));
        }
        return alerts.stream().map(a -> a.with(timers.getOrDefault(a.id(), List.of()), moves.getOrDefault(a.id(), List.of()))).toList();
    }

    private static String allowedFrom(AlertStatus from) {
        return Arrays.stream(AlertStatus.values()).filter(from::canMoveTo).map(Enum::name).collect(Collectors.joining(" or "));
    }

    private Map<String, Double> evidence(String json) {
        try {
            return mapper.readValue(json, new TypeReference<LinkedHashMap<String, Double>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert evidence is unreadable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        return SqlValues.instant(value);
    }
}
