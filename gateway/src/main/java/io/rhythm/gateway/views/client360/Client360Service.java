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
 * this view). health-service's six parts and planning-service's six come from one client overview read each (one
 * token check, one transaction). All calls start at once; the latest cycle's themes follow the reply they depend on,
 * within the same deadline.
 */
@ApplicationScoped
public class Client360Service {

    @Inject
    Compositions compositions;

    public Client360View view(UUID id, LocalDate asOf, String authorization, String correlationId) {
        Composition c = compositions.begin(authorization, correlationId);
        String client = "/api/v1/clients/" + id;
        // health's parts in one read: profile, contacts, score explained, history, receivables, open alerts
        var overview = c.get("health", client + "/overview?asOf=" + asOf);
        var segment = c.get("segmentation", "/api/v1/segments/clients/" + id);
        var cadence = c.get("segmentation", "/api/v1/activity-register/compliance?groupBy=client&clientId=" + id + "&asOf=" + asOf);
        var trend = c.get("nps", "/api/v1/nps/trend?clientId=" + id);
        var cases = c.getAll("nps", "/api/v1/nps/cases?clientId=" + id + "&limit=200");
        // planning's parts in one read: plans, the latest plan's opportunities and risks, SAPs, renewals, workflows
        var planning = c.get("planning", "/api/v1/plans/clients/" + id + "/overview?asOf=" + asOf);
        var meetings = c.getAll("calendar", "/api/v1/calendar/activities?clientId=" + id + "&status=PLANNED&limit=200");
        var milestones = c.getAll("calendar", "/api/v1/calendar/events?from=" + asOf + "&to=" + asOf.plusDays(30) + "&limit=200");
        var themes = c.then(trend, "nps", body -> latestCycle(body).map(cycle -> "/api/v1/nps/cycles/" + cycle + "/themes?groupBy=client"));

        Reply overviewReply = c.await(overview, "health");
        if (overviewReply.failure() == null && (overviewReply.status() == 404 || overviewReply.status() == 403)) {
            // health-service owns the client registry and answers 404 for a client outside the caller's portfolio
            throw ApiException.notFound("client", id);
        }
        String clientId = id.toString();
        Reply healthReply = part(overviewReply, "health");
        Map<String, Section> s = new LinkedHashMap<>();
        s.put("profile", Composition.section(part(overviewReply, "client"), body -> body));
        s.put("contacts", Composition.section(part(overviewReply, "contacts"), Json::items));
        s.put("health", Composition.section(healthReply, body -> body));
        s.put("healthTrend", Composition.section(part(overviewReply, "history"), body -> body));
        s.put("segment", c.section(segment, "segmentation", body -> body));
        s.put("cadence", c.section(cadence, "segmentation", body -> group(body, clientId)));
        s.put("npsHistory", c.section(trend, "nps", body -> body.path("cycles")));
        s.put("latestThemes", c.section(themes, "nps", body -> group(body, clientId)));
        s.put("openAlerts", Composition.section(part(overviewReply, "openAlerts"), body -> Json.array(Json.items(body))));
        s.put("detractorCases", c.section(cases, "nps", body -> Json.filter(body, k -> !"CLOSED".equals(Json.text(k, "status")))));
        Reply planningReply = c.await(planning, "planning");
        s.put("accountPlans", Composition.section(part(planningReply, "plans"), Json::items));
        s.put("opportunities", Composition.section(part(planningReply, "opportunities"), Json::items));
        s.put("risks", Composition.section(part(planningReply, "risks"), Json::items));
        s.put("satisfactionActionPlans", Composition.section(part(planningReply, "satisfactionActionPlans"), Json::items));
        s.put("renewal", Composition.section(part(planningReply, "renewals"), Json::items));
        s.put("workflows", Composition.section(part(planningReply, "workflows"), Json::items));
        s.put("upcomingMeetings", c.section(meetings, "calendar", Json::items));
        s.put("upcomingMilestones", c.section(milestones, "calendar", Json::items));
        s.put("workingCapital", Composition.section(part(overviewReply, "receivables"),
                body -> WorkingCapital.of(body, healthReply.ok() ? healthReply.body() : null)));
        return new Client360View(clientId, asOf, Section.degraded(s), s.get("profile"), s.get("contacts"), s.get("health"),
                s.get("healthTrend"), s.get("segment"), s.get("cadence"), s.get("npsHistory"), s.get("latestThemes"),
                s.get("openAlerts"), s.get("detractorCases"), s.get("accountPlans"), s.get("opportunities"), s.get("risks"),
                s.get("satisfactionActionPlans"), s.get("renewal"), s.get("workflows"), s.get("upcomingMeetings"),
                s.get("upcomingMilestones"), s.get("workingCapital"));
    }

    /**
     * One part of a service's client overview (health's, planning's) as if it had been read from its own endpoint: the overview's failure or
     * status when it has none; 403 for a part withheld from the caller's role; 404 for an absent part (no score yet).
     */
    public static Reply part(Reply overview, String field) {
        if (!overview.ok()) {
            return overview;
        }
        for (JsonNode withheld : overview.body().path("withheld")) {
            if (field.equals(withheld.asText())) {
                return new Reply(overview.service(), 403, null, null);
            }
        }
        JsonNode value = overview.body().get(field);
        return value == null || value.isNull() ? new Reply(overview.service(), 404, null, null)
                : new Reply(overview.service(), 200, value, null);
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
