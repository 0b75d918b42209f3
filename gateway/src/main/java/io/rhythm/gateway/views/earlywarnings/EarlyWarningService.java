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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Early warnings, composed per request with the caller's token (a CSE's indicators cover their clients). The
 * portfolio (with owner/segment filters and each client's support backlog) comes from health-service, and so do the
 * clients whose score fell over the 30-day window (one portfolio read each); the
 * response rate from the current cycle's results; the stage movement from planning's portfolio read of the
 * opportunities' stage history; compliance from the Activity Register.
 */
@ApplicationScoped
public class EarlyWarningService {

    /** Seed 000's indicators are monitored monthly: the window of the health decline and of the stage movement. */
    static final int WINDOW_DAYS = 30;
    /** health-service's portfolio item field: the scoring model's support.backlog_over_30_days input. */
    static final String BACKLOG = "supportBacklogOver30Days";

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
        var declines = c.getAll("health", "/api/v1/health/declines?asOf=" + asOf + "&days=" + WINDOW_DAYS
                + "&threshold=" + IndicatorRules.HEALTH_DECLINE_PERCENT + "&limit=200" + filter);
        var movements = c.getAll("planning", "/api/v1/plans/opportunities/stage-movements?since=" + asOf.minusDays(WINDOW_DAYS)
                + "&asOf=" + asOf + "&movement=REGRESSED,STALLED&limit=200" + filter);
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

        Section decline = c.section(declines, "health", body -> IndicatorRules.healthDecline(Json.items(body).stream()
                .map(d -> new ClientFact(Json.text(d, "clientId"), Json.text(d, "name"), Json.text(d, "segment"),
                        Json.text(d, "ownerCse"), new BigDecimal(d.path("declinePercent").asText()))).toList(),
                body.path("compared").asLong()));
        Section backlog = Composition.section(portfolioReply, body -> IndicatorRules.supportBacklog(clients.values().stream()
                .filter(item -> item.hasNonNull("score")) // scored clients only, as their health reads
                .map(item -> fact(item, supportBacklog(item))).toList()));
        Section rate = c.section(results, "nps", body -> responseRate(body, portfolioReply.ok() ? clients : null));
        Section stages = c.section(movements, "planning", EarlyWarningService::stageMovement);
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

    /** Planning's warning opportunities (regressed or stalled) per client: value = how many the client has. */
    private static IndicatorRules.Indicator stageMovement(JsonNode body) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        body.path("counts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        Map<String, ClientFact> byClient = new LinkedHashMap<>();
        for (JsonNode item : Json.items(body)) {
            byClient.merge(Json.text(item, "clientId"), new ClientFact(Json.text(item, "clientId"), Json.text(item, "clientName"),
                    Json.text(item, "segment"), Json.text(item, "ownerCse"), BigDecimal.ONE),
                    (a, b) -> new ClientFact(a.clientId(), a.name(), a.segment(), a.ownerCse(), a.value().add(BigDecimal.ONE)));
        }
        return IndicatorRules.pipelineStageMovement(counts, WINDOW_DAYS, new ArrayList<>(byClient.values()));
    }

    private static ClientFact fact(JsonNode item, BigDecimal value) {
        return new ClientFact(Json.text(item, "clientId"), Json.text(item, "name"), Json.text(item, "segment"),
                Json.text(item, "ownerCse"), value);
    }

    /** A portfolio item's support backlog (tickets open more than 30 days); null before any support event. */
    static BigDecimal supportBacklog(JsonNode portfolioItem) {
        JsonNode backlog = portfolioItem.get(BACKLOG);
        return backlog != null && backlog.isNumber() ? BigDecimal.valueOf(backlog.asLong()) : null;
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
