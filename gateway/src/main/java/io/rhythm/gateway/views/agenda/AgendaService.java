package io.rhythm.gateway.views.agenda;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.gateway.views.Composition;
import io.rhythm.gateway.views.Compositions;
import io.rhythm.gateway.views.Json;
import io.rhythm.gateway.views.Section;
import io.rhythm.gateway.views.commandcentre.PortfolioFigures;
import io.rhythm.gateway.views.downstream.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * My work: what the caller owns and has to act on, from each service's own lists filtered to the caller (owner =
 * the caller, mine=true, the caller's roles for workflow steps), composed with the caller's token. The EVP also
 * sees DRAFT letters and talking points of the current cycle to approve.
 */
@ApplicationScoped
public class AgendaService {

    @Inject
    Compositions compositions;

    public AgendaView view(String user, Set<String> roles, LocalDate asOf, String authorization, String correlationId) {
        Composition c = compositions.begin(authorization, correlationId);
        String me = URLEncoder.encode(user, StandardCharsets.UTF_8);
        var alerts = c.getAll("health", "/api/v1/alerts?owner=" + me + "&limit=200");
        var cases = c.getAll("nps", "/api/v1/nps/cases?owner=" + me + "&limit=200");
        var saps = c.getAll("planning", "/api/v1/plans/saps?asOf=" + asOf + "&limit=200");
        var workflows = c.getAll("planning", "/api/v1/workflows?status=RUNNING&limit=200&asOf=" + asOf);
        var deliverables = c.getAll("calendar", "/api/v1/calendar/deliverables?asOf=" + asOf + "&mine=true&status=OPEN&limit=200");
        var cadence = c.get("segmentation", "/api/v1/activity-register/compliance?groupBy=client&asOf=" + asOf + "&owner=" + me);
        boolean evp = roles.contains("evp");
        CompletableFuture<Reply> letters = evp ? c.getAll("nps", "/api/v1/nps/letters?status=DRAFT&limit=200") : null;
        CompletableFuture<Reply> points = null;
        if (evp) {
            var cycles = c.getAll("nps", "/api/v1/nps/cycles?limit=200");
            points = c.then(cycles, "nps", body -> PortfolioFigures.currentCycle(body, asOf)
                    .map(cycle -> "/api/v1/nps/cycles/" + Json.text(cycle, "id") + "/talking-points?limit=200"));
        }

        List<AgendaItem> items = new ArrayList<>();
        Map<String, Section> sources = new LinkedHashMap<>();
        sources.put("alerts", collect(c, alerts, "health", items, body -> Json.items(body).stream()
                .filter(a -> !"RESOLVED".equals(Json.text(a, "status")))
                .map(a -> new AgendaItem("ALERT", Json.text(a, "type") + " alert (" + Json.text(a, "severity") + "): " + Json.text(a, "reason"),
                        Json.text(a, "clientId"), Json.text(a, "clientName"), Json.text(a, "nextDueAt"),
                        a.path("breached").asBoolean(), Json.text(a, "id"), "/api/v1/alerts/" + Json.text(a, "id"))).toList()));
        sources.put("detractorCases", collect(c, cases, "nps", items, body -> Json.items(body).stream()
                .filter(k -> !Set.of("RESOLVED", "CLOSED").contains(Json.text(k, "status")))
                .map(k -> {
                    String due = nextStageDue(k);
                    return new AgendaItem("DETRACTOR_CASE", "Detractor case (score " + k.path("score").asInt() + ") at " + Json.text(k, "status"),
                            Json.text(k, "clientId"), Json.text(k, "clientName"), due, AgendaRules.overdue(due, asOf) || k.path("breached").asBoolean(),
                            Json.text(k, "id"), "/api/v1/nps/cases/" + Json.text(k, "id"));
                }).toList()));
        sources.put("satisfactionActionPlans", collect(c, saps, "planning", items, body -> {
            List<AgendaItem> list = new ArrayList<>();
            for (JsonNode sap : Json.items(body)) {
                if (!user.equals(Json.text(sap, "owner"))) {
                    continue;
                }
                String href = "/api/v1/plans/saps/" + Json.text(sap, "id");
                if (Json.text(sap, "nextUpdateDue") != null) {
                    list.add(new AgendaItem("SAP_UPDATE", "Satisfaction Action Plan update", Json.text(sap, "clientId"), null,
                            Json.text(sap, "nextUpdateDue"), sap.path("updateOverdue").asBoolean(), Json.text(sap, "id"), href));
                }
                if (Json.text(sap, "nextReviewDue") != null) {
                    list.add(new AgendaItem("SAP_REVIEW", "Satisfaction Action Plan review", Json.text(sap, "clientId"), null,
                            Json.text(sap, "nextReviewDue"), sap.path("reviewOverdue").asBoolean(), Json.text(sap, "id"), href));
                }
            }
            return list;
        }));
        sources.put("workflowSteps", collect(c, workflows, "planning", items, body -> {
            List<AgendaItem> list = new ArrayList<>();
            for (JsonNode workflow : Json.items(body)) {
                JsonNode step = workflow.path("activeStep"); // the list's summary carries the active step only
                if (step.isObject() && roles.contains(Json.text(step, "assigneeRole"))) {
                    list.add(new AgendaItem("WORKFLOW_STEP", workflow.path("template").path("name").asText() + ": " + Json.text(step, "name"),
                            Json.text(workflow, "clientId"), Json.text(workflow, "clientName"), Json.text(step, "dueOn"),
                            step.path("overdue").asBoolean(), Json.text(workflow, "id"), "/api/v1/workflows/" + Json.text(workflow, "id")));
                }
            }
            return list;
        }));
        sources.put("deliverables", collect(c, deliverables, "calendar", items, body -> Json.items(body).stream()
                .map(d -> new AgendaItem("DELIVERABLE", Json.text(d, "title"), null, null, Json.text(d, "dueOn"),
                        d.path("overdue").asBoolean(), Json.text(d, "id"), "/api/v1/calendar/deliverables/" + Json.text(d, "id") + "/complete")).toList()));
        sources.put("cadenceGaps", collect(c, cadence, "segmentation", items, body -> {
            List<AgendaItem> list = new ArrayList<>();
            for (JsonNode group : body.path("groups")) {
                if (!user.equals(Json.text(group, "ownerCse"))) {
                    continue;
                }
                for (JsonNode item : group.path("items")) {
                    String status = Json.text(item, "status");
                    if ("OVERDUE".equals(status) || "DUE_SOON".equals(status)) {
                        list.add(new AgendaItem("CADENCE_GAP", Json.text(item, "activityName") + " (" + Json.text(item, "cadence") + ")",
                                Json.text(group, "key"), Json.text(group, "label"), Json.text(item, "nextDue"), "OVERDUE".equals(status),
                                Json.text(item, "activityType"), "/api/v1/calendar/activities/planned"));
                    }
                }
            }
            return list;
        }));
        if (evp) {
            List<AgendaItem> approvals = new ArrayList<>();
            Section letterSection = collect(c, letters, "nps", approvals, body -> Json.items(body).stream()
                    .map(l -> new AgendaItem("LETTER_APPROVAL", "Approve client letter: " + Json.text(l, "subject"),
                            Json.text(l, "clientId"), Json.text(l, "clientName"), null, false, Json.text(l, "id"),
                            "/api/v1/nps/letters/" + Json.text(l, "id") + "/approve")).toList());
            Section pointsSection = collect(c, points, "nps", approvals, body -> Json.items(body).stream()
                    .filter(p -> "DRAFT".equals(Json.text(p, "status")))
                    .map(p -> new AgendaItem("TALKING_POINTS_APPROVAL", "Approve talking points: " + Json.text(p, "businessUnit"),
                            null, null, null, false, Json.text(p, "businessUnit"),
                            "/api/v1/nps/cycles/" + Json.text(p, "cycleId") + "/talking-points/" + Json.text(p, "businessUnit") + "/approve")).toList());
            items.addAll(approvals);
            sources.put("letterApprovals", letterSection);
            sources.put("talkingPointsApprovals", pointsSection);
        }
        List<String> degraded = Section.degraded(sources);
        return new AgendaView(user, asOf, degraded, AgendaRules.order(items), sources);
    }

    /** Adds the source's items to the agenda; the section says how many came (or why none could). */
    private static Section collect(Composition c, CompletableFuture<Reply> pending, String service, List<AgendaItem> into,
                                   Function<JsonNode, List<AgendaItem>> map) {
        return c.section(pending, service, body -> {
            List<AgendaItem> list = map.apply(body);
            into.addAll(list);
            return Map.of("items", list.size());
        });
    }

    /** The due time of the case's current (first unmet) stage. */
    static String nextStageDue(JsonNode kase) {
        for (JsonNode stage : kase.path("stages")) {
            if (stage.path("metAt").isNull() || stage.get("metAt") == null) {
                return Json.text(stage, "dueAt");
            }
        }
        return null;
    }
}
