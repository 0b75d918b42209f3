package io.rhythm.calendar.briefing;

import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.payload.AlertEscalated;
import io.rhythm.platform.events.payload.AlertRaised;
import io.rhythm.platform.events.payload.AlertStatusChanged;
import io.rhythm.platform.events.payload.CadenceBreached;
import io.rhythm.platform.events.payload.DetractorCaseClosed;
import io.rhythm.platform.events.payload.DetractorCaseEscalated;
import io.rhythm.platform.events.payload.DetractorCaseOpened;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.events.payload.SurveyResponseSubmitted;
import io.rhythm.platform.projection.ClientSegmentProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Briefing Room's projections, kept from other services' events (see V6): each client's latest health score
 * with its drivers, segment, cadence breaches, NPS answers, alerts and detractor cases. Called from idempotent
 * consumers (a redelivered event changes nothing); every write is also safe against an older event arriving late
 * (scores by {@code scoredAt}, alert and case states by event time).
 */
@ApplicationScoped
public class BriefProjections {

    @Inject
    EntityManager em;
    @Inject
    ClientSegmentProjection segments;

    /** Applies one event in the consumer's transaction; types the Briefing Room does not use change nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        String type = event.type();
        if (type.equals(EventCatalogue.HEALTH_SCORE_CHANGED.type())) {
            health(Json.read(event.data(), HealthScoreChanged.class));
        } else if (type.equals(EventCatalogue.SEGMENT_MIGRATED.type())) {
            segments.apply(event);
        } else if (type.equals(EventCatalogue.CADENCE_BREACHED.type())) {
            cadence(Json.read(event.data(), CadenceBreached.class));
        } else if (type.equals(EventCatalogue.SURVEY_RESPONSE_SUBMITTED.type())) {
            npsAnswer(Json.read(event.data(), SurveyResponseSubmitted.class));
        } else if (type.equals(EventCatalogue.ALERT_RAISED.type())) {
            alertRaised(Json.read(event.data(), AlertRaised.class), event.time());
        } else if (type.equals(EventCatalogue.ALERT_STATUS_CHANGED.type())) {
            AlertStatusChanged changed = Json.read(event.data(), AlertStatusChanged.class);
            alertUpdate(changed.alertId(), changed.clientId(), changed.alertType(), changed.status(), null, event.time());
        } else if (type.equals(EventCatalogue.ALERT_ESCALATED.type())) {
            AlertEscalated escalated = Json.read(event.data(), AlertEscalated.class);
            alertUpdate(escalated.alertId(), escalated.clientId(), escalated.alertType(), escalated.status(),
                    escalated.escalatedTo(), event.time());
        } else if (type.equals(EventCatalogue.DETRACTOR_CASE_OPENED.type())) {
            caseOpened(Json.read(event.data(), DetractorCaseOpened.class), event.time());
        } else if (type.equals(EventCatalogue.DETRACTOR_CASE_ESCALATED.type())) {
            DetractorCaseEscalated escalated = Json.read(event.data(), DetractorCaseEscalated.class);
            caseUpdate(escalated.caseId(), escalated.clientId(), escalated.owner(), escalated.status(),
                    escalated.missedStage(), null, event.time());
        } else if (type.equals(EventCatalogue.DETRACTOR_CASE_CLOSED.type())) {
            DetractorCaseClosed closed = Json.read(event.data(), DetractorCaseClosed.class);
            caseUpdate(closed.caseId(), closed.clientId(), closed.owner(), "CLOSED", null, closed.closedAt(), event.time());
        }
    }

    private void health(HealthScoreChanged changed) {
        execute("""
                insert into brief_health (client_id, score, band, previous_score, previous_band, delta, drivers, flags,
                    model_version, scored_at)
                values (:client, :score, :band, :previous, :previousBand, :delta, cast(:drivers as jsonb),
                    cast(:flags as jsonb), :model, :scoredAt)
                on conflict (client_id) do update set score = excluded.score, band = excluded.band,
                    previous_score = excluded.previous_score, previous_band = excluded.previous_band, delta = excluded.delta,
                    drivers = excluded.drivers, flags = excluded.flags, model_version = excluded.model_version,
                    scored_at = excluded.scored_at
                where brief_health.scored_at <= excluded.scored_at""",
                "client", UUID.fromString(changed.clientId()), "score", changed.score(), "band", changed.band(),
                "previous", changed.previousScore(), "previousBand", changed.previousBand(), "delta", changed.delta(),
                "drivers", Json.write(changed.drivers() == null ? List.of() : changed.drivers()),
                "flags", Json.write(changed.flags() == null ? List.of() : changed.flags()),
                "model", changed.modelVersion(), "scoredAt", ts(changed.scoredAt()));
    }

    private void cadence(CadenceBreached breached) {
        execute("""
                insert into brief_cadence_breach (client_id, activity_type, cadence, segment, due_date, last_held, detected_on)
                values (:client, :type, :cadence, :segment, :due, :lastHeld, :detected)
                on conflict do nothing""",
                "client", UUID.fromString(breached.clientId()), "type", breached.activityType(), "cadence", breached.cadence(),
                "segment", breached.segment(), "due", breached.dueDate(), "lastHeld", breached.lastHeld(),
                "detected", breached.detectedOn());
    }

    private void npsAnswer(SurveyResponseSubmitted answer) {
        execute("""
                insert into brief_nps_response (response_id, client_id, cycle_id, score, category, themes, sentiment_label,
                    channel, responded_at)
                values (:id, :client, :cycle, :score, :category, cast(:themes as jsonb), :sentiment, :channel, :at)
                on conflict (response_id) do nothing""",
                "id", answer.responseId(), "client", UUID.fromString(answer.clientId()), "cycle", answer.cycleId(),
                "score", answer.score(), "category", answer.category(),
                "themes", Json.write(answer.themes() == null ? List.of() : answer.themes()),
                "sentiment", answer.sentiment() == null ? null : answer.sentiment().label(), "channel", answer.channel(),
                "at", ts(answer.respondedAt()));
    }

    private void alertRaised(AlertRaised raised, Instant at) {
        execute("""
                insert into brief_alert (alert_id, client_id, alert_type, severity, status, owner, reason, raised_at, updated_at)
                values (:id, :client, :type, :severity, :status, :owner, :reason, :raised, :at)
                on conflict (alert_id) do update set severity = excluded.severity, owner = excluded.owner,
                    reason = excluded.reason, raised_at = excluded.raised_at""",
                "id", raised.alertId(), "client", UUID.fromString(raised.clientId()), "type", raised.alertType(),
                "severity", raised.severity(), "status", raised.status(), "owner", raised.owner(), "reason", raised.reason(),
                "raised", ts(raised.raisedAt()), "at", ts(at));
    }

    /** A later state of an alert; an alert first seen here (its AlertRaised predates the projection) is created. */
    private void alertUpdate(String alertId, String clientId, String alertType, String status, String escalatedTo, Instant at) {
        execute("""
                insert into brief_alert (alert_id, client_id, alert_type, status, escalated_to, updated_at)
                values (:id, :client, :type, :status, :escalated, :at)
                on conflict (alert_id) do update set status = excluded.status,
                    escalated_to = coalesce(excluded.escalated_to, brief_alert.escalated_to), updated_at = excluded.updated_at
                where brief_alert.updated_at <= excluded.updated_at""",
                "id", alertId, "client", UUID.fromString(clientId), "type", alertType, "status", status,
                "escalated", escalatedTo, "at", ts(at));
    }

