package io.rhythm.gateway.views.client360;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.gateway.views.Composition;
import io.rhythm.gateway.views.Compositions;
import io.rhythm.gateway.views.Json;
import io.rhythm.gateway.views.Section;
import io.rhythm.gateway.views.downstream.Reply;
import io.rhythm.platform.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Client 360, composed per request from the owning services' APIs with the caller's token: every section is what
 * the service itself shows this caller (a CSE sees only their clients: health answers 404 for others, and so does
 * this view). All calls start at once; the plan's opportunities and risks and the latest cycle's themes follow the
 * reply they depend on, within the same deadline.
 */
@ApplicationScoped
public class Client360Service {

    @Inject
    Compositions compositions;

    public Client360View view(UUID id, LocalDate asOf, String authorization, String correlationId) {
        Composition c = compositions.begin(authorization, correlationId);
        String client = "/api/v1/clients/" + id;
        var profile = c.get("health", client);
        var contacts = c.getAll("health", client + "/contacts?limit=200");
        var health = c.get("health", client + "/health");
        var receivables = c.get("health", client + "/receivables?asOf=" + asOf);
        var history = c.get("health", client + "/health/history");
        var alerts = c.getAll("health", client + "/alerts?limit=200");
        var segment = c.get("segmentation", "/api/v1/segments/clients/" + id);
        var cadence = c.get("segmentation", "/api/v1/activity-register/compliance?groupBy=client&clientId=" + id + "&asOf=" + asOf);
        var trend = c.get("nps", "/api/v1/nps/trend?clientId=" + id);
        var cases = c.getAll("nps", "/api/v1/nps/cases?clientId=" + id + "&limit=200");
        var plans = c.get("planning", "/api/v1/plans?clientId=" + id);
        var saps = c.getAll("planning", "/api/v1/plans/saps?clientId=" + id + "&limit=200");
        var renewals = c.getAll("planning", "/api/v1/renewals?clientId=" + id + "&asOf=" + asOf + "&withinDays=730&limit=200");
        var workflows = c.getAll("planning", "/api/v1/workflows?clientId=" + id + "&status=RUNNING&limit=200");
        var meetings = c.getAll("calendar", "/api/v1/calendar/activities?clientId=" + id + "&status=PLANNED&limit=200");
        var milestones = c.getAll("calendar", "/api/v1/calendar/events?from=" + asOf + "&to=" + asOf.plusDays(30) + "&limit=200");
        var opportunities = c.then(plans, "planning", body -> latestPlan(body).map(p -> "/api/v1/plans/" + p + "/opportunities?limit=200"));
        var risks = c.then(plans, "planning", body -> latestPlan(body).map(p -> "/api/v1/plans/" + p + "/risks?limit=200"));
        var themes = c.then(trend, "nps", body -> latestCycle(body).map(cycle -> "/api/v1/nps/cycles/" + cycle + "/themes?groupBy=client"));

        Reply profileReply = c.await(profile, "health");
        if (profileReply.failure() == null && (profileReply.status() == 404 || profileReply.status() == 403)) {
            // health-service owns the client registry and answers 404 for a client outside the caller's portfolio
            throw ApiException.notFound("client", id);
        }
        String clientId = id.toString();
        Reply healthReply = c.await(health, "health");
        Map<String, Section> s = new LinkedHashMap<>();
        s.put("profile", Composition.section(profileReply, body -> body));
        s.put("contacts", c.section(contacts, "health", Json::items));
        s.put("health", Composition.section(healthReply, body -> body));
        s.put("healthTrend", c.section(history, "health", body -> body));
        s.put("segment", c.section(segment, "segmentation", body -> body));
        s.put("cadence", c.section(cadence, "segmentation", body -> group(body, clientId)));
        s.put("npsHistory", c.section(trend, "nps", body -> body.path("cycles")));
        s.put("latestThemes", c.section(themes, "nps", body -> group(body, clientId)));
        s.put("openAlerts", c.section(alerts, "health", body -> Json.filter(body, a -> !"RESOLVED".equals(Json.text(a, "status")))));
        s.put("detractorCases", c.section(cases, "nps", body -> Json.filter(body, k -> !"CLOSED".equals(Json.text(k, "status")))));
        s.put("accountPlans", c.section(plans, "planning", Json::items));
        s.put("opportunities", c.section(opportunities, "planning", Json::items));
        s.put("risks", c.section(risks, "planning", Json::items));
        s.put("satisfactionActionPlans", c.section(saps, "planning", Json::items));
        s.put("renewal", c.section(renewals, "planning", Json::items));
        s.put("workflows", c.section(workflows, "planning", Json::items));
        s.put("upcomingMeetings", c.section(meetings, "calendar", Json::items));
        s.put("upcomingMilestones", c.section(milestones, "calendar", Json::items));
        s.put("workingCapital", c.section(receivables, "health",
                body -> WorkingCapital.of(body, healthReply.ok() ? healthReply.body() : null)));
        return new Client360View(clientId, asOf, Section.degraded(s), s.get("profile"), s.get("contacts"), s.get("health"),
                s.get("healthTrend"), s.get("segment"), s.get("cadence"), s.get("npsHistory"), s.get("latestThemes"),
                s.get("openAlerts"), s.get("detractorCases"), s.get("accountPlans"), s.get("opportunities"), s.get("risks"),
                s.get("satisfactionActionPlans"), s.get("renewal"), s.get("workflows"), s.get("upcomingMeetings"),
                s.get("upcomingMilestones"), s.get("workingCapital"));
    }

    /** The plan of the latest fiscal year (plans come newest first or in any order). */
    static Optional<String> latestPlan(JsonNode plans) {
        return Json.items(plans).stream()
                .max(java.util.Comparator.comparing((JsonNode p) -> String.valueOf(Json.text(p, "fiscalYear")))
                        .thenComparing(p -> String.valueOf(Json.text(p, "createdAt"))))
                .map(p -> Json.text(p, "id"));
    }

    /** The client's latest cycle in its NPS trend. */
    static Optional<String> latestCycle(JsonNode trend) {
        List<JsonNode> cycles = Json.items(trend.path("cycles"));
        return cycles.isEmpty() ? Optional.empty() : Optional.ofNullable(Json.text(cycles.get(cycles.size() - 1), "cycleId"));
    }

    /** The group of a grouped answer whose key is this client (null when the client has none). */
    static JsonNode group(JsonNode body, String clientId) {
        for (JsonNode group : body.path("groups")) {
            if (clientId.equals(Json.text(group, "key"))) {
                return group;
            }
        }
        return null;
    }

}
