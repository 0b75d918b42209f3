package io.rhythm.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type Rhythm publishes. A new event is added here, with a schema and a golden
 * sample under {@code src/main/resources/events/<domain>/}; {@code EventCatalogueTest} fails
 * until both exist and agree.
 */
public final class EventCatalogue {

    public static final EventType PROBE_RECORDED =
            new EventType("io.rhythm.platform.ProbeRecorded.v1", Topics.PLATFORM_PROBES, Sources.PLATFORM);
    public static final EventType CLIENT_UPSERTED =
            new EventType("io.rhythm.health.ClientUpserted.v1", Topics.CLIENTS, Sources.HEALTH);
    public static final EventType CONTACT_UPSERTED =
            new EventType("io.rhythm.health.ContactUpserted.v1", Topics.CLIENTS, Sources.HEALTH);
    public static final EventType HEALTH_SCORE_CHANGED =
            new EventType("io.rhythm.health.HealthScoreChanged.v1", Topics.HEALTH_SCORES, Sources.HEALTH);
    public static final EventType ALERT_RAISED =
            new EventType("io.rhythm.health.AlertRaised.v1", Topics.HEALTH_ALERTS, Sources.HEALTH);
    public static final EventType ALERT_ESCALATED =
            new EventType("io.rhythm.health.AlertEscalated.v1", Topics.HEALTH_ALERTS, Sources.HEALTH);
    public static final EventType ALERT_STATUS_CHANGED =
            new EventType("io.rhythm.health.AlertStatusChanged.v1", Topics.HEALTH_ALERTS, Sources.HEALTH);
    public static final EventType EXPANSION_SIGNAL_RAISED =
            new EventType("io.rhythm.health.ExpansionSignalRaised.v1", Topics.HEALTH_ALERTS, Sources.HEALTH);
    public static final EventType CYCLE_CREATED =
            new EventType("io.rhythm.nps.CycleCreated.v1", Topics.NPS_CYCLES, Sources.NPS);
    public static final EventType CYCLE_MILESTONE_DUE =
            new EventType("io.rhythm.nps.CycleMilestoneDue.v1", Topics.NPS_CYCLES, Sources.NPS);
    public static final EventType CYCLE_CLOSED =
            new EventType("io.rhythm.nps.CycleClosed.v1", Topics.NPS_CYCLES, Sources.NPS);
    public static final EventType SURVEY_RESPONSE_SUBMITTED =
            new EventType("io.rhythm.nps.SurveyResponseSubmitted.v1", Topics.NPS_RESPONSES, Sources.NPS);
    public static final EventType DETRACTOR_CASE_OPENED =
            new EventType("io.rhythm.nps.DetractorCaseOpened.v1", Topics.NPS_CASES, Sources.NPS);
    public static final EventType DETRACTOR_CASE_ESCALATED =
            new EventType("io.rhythm.nps.DetractorCaseEscalated.v1", Topics.NPS_CASES, Sources.NPS);
    public static final EventType DETRACTOR_CASE_CLOSED =
            new EventType("io.rhythm.nps.DetractorCaseClosed.v1", Topics.NPS_CASES, Sources.NPS);
    public static final EventType CLIENT_LETTER_SENT =
            new EventType("io.rhythm.nps.ClientLetterSent.v1", Topics.NPS_CYCLES, Sources.NPS);
    public static final EventType SEGMENT_MIGRATED =
            new EventType("io.rhythm.segmentation.SegmentMigrated.v1", Topics.SEGMENT_MIGRATIONS, Sources.SEGMENTATION);
    public static final EventType SATISFACTION_ACTION_PLAN_REQUIRED =
            new EventType("io.rhythm.segmentation.SatisfactionActionPlanRequired.v1", Topics.SEGMENT_MIGRATIONS, Sources.SEGMENTATION);
    public static final EventType SATISFACTION_ACTION_PLAN_NO_LONGER_REQUIRED =
            new EventType("io.rhythm.segmentation.SatisfactionActionPlanNoLongerRequired.v1", Topics.SEGMENT_MIGRATIONS, Sources.SEGMENTATION);
    public static final EventType CADENCE_BREACHED =
            new EventType("io.rhythm.segmentation.CadenceBreached.v1", Topics.SEGMENT_MIGRATIONS, Sources.SEGMENTATION);
    public static final EventType ACCOUNT_PLAN_CREATED =
            new EventType("io.rhythm.planning.AccountPlanCreated.v1", Topics.PLANNING_PLANS, Sources.PLANNING);
    public static final EventType SATISFACTION_ACTION_PLAN_OVERDUE =
            new EventType("io.rhythm.planning.SatisfactionActionPlanOverdue.v1", Topics.PLANNING_PLANS, Sources.PLANNING);
    public static final EventType RENEWAL_WINDOW_OPENED =
            new EventType("io.rhythm.planning.RenewalWindowOpened.v1", Topics.PLANNING_PLANS, Sources.PLANNING);
    public static final EventType RENEWAL_OUTCOME_RECORDED =
            new EventType("io.rhythm.planning.RenewalOutcomeRecorded.v1", Topics.PLANNING_PLANS, Sources.PLANNING);
    public static final EventType ENGAGEMENT_ACTIVITY_LOGGED =
            new EventType("io.rhythm.calendar.EngagementActivityLogged.v1", Topics.CALENDAR_ACTIVITIES, Sources.CALENDAR);
    public static final EventType WORKFLOW_STARTED =
            new EventType("io.rhythm.planning.WorkflowStarted.v1", Topics.PLANNING_WORKFLOWS, Sources.PLANNING);
    public static final EventType WORKFLOW_STEP_COMPLETED =
            new EventType("io.rhythm.planning.WorkflowStepCompleted.v1", Topics.PLANNING_WORKFLOWS, Sources.PLANNING);
    public static final EventType WORKFLOW_COMPLETED =
            new EventType("io.rhythm.planning.WorkflowCompleted.v1", Topics.PLANNING_WORKFLOWS, Sources.PLANNING);
    public static final EventType WORKFLOW_STEP_OVERDUE =
            new EventType("io.rhythm.planning.WorkflowStepOverdue.v1", Topics.PLANNING_WORKFLOWS, Sources.PLANNING);
    public static final EventType CALENDAR_MILESTONE_DUE =
            new EventType("io.rhythm.calendar.CalendarMilestoneDue.v1", Topics.CALENDAR_MILESTONES, Sources.CALENDAR);
    public static final EventType DELIVERABLE_OVERDUE =
            new EventType("io.rhythm.calendar.DeliverableOverdue.v1", Topics.CALENDAR_MILESTONES, Sources.CALENDAR);

