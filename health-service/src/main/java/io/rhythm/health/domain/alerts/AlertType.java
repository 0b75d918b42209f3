package io.rhythm.health.domain.alerts;

/** The alert triggers of seed 001 ("Daily Health Monitoring — Critical Alert Triggers"). */
public enum AlertType {
    /** Account inactive for 14+ consecutive days → immediate CSM notification. */
    INACTIVITY,
    /** Health score drops below 50 → escalate to the CS director within 24 hours. */
    CRITICAL_HEALTH,
    /** Payment failure or billing dispute → alert CSM and finance team. */
    BILLING_ISSUE,
    /** Support ticket marked urgent or critical → CSM review within 4 hours. */
    URGENT_TICKET
}
