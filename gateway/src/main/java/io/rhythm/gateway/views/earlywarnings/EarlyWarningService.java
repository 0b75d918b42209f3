package io.rhythm.gateway.views.earlywarnings;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.gateway.views.Composition;
import io.rhythm.gateway.views.Compositions;
import io.rhythm.gateway.views.Json;
import io.rhythm.gateway.views.Section;
import io.rhythm.gateway.views.commandcentre.PortfolioFigures;
import io.rhythm.gateway.views.downstream.Reply;
import io.rhythm.gateway.views.earlywarnings.IndicatorRules.ClientFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Early warnings, composed per request with the caller's token (a CSE's indicators cover their clients). The
 * portfolio (with owner/segment filters) comes from health-service; each client's score change and support inputs
 * from its health read, fetched in parallel; the response rate from the current cycle's results; compliance from the
 * Activity Register.
 */
@ApplicationScoped
public class EarlyWarningService {

    static final String SUPPORT = "SUPPORT";
    static final String BACKLOG = "support.backlog_over_30_days";

    @Inject
    Compositions compositions;

    public EarlyWarningsView view(LocalDate asOf, String owner, String segment, String authorization, String correlationId) {
        Composition c = compositions.begin(authorization, correlationId);
        StringBuilder filter = new StringBuilder();
        if (owner != null) {
            filter.append("&owner=").append(URLEncoder.encode(owner, StandardCharsets.UTF_8));
        }
        if (segment != null) {
            filter.append("&segment=").append(segment);
        }
        var portfolio = c.getAll("health", "/api/v1/health/portfolio?limit=200" + filter);
        var compliance = c.get("segmentation", "/api/v1/activity-register/compliance?groupBy=client&asOf=" + asOf
                + (owner == null ? "" : "&owner=" + URLEncoder.encode(owner, StandardCharsets.UTF_8)));
        var cycles = c.getAll("nps", "/api/v1/nps/cycles?limit=200");
        var results = c.then(cycles, "nps", body -> PortfolioFigures.currentCycle(body, asOf)
                .map(cycle -> "/api/v1/nps/cycles/" + Json.text(cycle, "id") + "/results"));

        Reply portfolioReply = c.await(portfolio, "health");
        Map<String, JsonNode> clients = new LinkedHashMap<>();
        if (portfolioReply.ok()) {
            Json.items(portfolioReply.body()).forEach(item -> clients.put(Json.text(item, "clientId"), item));
        }
        Map<String, CompletableFuture<Reply>> healths = new HashMap<>();
        clients.keySet().forEach(id -> healths.put(id, c.get("health", "/api/v1/clients/" + id + "/health")));

        Section decline;
        Section backlog;
        if (!portfolioReply.ok()) {
            decline = Composition.section(portfolioReply, body -> body);
            backlog = decline;
        } else {
            List<ClientFact> declines = new ArrayList<>();
            List<ClientFact> backlogs = new ArrayList<>();
            String failure = null;
            for (var entry : clients.entrySet()) {
                Reply health = c.await(healths.get(entry.getKey()), "health");
                if (health.failedOrErroring()) {
                    failure = health.failure() != null ? health.failure() : "health-service answered " + health.status();
                    continue;
                }
                if (!health.ok()) {
                    continue; // not scored yet
                }
                JsonNode month = health.body().get("sincePreviousMonth");
                BigDecimal percent = month == null || month.isNull() ? null
                        : IndicatorRules.declinePercent(month.path("previousScore").asDouble(), month.path("delta").asDouble());
                declines.add(fact(entry.getValue(), percent));
                backlogs.add(fact(entry.getValue(), supportBacklog(health.body())));
            }
            decline = failure != null ? Section.unavailable("health-service", failure)
                    : Section.available("health-service", IndicatorRules.healthDecline(declines));
            backlog = failure != null ? Section.unavailable("health-service", failure)
                    : Section.available("health-service", IndicatorRules.supportBacklog(backlogs));
        }
        Section rate = c.section(results, "nps", body -> responseRate(body, portfolioReply.ok() ? clients : null));
        Section stages = Section.unavailable("planning-service", "planning-service keeps stage history per opportunity "
                + "(GET /api/v1/plans/{planId}/opportunities/{id}/stage-history) and offers no portfolio read of stage movement yet");
        Section engagement = c.section(compliance, "segmentation", body -> engagement(body, segment));

        Map<String, Section> s = new LinkedHashMap<>();
        s.put("healthDecline", decline);
        s.put("supportBacklog", backlog);
        s.put("npsResponseRate", rate);
        s.put("pipelineStageMovement", stages);
        s.put("engagementCompliance", engagement);
        List<String> degraded = Section.degraded(s);
        return new EarlyWarningsView(asOf, owner, segment, degraded, decline, backlog, rate, stages, engagement);
    }

    private static ClientFact fact(JsonNode item, BigDecimal value) {
        return new ClientFact(Json.text(item, "clientId"), Json.text(item, "name"), Json.text(item, "segment"),
                Json.text(item, "ownerCse"), value);
    }

    static BigDecimal supportBacklog(JsonNode health) {
        for (JsonNode component : health.path("components")) {
            if (!SUPPORT.equals(component.path("component").asText())) {
                continue;
            }
            for (JsonNode input : component.path("inputs")) {
                if (BACKLOG.equals(input.path("key").asText()) && input.path("raw").isNumber()) {
                    return BigDecimal.valueOf(input.path("raw").asLong());
                }
            }
        }
        return null;
    }

    /** The overall rate, and per client of the (filtered) portfolio; null {@code clients}: no portfolio filter known. */
    private static IndicatorRules.Indicator responseRate(JsonNode results, Map<String, JsonNode> clients) {
        List<ClientFact> facts = new ArrayList<>();
        for (JsonNode group : results.path("byClient")) {
            String id = Json.text(group, "key");
            if (clients != null && !clients.containsKey(id)) {
                continue;
            }
            JsonNode item = clients == null ? null : clients.get(id);
            facts.add(new ClientFact(id, Json.text(group, "name"), item == null ? null : Json.text(item, "segment"),
                    item == null ? null : Json.text(item, "ownerCse"),
                    BigDecimal.valueOf(group.path("responseRate").path("percent").asDouble())));
        }
        JsonNode rate = results.path("responseRate");
        BigDecimal overall = rate.path("eligible").asInt() == 0 ? null : BigDecimal.valueOf(rate.path("percent").asDouble());
        return IndicatorRules.responseRate(overall, Json.text(results, "cycleName"), facts);
    }

    private static IndicatorRules.Indicator engagement(JsonNode compliance, String segment) {
        List<ClientFact> facts = new ArrayList<>();
        int required = 0;
        int compliant = 0;
        for (JsonNode group : compliance.path("groups")) {
            if (segment != null && !segment.equals(Json.text(group, "segment"))) {
                continue;
            }
            JsonNode counts = group.path("counts");
            required += counts.path("required").asInt();
            compliant += counts.path("compliant").asInt();
            facts.add(new ClientFact(Json.text(group, "key"), Json.text(group, "label"), Json.text(group, "segment"),
                    Json.text(group, "ownerCse"), BigDecimal.valueOf(counts.path("overdue").asInt())));
        }
        BigDecimal percent = required == 0 ? null
                : BigDecimal.valueOf(compliant * 100L).divide(BigDecimal.valueOf(required), 1, java.math.RoundingMode.HALF_UP);
        return IndicatorRules.engagementCompliance(percent, facts);
    }
}
