package io.rhythm.health.domain.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The SLA timers of seed 001's "Alert Response Protocol", as data: one {@link SlaStage} per stage,
 * each measured from the moment the alert was raised.
 *
 * <table>
 *   <tr><th>stage (status to reach)</th><th>seed 001</th><th>due after raising</th><th>escalates to</th></tr>
 *   <tr><td>ACKNOWLEDGED</td><td>"Immediate Acknowledgment (Within 2 hours)"</td><td>2 h</td><td>avp</td></tr>
 *   <tr><td>ASSESSED</td><td>"Initial Assessment (Within 4 hours)"</td><td>4 h</td><td>avp</td></tr>
 *   <tr><td>PLANNED</td><td>"Action Plan (Within 24 hours)"</td><td>24 h</td><td>avp</td></tr>
 *   <tr><td>EXECUTING</td><td>"Execution (Within 48 hours)"</td><td>48 h</td><td>avp</td></tr>
 *   <tr><td>RESOLVED</td><td>"Follow-up (72 hours)"</td><td>72 h</td><td>avp</td></tr>
 * </table>
 * The seed does not say whom a missed SLA goes to; Rhythm escalates to the CS director
 * ({@code avp}), the role the seed escalates critical accounts to. At runtime the policy is the
 * table {@code alert_sla_policy} (V4 migration), which ships these rows and may add rows for one
 * alert type; a type's own row replaces the default row of the same stage. An alert keeps the
 * deadlines computed when it was raised.
 */
public record SlaPolicy(List<SlaStage> stages) {

    /** The protocol of seed 001, for every alert type. */
    public static final SlaPolicy SEED_001 = new SlaPolicy(List.of(
            new SlaStage(null, AlertStatus.ACKNOWLEDGED, Duration.ofHours(2), AlertRules.CS_DIRECTOR),
            new SlaStage(null, AlertStatus.ASSESSED, Duration.ofHours(4), AlertRules.CS_DIRECTOR),
            new SlaStage(null, AlertStatus.PLANNED, Duration.ofHours(24), AlertRules.CS_DIRECTOR),
            new SlaStage(null, AlertStatus.EXECUTING, Duration.ofHours(48), AlertRules.CS_DIRECTOR),
            new SlaStage(null, AlertStatus.RESOLVED, Duration.ofHours(72), AlertRules.CS_DIRECTOR)));

    public SlaPolicy {
        stages = List.copyOf(stages);
    }

    /** The stages that apply to one alert type: its own rows, else the default rows, in workflow order. */
    public List<SlaStage> forType(AlertType type) {
        Map<AlertStatus, SlaStage> chosen = new EnumMap<>(AlertStatus.class);
        for (SlaStage stage : stages) {
            if (stage.appliesTo() == null) {
                chosen.putIfAbsent(stage.stage(), stage);
            }
        }
        for (SlaStage stage : stages) {
            if (stage.appliesTo() == type) {
                chosen.put(stage.stage(), stage);
            }
        }
        return chosen.values().stream().sorted(Comparator.comparing(SlaStage::stage)).toList();
    }

    /** The deadlines of an alert of {@code type} raised at {@code raisedAt}. */
    public List<SlaDeadline> deadlines(AlertType type, Instant raisedAt) {
        return forType(type).stream()
                .map(s -> new SlaDeadline(s.stage(), raisedAt.plus(s.dueAfter()), s.escalateTo()))
                .toList();
    }
}
