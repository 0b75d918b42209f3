package io.rhythm.health.domain.scoring;

import io.rhythm.health.domain.LifecycleStage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring model Rhythm ships with (version 1), derived from the seeds.
 *
 * <h2>Where the numbers come from</h2>
 * Marked <b>[seed]</b> when a seed gives the number, <b>[ours]</b> when the seeds are silent and
 * the value is our documented choice (to be revisited with the backtest).
 *
 * <h3>Usage / behavioural</h3>
 * <ul>
 *   <li>{@value #ACTIVE_USERS_PCT} — % of licensed users active in the last 30 days; 20 % → 0,
 *       80 % → 100 <b>[ours]</b>; weight 0.30 <b>[ours]</b>.</li>
 *   <li>{@value #LOGIN_DAYS_LAST_30} — days with at least one login in the last 30; 0 → 0,
 *       20 (every working day) → 100 <b>[ours]</b>; weight 0.15 <b>[ours]</b>.</li>
 *   <li>{@value #DAYS_SINCE_LAST_LOGIN} — lower is better; 14 days → 0 <b>[seed 001: "Account
 *       inactive for 14+ consecutive days" is a critical alert]</b>, 1 day → 100 <b>[ours]</b>;
 *       weight 0.10 <b>[ours]</b>.</li>
 *   <li>{@value #FEATURE_ADOPTION_PCT} — % of the plan's key features in use; 10 % → 0,
 *       70 % → 100 <b>[ours]</b>; weight 0.20 <b>[ours]</b>.</li>
 *   <li>{@value #PLAN_LIMIT_USAGE_PCT} — % of plan limits used; 20 % → 0 <b>[ours]</b>,
 *       80 % → 100 <b>[seed 001: 80 %+ of plan limits is the expansion threshold]</b>;
 *       weight 0.25 <b>[ours]</b>.</li>
 * </ul>
 * <h3>Support</h3>
 * <ul>
 *   <li>{@value #OPEN_TICKETS} — lower is better; 10 → 0, 0 → 100 <b>[ours]</b>; weight 0.20 <b>[ours]</b>.</li>
 *   <li>{@value #OPEN_URGENT_TICKETS} — urgent or critical tickets open; lower is better; 2 → 0,
 *       0 → 100 <b>[ours; seed 001 makes any urgent ticket an alert reviewed within 4 h]</b>;
 *       weight 0.30 <b>[ours]</b>.</li>
 *   <li>{@value #BACKLOG_OVER_30_DAYS} — tickets open longer than 30 days; lower is better; 5 → 0,
 *       0 → 100 <b>[ours; seed 000 lists support backlog as an early-warning indicator]</b>;
 *       weight 0.20 <b>[ours]</b>.</li>
 *   <li>{@value #CSAT_PCT} — % satisfied support responses, last 90 days; 60 % → 0 <b>[ours]</b>,
 *       85 % → 100 <b>[seed 001: "Target 85%+ satisfaction"]</b>; weight 0.30 <b>[ours]</b>.</li>
 * </ul>
 * <h3>Financial / billing</h3>
 * <ul>
 *   <li>{@value #OVERDUE_INVOICES} — lower is better; 3 → 0, 0 → 100 <b>[ours]</b>; weight 0.30 <b>[ours]</b>.</li>
 *   <li>{@value #PAYMENT_FAILURES_90_DAYS} — lower is better; 2 → 0, 0 → 100 <b>[ours; seed 001
 *       alerts CSM and finance on any payment failure]</b>; weight 0.25 <b>[ours]</b>.</li>
 *   <li>{@value #OPEN_BILLING_DISPUTES} — lower is better; 1 → 0, 0 → 100 <b>[ours; seed 001
 *       alerts on any billing dispute]</b>; weight 0.25 <b>[ours]</b>.</li>
 *   <li>{@value #AGED_RECEIVABLES_DAYS} — days the oldest unpaid invoice is past due; lower is
 *       better; 90 → 0, 0 → 100 <b>[ours]</b>; weight 0.20 <b>[ours]</b>.</li>
 * </ul>
 * <h3>Relational</h3>
 * <ul>
 *   <li>{@value #LATEST_NPS_SCORE} — the latest NPS answer 0–10 (mean of the latest cycle's
 *       respondents); 0 → 0, 10 → 100, weight 1.0. The linear scale is ours, chosen because it
 *       puts seed 001's categories in the matching bands: detractors 0–6 → ≤ 60 (At-Risk or
 *       worse), passives 7–8 → 70–80 (Stable), promoters 9–10 → 90–100 (Healthy).</li>
 * </ul>
 * <h3>Engagement</h3>
 * <ul>
 *   <li>{@value #DAYS_SINCE_LAST_ENGAGEMENT} — days since the last meeting/touchpoint; lower is
 *       better; 90 → 0 <b>[ours, from seed 000's Activity Register: the most frequent Health
 *       Check cadence is quarterly]</b>, 14 → 100 <b>[ours]</b>; weight 0.5 <b>[ours]</b>.</li>
 *   <li>{@value #ENGAGEMENTS_LAST_90_DAYS} — meetings/touchpoints in the last 90 days; 0 → 0,
 *       3 (monthly) → 100 <b>[ours]</b>; weight 0.5 <b>[ours]</b>.</li>
 * </ul>
 * <h3>Component weights per lifecycle stage — all [ours]</h3>
 * Seed 002 asks for different weights per lifecycle stage but gives no numbers.
 * <pre>
 *               usage support financial relational engagement
 *   ONBOARDING   0.35   0.20    0.10      0.10       0.25   adoption and hand-holding; NPS comes at day 30
 *   ADOPTION     0.35   0.20    0.15      0.15       0.15
 *   MATURE       0.30   0.20    0.15      0.20       0.15
 *   EXPANSION    0.35   0.15    0.15      0.25       0.10   growth reads usage and advocacy (below)
 *   RENEWAL      0.25   0.15    0.20      0.25       0.15   renewal risk is money and relationship
 * </pre>
 * EXPANSION (added with the stage; the seeds give no numbers): usage weighs most because seed 001 qualifies
 * expansion on usage — 80 %+ of plan limits, seat growth, multi-team use; relationship next because seed 001
 * looks for expansion opportunities among promoters; support a little lighter than MATURE (an account growing
 * is not one fighting fires) and engagement lowest (a growing account is in regular contact anyway);
 * financial as MATURE. Stored models created before the stage existed got MATURE's weights for it (migration
 * V12), so their scores do not move when a client enters EXPANSION.
 */
public final class DefaultScoringModel {

    public static final String ACTIVE_USERS_PCT = "usage.active_users_pct";
    public static final String LOGIN_DAYS_LAST_30 = "usage.login_days_last_30";
    public static final String DAYS_SINCE_LAST_LOGIN = "usage.days_since_last_login";
    public static final String FEATURE_ADOPTION_PCT = "usage.feature_adoption_pct";
    public static final String PLAN_LIMIT_USAGE_PCT = "usage.plan_limit_usage_pct";

    public static final String OPEN_TICKETS = "support.open_tickets";
    public static final String OPEN_URGENT_TICKETS = "support.open_urgent_tickets";
    public static final String BACKLOG_OVER_30_DAYS = "support.backlog_over_30_days";
    public static final String CSAT_PCT = "support.csat_pct";

    public static final String OVERDUE_INVOICES = "financial.overdue_invoices";
    public static final String PAYMENT_FAILURES_90_DAYS = "financial.payment_failures_90_days";
    public static final String OPEN_BILLING_DISPUTES = "financial.open_billing_disputes";
    public static final String AGED_RECEIVABLES_DAYS = "financial.aged_receivables_days";

    public static final String LATEST_NPS_SCORE = "relational.latest_nps_score";

    public static final String DAYS_SINCE_LAST_ENGAGEMENT = "engagement.days_since_last_engagement";
    public static final String ENGAGEMENTS_LAST_90_DAYS = "engagement.engagements_last_90_days";

    private static final ScoringModel V1 = buildV1();

    private DefaultScoringModel() {
    }

    /** Version 1 of the default model (immutable, shared). */
    public static ScoringModel v1() {
        return V1;
    }

    private static ScoringModel buildV1() {
        List<ComponentDefinition> components = List.of(
                new ComponentDefinition(Component.USAGE, List.of(
                        metric(ACTIVE_USERS_PCT, "Licensed users active in the last 30 days", "%", 20, 80, 0.30),
                        metric(LOGIN_DAYS_LAST_30, "Days with at least one login in the last 30 days", "days", 0, 20, 0.15),
                        metric(DAYS_SINCE_LAST_LOGIN, "Days since anyone last logged in", "days", 14, 1, 0.10),
                        metric(FEATURE_ADOPTION_PCT, "Key features of the plan in use", "%", 10, 70, 0.20),
                        metric(PLAN_LIMIT_USAGE_PCT, "Share of plan limits used", "%", 20, 80, 0.25))),
                new ComponentDefinition(Component.SUPPORT, List.of(
                        metric(OPEN_TICKETS, "Open support tickets", "tickets", 10, 0, 0.20),
                        metric(OPEN_URGENT_TICKETS, "Open tickets marked urgent or critical", "tickets", 2, 0, 0.30),
                        metric(BACKLOG_OVER_30_DAYS, "Tickets open for more than 30 days", "tickets", 5, 0, 0.20),
                        metric(CSAT_PCT, "Satisfied support responses in the last 90 days", "%", 60, 85, 0.30))),
                new ComponentDefinition(Component.FINANCIAL, List.of(
                        metric(OVERDUE_INVOICES, "Invoices past their due date", "invoices", 3, 0, 0.30),
                        metric(PAYMENT_FAILURES_90_DAYS, "Failed payments in the last 90 days", "failures", 2, 0, 0.25),
                        metric(OPEN_BILLING_DISPUTES, "Open billing disputes", "disputes", 1, 0, 0.25),
                        metric(AGED_RECEIVABLES_DAYS, "Days the oldest unpaid invoice is past due", "days", 90, 0, 0.20))),
                new ComponentDefinition(Component.RELATIONAL, List.of(
                        metric(LATEST_NPS_SCORE, "Latest NPS answer (0–10)", "0–10", 0, 10, 1.0))),
                new ComponentDefinition(Component.ENGAGEMENT, List.of(
                        metric(DAYS_SINCE_LAST_ENGAGEMENT, "Days since the last meeting or touchpoint", "days", 90, 14, 0.5),
                        metric(ENGAGEMENTS_LAST_90_DAYS, "Meetings and touchpoints in the last 90 days", "meetings", 0, 3, 0.5))));

        Map<LifecycleStage, Map<Component, Double>> stageWeights = new EnumMap<>(LifecycleStage.class);
        stageWeights.put(LifecycleStage.ONBOARDING, weights(0.35, 0.20, 0.10, 0.10, 0.25));
        stageWeights.put(LifecycleStage.ADOPTION, weights(0.35, 0.20, 0.15, 0.15, 0.15));
        stageWeights.put(LifecycleStage.MATURE, weights(0.30, 0.20, 0.15, 0.20, 0.15));
        stageWeights.put(LifecycleStage.EXPANSION, weights(0.35, 0.15, 0.15, 0.25, 0.10));
        stageWeights.put(LifecycleStage.RENEWAL, weights(0.25, 0.15, 0.20, 0.25, 0.15));

        return new ScoringModel(1, "Rhythm default (seeds 000–002)", components, stageWeights);
    }

    private static Metric metric(String key, String description, String unit, double worst, double best, double weight) {
        return new Metric(key, description, unit, new Normalisation(worst, best), weight);
    }

    private static Map<Component, Double> weights(double usage, double support, double financial,
                                                  double relational, double engagement) {
        Map<Component, Double> weights = new EnumMap<>(Component.class);
        weights.put(Component.USAGE, usage);
        weights.put(Component.SUPPORT, support);
        weights.put(Component.FINANCIAL, financial);
        weights.put(Component.RELATIONAL, relational);
        weights.put(Component.ENGAGEMENT, engagement);
        return weights;
    }
}