    private static final List<EventType> ALL = List.of(
            PROBE_RECORDED, CLIENT_UPSERTED, CONTACT_UPSERTED, HEALTH_SCORE_CHANGED, CYCLE_CREATED, CYCLE_MILESTONE_DUE, CYCLE_CLOSED, SURVEY_RESPONSE_SUBMITTED, SEGMENT_MIGRATED, ACCOUNT_PLAN_CREATED,
            ENGAGEMENT_ACTIVITY_LOGGED, ALERT_RAISED, ALERT_ESCALATED, ALERT_STATUS_CHANGED, EXPANSION_SIGNAL_RAISED,
            DETRACTOR_CASE_OPENED, DETRACTOR_CASE_ESCALATED, DETRACTOR_CASE_CLOSED, CLIENT_LETTER_SENT,
            RENEWAL_WINDOW_OPENED, RENEWAL_OUTCOME_RECORDED, SATISFACTION_ACTION_PLAN_OVERDUE, WORKFLOW_STARTED, WORKFLOW_STEP_COMPLETED, WORKFLOW_COMPLETED, WORKFLOW_STEP_OVERDUE,
            CALENDAR_MILESTONE_DUE, DELIVERABLE_OVERDUE,
            SATISFACTION_ACTION_PLAN_REQUIRED, SATISFACTION_ACTION_PLAN_NO_LONGER_REQUIRED, CADENCE_BREACHED);

    private static final Map<String, EventType> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventCatalogue() {
    }

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** CloudEvents {@code source} of each service. */
    public static final class Sources {
        public static final String PLATFORM = "/rhythm/platform";
        public static final String HEALTH = "/rhythm/health-service";
        public static final String NPS = "/rhythm/nps-service";
        public static final String SEGMENTATION = "/rhythm/segmentation-service";
        public static final String PLANNING = "/rhythm/planning-service";
        public static final String CALENDAR = "/rhythm/calendar-service";

        private Sources() {
        }
    }
}
