package io.rhythm.calendar.briefing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.calendar.api.ActivityView;
import io.rhythm.calendar.domain.ActionItem;
import io.rhythm.calendar.domain.ActivityStatus;
import io.rhythm.calendar.domain.EngagementActivity;
import io.rhythm.calendar.service.Activities;
import io.rhythm.calendar.service.NativeRows;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Assembles a meeting brief from the projections ({@link BriefProjections}) and the client's own activities. */
@ApplicationScoped
public class Briefs {

    static final String HEALTH = "health.scores.v1 HealthScoreChanged";
    static final String SEGMENTS = "segments.migrations.v1 SegmentMigrated";
    static final String CADENCE = "segments.migrations.v1 CadenceBreached";
    static final String NPS = "nps.responses.v1 SurveyResponseSubmitted";
    static final String ALERTS = "health.alerts.v1 AlertRaised/AlertStatusChanged/AlertEscalated";
    static final String CASES = "nps.cases.v1 DetractorCaseOpened/Escalated/Closed";
    static final String PLANNING = "planning-service (planning.plans.v1)";
    static final String ACTIVITIES = "calendar-service engagement activities";
    /** Why the planning sections are missing: no event of the catalogue carries them (see the EventCatalogue). */
    static final String NO_PLANNING_EVENT = "planning-service publishes no event carrying a plan's %s "
            + "(planning.plans.v1 carries AccountPlanCreated and RenewalWindowOpened only), so calendar-service cannot show them";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    Activities activities;
    @Inject
    ClientDirectory directory;
    @Inject
    NativeRows db;
    @Inject
    Clock clock;

    /** The brief for an activity whose client the caller may see (404 otherwise, as for the activity itself). */
    public MeetingBrief brief(UUID activityId, Caller caller) {
        EngagementActivity activity = activities.require(activityId, caller);
        DirectoryEntry c = directory.find(activity.clientId).orElseThrow(() -> ApiException.notFound("Activity", activityId));
        Instant now = Instant.now(clock);
        UUID client = c.clientId();
        return new MeetingBrief(activities.view(activity),
                new MeetingBrief.Client(client.toString(), c.name(), c.region(), c.businessUnit(), c.ownerCse(), c.ownerCam(),
                        c.tier(), c.lifecycleStage(), c.renewalDate()),
                now, health(client), segment(client), cadence(client), nps(client, now), alerts(client), cases(client),
                MeetingBrief.Section.missing(PLANNING, NO_PLANNING_EVENT.formatted("opportunities")),
                MeetingBrief.Section.missing(PLANNING, NO_PLANNING_EVENT.formatted("risks")),
                lastActivities(activity));
    }

    private MeetingBrief.Section<MeetingBrief.Health> health(UUID client) {
        List<Tuple> rows = db.rows("select * from brief_health where client_id = :client", "client", client);
        if (rows.isEmpty()) {
            return MeetingBrief.Section.missing(HEALTH, "no health score has been received for this client");
        }
        Tuple r = rows.getFirst();
        return MeetingBrief.Section.available(HEALTH, new MeetingBrief.Health(r.get("score", BigDecimal.class),
                r.get("band", String.class), r.get("previous_score", BigDecimal.class), r.get("previous_band", String.class),
                r.get("delta", BigDecimal.class), json(r.get("drivers"), new TypeReference<>() { }),
                json(r.get("flags"), new TypeReference<>() { }), ((Number) r.get("model_version")).intValue(),
                r.get("scored_at", Instant.class)));
    }

    private MeetingBrief.Section<MeetingBrief.Segment> segment(UUID client) {
        List<Tuple> rows = db.rows("select * from client_segment where client_id = :client", "client", client);
        if (rows.isEmpty()) {
            return MeetingBrief.Section.missing(SEGMENTS, "segmentation-service has not assigned this client a segment");
        }
        Tuple r = rows.getFirst();
        return MeetingBrief.Section.available(SEGMENTS, new MeetingBrief.Segment(r.get("segment", String.class),
                r.get("sap_required", Boolean.class), r.get("updated_at", Instant.class)));
    }

    /** Breaches still open: no activity of the breached type held in calendar-service after the breach's last held day. */
    private MeetingBrief.Section<MeetingBrief.Cadence> cadence(UUID client) {
        List<Tuple> segment = db.rows("select segment from client_segment where client_id = :client", "client", client);
        List<Tuple> open = db.rows("""
                select b.* from brief_cadence_breach b where b.client_id = :client and not exists (
                    select 1 from engagement_activity a where a.client_id = b.client_id and a.status = 'HELD'
                    and a.activity_type = b.activity_type and a.occurred_on > coalesce(b.last_held, date '0001-01-01'))
                order by b.due_date, b.activity_type""", "client", client);
        if (segment.isEmpty() && open.isEmpty()) {
            return MeetingBrief.Section.missing(CADENCE, "no segment, so no Activity Register cadence applies yet");
        }
        List<MeetingBrief.Breach> breaches = open.stream().map(r -> new MeetingBrief.Breach(r.get("activity_type", String.class),
                r.get("cadence", String.class), r.get("due_date", LocalDate.class), r.get("last_held", LocalDate.class),
                r.get("detected_on", LocalDate.class))).toList();
        String name = segment.isEmpty() ? open.getFirst().get("segment", String.class) : segment.getFirst().get("segment", String.class);
        return MeetingBrief.Section.available(CADENCE,
                new MeetingBrief.Cadence(name, breaches.isEmpty() ? "NO_OPEN_BREACH" : "BREACHED", breaches));
    }

