package io.rhythm.platform.events.payload;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert was raised for a client (health-service, seed 001 "Critical Alert Triggers"). One alert
 * per client and type is open at a time. {@code owner} is the client's CSE; {@code alsoNotify} are the
 * others told at once (e.g. {@code finance} for billing issues, {@code avp} — the CS director — for
 * a score below 50); {@code evidence} holds the metric values that tripped the rule; {@code sla}
 * are the alert-protocol deadlines it must meet, each escalating to a role when missed.
 */
public record AlertRaised(String alertId, String clientId, String alertType, String severity, String status, String owner,
                          List<String> alsoNotify, String reason, Map<String, Double> evidence, List<SlaDeadline> sla,
                          Instant raisedAt) {

    /** By {@code dueAt} the alert must have reached {@code stage}; otherwise it escalates to {@code escalateTo}. */
    public record SlaDeadline(String stage, Instant dueAt, String escalateTo) {
    }
}
