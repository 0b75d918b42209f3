package io.rhythm.planning.service;

import io.agroal.api.AgroalDataSource;
import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.Json;
import io.rhythm.platform.events.payload.EngagementActivityLogged;
import io.rhythm.platform.events.payload.HealthScoreChanged;
import io.rhythm.platform.events.payload.SurveyResponseSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * The client facts a plan's health assessment snapshots, projected from events: the latest health
 * score and band (health.scores.v1), the client's NPS from the responses seen (nps.responses.v1) and
 * its last engagement (calendar.activities.v1). Older events never overwrite newer facts.
 */
@ApplicationScoped
public class HealthProjection {

    /** What a plan copies: NPS is −100..100 over every response received; engagement names the last activity. */
    public record Snapshot(Integer score, String band, Integer nps, String engagement) {
    }

    private static final String HEALTH = """
            insert into client_health (client_id, score, band, scored_at) values (?, ?, ?, ?)
            on conflict (client_id) do update set score = excluded.score, band = excluded.band, scored_at = excluded.scored_at
            where client_health.scored_at <= excluded.scored_at""";
    private static final String NPS = """
            insert into client_nps (client_id, last_score, responses, promoters, detractors, responded_at)
            values (?, ?, 1, ?, ?, ?)
            on conflict (client_id) do update set responses = client_nps.responses + 1,
                promoters = client_nps.promoters + excluded.promoters, detractors = client_nps.detractors + excluded.detractors,
                last_score = case when excluded.responded_at >= client_nps.responded_at then excluded.last_score
                                  else client_nps.last_score end,
                responded_at = greatest(client_nps.responded_at, excluded.responded_at)""";
    private static final String ENGAGEMENT = """
            insert into client_engagement (client_id, last_activity, activity_type) values (?, ?, ?)
            on conflict (client_id) do update set last_activity = excluded.last_activity, activity_type = excluded.activity_type
            where client_engagement.last_activity <= excluded.last_activity""";

    @Inject
    AgroalDataSource dataSource;

    /** Applies one event in the idempotent consumer's transaction; other event types change nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (event.type().equals(EventCatalogue.HEALTH_SCORE_CHANGED.type())) {
            HealthScoreChanged changed = Json.read(event.data(), HealthScoreChanged.class);
            update(HEALTH, UUID.fromString(changed.clientId()), (int) Math.round(changed.score()), changed.band(),
                    Timestamp.from(changed.scoredAt() != null ? changed.scoredAt() : event.time()));
        } else if (event.type().equals(EventCatalogue.SURVEY_RESPONSE_SUBMITTED.type())) {
            SurveyResponseSubmitted response = Json.read(event.data(), SurveyResponseSubmitted.class);
            update(NPS, UUID.fromString(response.clientId()), response.score(), response.score() >= 9 ? 1 : 0,
                    response.score() <= 6 ? 1 : 0,
                    Timestamp.from(response.respondedAt() != null ? response.respondedAt() : event.time()));
        } else if (event.type().equals(EventCatalogue.ENGAGEMENT_ACTIVITY_LOGGED.type())) {
            EngagementActivityLogged activity = Json.read(event.data(), EngagementActivityLogged.class);
            update(ENGAGEMENT, UUID.fromString(activity.clientId()), Date.valueOf(activity.occurredOn()),
                    activity.activityType());
        }
    }

    /** The client's current facts, or empty before its first health score. */
    public Optional<Snapshot> snapshot(UUID clientId) {
        String sql = """
                select h.score, h.band, n.responses, n.promoters, n.detractors, e.last_activity, e.activity_type
                from client_health h left join client_nps n on n.client_id = h.client_id
                left join client_engagement e on e.client_id = h.client_id where h.client_id = ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Integer nps = null;
                int responses = rs.getInt(3);
                if (responses > 0) {
                    nps = Math.round((rs.getInt(4) - rs.getInt(5)) * 100f / responses);
                }
                Date last = rs.getDate(6);
                String engagement = last == null ? "no engagement logged" : rs.getString(7) + " on " + last.toLocalDate();
                return Optional.of(new Snapshot(rs.getInt(1), rs.getString(2), nps, engagement));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the health projection of client " + clientId, e);
        }
    }

    /** Whether the client's current segment needs a Satisfaction Action Plan (Maintain, Nurture, Sleeping Giants). */
    public boolean sapRequired(UUID clientId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select sap_required from client_segment where client_id = ?")) {
            ps.setObject(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the segment of client " + clientId, e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update a client projection", e);
        }
    }
}
