package io.rhythm.health.domain.alerts;

import java.util.List;
import java.util.Map;

/**
 * An alert a rule wants raised: type, severity, who besides the owning CSE is told at once
 * ({@code alsoNotify}: roles such as {@code avp}, or teams such as {@code finance}), one sentence
 * for people, and the metric values that tripped the rule.
 */
public record AlertDraft(AlertType type, Severity severity, List<String> alsoNotify, String reason,
                         Map<String, Double> evidence) {

    public AlertDraft {
        alsoNotify = List.copyOf(alsoNotify);
        evidence = Map.copyOf(evidence);
    }
}
