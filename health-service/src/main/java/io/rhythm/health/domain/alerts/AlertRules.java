package io.rhythm.health.domain.alerts;

import io.rhythm.health.domain.scoring.Band;
import io.rhythm.health.domain.scoring.DefaultScoringModel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The alert triggers of seed 001 ("Daily Health Monitoring (Automated Alerts) — Critical Alert
 * Triggers") as plain Java. Every threshold below is the seed's number:
 *
 * <ul>
 *   <li>{@link AlertType#INACTIVITY}: "account inactive for 14+ consecutive days". The days since
 *       the last login are the last reported {@code usage.days_since_last_login} plus the time
 *       elapsed since that report: a client that reported 3 days and has sent no newer login
 *       signal for 11 days has been inactive 14 days ("no login signal for 14 days"). 14.0 days
 *       raises, 13.99 does not. A client that never reported the metric is not judged.</li>
 *   <li>{@link AlertType#CRITICAL_HEALTH}: "health score drops below 50" — the Critical band
 *       (49.9 raises, 50.0 does not); the CS director ({@code avp}) is notified with the owner.</li>
 *   <li>{@link AlertType#BILLING_ISSUE}: "payment failure or billing dispute" —
 *       {@code financial.payment_failures_90_days > 0} or {@code financial.open_billing_disputes > 0};
 *       {@code finance} is notified with the owner ("alert CSM and finance team").</li>
 *   <li>{@link AlertType#URGENT_TICKET}: "support ticket marked urgent or critical" —
 *       {@code support.open_urgent_tickets > 0}; "CSM review within 4 hours" is the protocol's
 *       assessment deadline (see {@link SlaPolicy}).</li>
 * </ul>
 * Rules only say what should be open; not raising the same open alert twice is the caller's job.
 */
public final class AlertRules {

    /** Seed 001: "inactive for 14+ consecutive days". */
    public static final double INACTIVE_DAYS = 14.0;
    /** Seed 001: "health score drops below 50". */
    public static final double CRITICAL_HEALTH_BELOW = Band.AT_RISK_FROM;
    /** Who the seed's "CS director" is in Rhythm's roles. */
    public static final String CS_DIRECTOR = "avp";
    /** The finance team of "alert CSM and finance team" (a team to notify, not a Rhythm role). */
    public static final String FINANCE = "finance";

    private static final double SECONDS_PER_DAY = 86_400.0;

    private AlertRules() {
    }

    /** The alerts that should be open for a client, in a stable order (by type). */
    public static List<AlertDraft> evaluate(AlertFacts facts) {
        List<AlertDraft> drafts = new ArrayList<>();
        OptionalDouble inactiveDays = daysSinceLastLogin(facts);
        if (inactiveDays.isPresent() && inactiveDays.getAsDouble() >= INACTIVE_DAYS) {
            double days = Math.floor(inactiveDays.getAsDouble() * 10) / 10;
            drafts.add(new AlertDraft(AlertType.INACTIVITY, Severity.HIGH, List.of(),
                    "no login for " + number(days) + " days (14+ days inactive): notify the CSM immediately",
                    Map.of(DefaultScoringModel.DAYS_SINCE_LAST_LOGIN, days)));
        }
        if (facts.healthScore() != null && Band.of(facts.healthScore()) == Band.CRITICAL) {
            drafts.add(new AlertDraft(AlertType.CRITICAL_HEALTH, Severity.CRITICAL, List.of(CS_DIRECTOR),
                    "health score " + number(facts.healthScore()) + " is below 50: escalate to the CS director within 24 h",
                    Map.of("health.score", facts.healthScore())));
        }
        Map<String, Double> billing = new LinkedHashMap<>();
        positive(facts, DefaultScoringModel.PAYMENT_FAILURES_90_DAYS).ifPresent(v -> billing.put(DefaultScoringModel.PAYMENT_FAILURES_90_DAYS, v));
        positive(facts, DefaultScoringModel.OPEN_BILLING_DISPUTES).ifPresent(v -> billing.put(DefaultScoringModel.OPEN_BILLING_DISPUTES, v));
        if (!billing.isEmpty()) {
            List<String> what = new ArrayList<>();
            if (billing.containsKey(DefaultScoringModel.PAYMENT_FAILURES_90_DAYS)) {
                what.add(number(billing.get(DefaultScoringModel.PAYMENT_FAILURES_90_DAYS)) + " payment failure(s) in 90 days");
            }
            if (billing.containsKey(DefaultScoringModel.OPEN_BILLING_DISPUTES)) {
                what.add(number(billing.get(DefaultScoringModel.OPEN_BILLING_DISPUTES)) + " open billing dispute(s)");
            }
            drafts.add(new AlertDraft(AlertType.BILLING_ISSUE, Severity.HIGH, List.of(FINANCE),
                    String.join(" and ", what) + ": alert the CSM and the finance team", billing));
        }
        positive(facts, DefaultScoringModel.OPEN_URGENT_TICKETS).ifPresent(v ->
                drafts.add(new AlertDraft(AlertType.URGENT_TICKET, Severity.HIGH, List.of(),
                        number(v) + " open urgent ticket(s): CSM review within 4 h",
                        Map.of(DefaultScoringModel.OPEN_URGENT_TICKETS, v))));
        return List.copyOf(drafts);
    }

    /**
     * Days since the client's last login as of {@code facts.now()}: the reported value plus the
     * time since it was reported (never less than the reported value); empty when never reported.
     */
    public static OptionalDouble daysSinceLastLogin(AlertFacts facts) {
        MetricReading reading = facts.metrics().get(DefaultScoringModel.DAYS_SINCE_LAST_LOGIN);
        if (reading == null) {
            return OptionalDouble.empty();
        }
        double elapsedSeconds = Math.max(0, Duration.between(reading.occurredAt(), facts.now()).toSeconds());
        return OptionalDouble.of(Math.max(0, reading.value()) + elapsedSeconds / SECONDS_PER_DAY);
    }

    private static OptionalDouble positive(AlertFacts facts, String metric) {
        MetricReading reading = facts.metrics().get(metric);
        return reading != null && reading.value() > 0 ? OptionalDouble.of(reading.value()) : OptionalDouble.empty();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
