package io.rhythm.planning.domain;

import java.util.ArrayList;
import java.util.List;

/** An account plan against seed 000's Appendix B annual-plan checklist: which components are there, which are missing. */
public record PlanCompleteness(List<String> present, List<String> missing, int percentComplete) {

    /** Appendix B's annual plan components, in the checklist's order. */
    public enum Component {
        HEALTH_ASSESSMENT, STAKEHOLDER_MAP, OPPORTUNITY_REGISTER, RISK_REGISTER, SATISFACTION_ACTION_PLAN,
        REVENUE_FORECAST, ENGAGEMENT_PLAN, UNCOMFORTABLE_TRUTHS
    }

    /** What the check needs to know of a plan. */
    public record Facts(boolean healthSnapshot, int stakeholders, int opportunities, int risks, boolean sapRequired,
                        boolean sapPresent, boolean revenueForecast, boolean engagementPlan, boolean uncomfortableTruths) {
    }

    /** A Satisfaction Action Plan counts only where one is required (Maintain, Nurture, Sleeping Giants). */
    public static PlanCompleteness of(Facts f) {
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int applicable = 0;
        for (Component c : Component.values()) {
            Boolean ok = switch (c) {
                case HEALTH_ASSESSMENT -> f.healthSnapshot();
                case STAKEHOLDER_MAP -> f.stakeholders() > 0;
                case OPPORTUNITY_REGISTER -> f.opportunities() > 0;
                case RISK_REGISTER -> f.risks() > 0;
                case SATISFACTION_ACTION_PLAN -> f.sapRequired() ? f.sapPresent() : null;
                case REVENUE_FORECAST -> f.revenueForecast();
                case ENGAGEMENT_PLAN -> f.engagementPlan();
                case UNCOMFORTABLE_TRUTHS -> f.uncomfortableTruths();
            };
            if (ok == null) {
                continue;
            }
            applicable++;
            (ok ? present : missing).add(c.name());
        }
        return new PlanCompleteness(present, missing, present.size() * 100 / applicable);
    }
}