    private MeetingBrief.Section<MeetingBrief.Nps> nps(UUID client, Instant now) {
        List<Tuple> rows = db.rows("select * from brief_nps_response where client_id = :client order by responded_at desc, response_id",
                "client", client);
        if (rows.isEmpty()) {
            return MeetingBrief.Section.missing(NPS, "no NPS answer from this client has been received");
        }
        Tuple latest = rows.getFirst();
        Instant since = now.minus(Duration.ofDays(365));
        List<NpsFigures.Answer> year = rows.stream().filter(r -> !r.get("responded_at", Instant.class).isBefore(since))
                .map(r -> new NpsFigures.Answer(((Number) r.get("score")).intValue(), themes(r))).toList();
        NpsFigures figures = NpsFigures.of(year);
        return MeetingBrief.Section.available(NPS, new MeetingBrief.Nps(
                new MeetingBrief.LatestAnswer(latest.get("response_id", String.class), latest.get("cycle_id", String.class),
                        ((Number) latest.get("score")).intValue(), latest.get("category", String.class), themes(latest),
                        latest.get("sentiment_label", String.class), latest.get("channel", String.class),
                        latest.get("responded_at", Instant.class)),
                figures.answers(), figures.promoters(), figures.passives(), figures.detractors(), figures.nps(), figures.themes()));
    }

    private MeetingBrief.Section<List<MeetingBrief.Alert>> alerts(UUID client) {
        List<MeetingBrief.Alert> open = db.rows("""
                select * from brief_alert where client_id = :client and status <> 'RESOLVED'
                order by raised_at desc nulls last, alert_id""", "client", client).stream()
                .map(r -> new MeetingBrief.Alert(r.get("alert_id", String.class), r.get("alert_type", String.class),
                        r.get("severity", String.class), r.get("status", String.class), r.get("owner", String.class),
                        r.get("reason", String.class), r.get("raised_at", Instant.class), r.get("escalated_to", String.class)))
                .toList();
        return MeetingBrief.Section.available(ALERTS, open);
    }

    private MeetingBrief.Section<List<MeetingBrief.DetractorCase>> cases(UUID client) {
        List<MeetingBrief.DetractorCase> open = db.rows("""
                select * from brief_detractor_case where client_id = :client and status <> 'CLOSED'
                order by opened_at desc nulls last, case_id""", "client", client).stream()
                .map(r -> new MeetingBrief.DetractorCase(r.get("case_id", String.class), r.get("response_id", String.class),
                        r.get("score") == null ? null : ((Number) r.get("score")).intValue(), r.get("owner", String.class),
                        r.get("status", String.class), r.get("opened_at", Instant.class), r.get("outreach_due_at", Instant.class),
                        r.get("action_plan_due_at", Instant.class), stages(r.get("escalated_stages"))))
                .toList();
        return MeetingBrief.Section.available(CASES, open);
    }

    /** The client's last three held activities before this one, each with its open action items. */
    private MeetingBrief.Section<List<ActivityView>> lastActivities(EngagementActivity meeting) {
        List<EngagementActivity> held = EngagementActivity.<EngagementActivity>find(
                "clientId = ?1 and status = ?2 and id <> ?3 order by occurredOn desc, id", meeting.clientId, ActivityStatus.HELD,
                meeting.id).page(0, 3).list();
        if (held.isEmpty()) {
            return MeetingBrief.Section.missing(ACTIVITIES, "no held activity with this client is recorded");
        }
        Map<UUID, List<ActionItem>> open = ActionItem.<ActionItem>list("activityId in ?1 and status = 'OPEN' order by position",
                held.stream().map(a -> a.id).toList()).stream().collect(Collectors.groupingBy(i -> i.activityId));
        return MeetingBrief.Section.available(ACTIVITIES,
                held.stream().map(a -> ActivityView.of(a, open.getOrDefault(a.id, List.of()))).toList());
    }

    private static List<String> themes(Tuple row) {
        return json(row.get("themes"), new TypeReference<>() { });
    }

    private static List<String> stages(Object array) {
        if (array instanceof String[] strings) {
            return Arrays.asList(strings);
        }
        if (array instanceof Object[] objects) {
            return Arrays.stream(objects).map(String::valueOf).toList();
        }
        return List.of();
    }

    private static <T> T json(Object value, TypeReference<T> type) {
        try {
            return MAPPER.readValue(value.toString(), type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable projection column", e);
        }
    }
}