    private void caseOpened(DetractorCaseOpened opened, Instant at) {
        execute("""
                insert into brief_detractor_case (case_id, client_id, response_id, score, owner, status, opened_at,
                    outreach_due_at, action_plan_due_at, updated_at)
                values (:id, :client, :response, :score, :owner, 'OPEN', :opened, :outreach, :plan, :at)
                on conflict (case_id) do update set response_id = excluded.response_id, score = excluded.score,
                    opened_at = excluded.opened_at, outreach_due_at = excluded.outreach_due_at,
                    action_plan_due_at = excluded.action_plan_due_at""",
                "id", opened.caseId(), "client", UUID.fromString(opened.clientId()), "response", opened.responseId(),
                "score", opened.score(), "owner", opened.owner(), "opened", ts(opened.openedAt()),
                "outreach", ts(opened.outreachDueAt()), "plan", ts(opened.actionPlanDueAt()), "at", ts(at));
    }

    private void caseUpdate(String caseId, String clientId, String owner, String status, String missedStage,
                            Instant closedAt, Instant at) {
        execute("""
                insert into brief_detractor_case (case_id, client_id, owner, status, escalated_stages, closed_at, updated_at)
                values (:id, :client, :owner, :status, case when cast(:stage as text) is null then '{}'::text[]
                    else array[cast(:stage as text)] end, :closed, :at)
                on conflict (case_id) do update set owner = coalesce(excluded.owner, brief_detractor_case.owner),
                    status = case when brief_detractor_case.updated_at <= excluded.updated_at then excluded.status
                        else brief_detractor_case.status end,
                    escalated_stages = array(select distinct s from unnest(brief_detractor_case.escalated_stages
                        || excluded.escalated_stages) s order by s),
                    closed_at = coalesce(excluded.closed_at, brief_detractor_case.closed_at),
                    updated_at = greatest(brief_detractor_case.updated_at, excluded.updated_at)""",
                "id", caseId, "client", UUID.fromString(clientId), "owner", owner, "status", status, "stage", missedStage,
                "closed", ts(closedAt), "at", ts(at));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private void execute(String sql, Object... params) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i += 2) {
            query.setParameter((String) params[i], params[i + 1]);
        }
        query.executeUpdate();
    }
}
