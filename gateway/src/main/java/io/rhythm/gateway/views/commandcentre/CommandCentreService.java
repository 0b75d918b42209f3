package io.rhythm.gateway.views.commandcentre;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.gateway.views.Composition;
import io.rhythm.gateway.views.Compositions;
import io.rhythm.gateway.views.Json;
import io.rhythm.gateway.views.Section;
import io.rhythm.gateway.views.downstream.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Command Centre, composed per request from the services' portfolio reads with the caller's token: each
 * service scopes its figures to the caller (a CSE's counts, revenues and pipeline are their portfolio's; AVP and
 * above see all), so the view needs no access rules of its own. The current cycle's results and themes and the
 * largest client's NPS follow the replies they depend on, within the same deadline.
 */
@ApplicationScoped
public class CommandCentreService {

    static final String CONVERSION_RATE = "0.35";

    @Inject
    Compositions compositions;

    public CommandCentreView view(LocalDate asOf, LocalDate since, String authorization, String correlationId) {
        Composition c = compositions.begin(authorization, correlationId);
        var portfolio = c.getAll("health", "/api/v1/health/portfolio?limit=200");
        var concentration = c.get("segmentation", "/api/v1/segments/concentration?top=4&asOf=" + asOf);
        var compliance = c.get("segmentation", "/api/v1/activity-register/compliance?groupBy=portfolio&asOf=" + asOf);
        var metrics = c.get("planning", "/api/v1/plans/metrics?conversionRate=" + CONVERSION_RATE);
        var receivables = c.get("health", "/api/v1/health/receivables?asOf=" + asOf);
        var renewals = c.getAll("planning", "/api/v1/renewals?asOf=" + asOf + "&withinDays=90&limit=200");
        var cycles = c.getAll("nps", "/api/v1/nps/cycles?limit=200");
        var results = c.then(cycles, "nps", body -> PortfolioFigures.currentCycle(body, asOf)
                .map(cycle -> "/api/v1/nps/cycles/" + Json.text(cycle, "id") + "/results"));
        var themes = c.then(cycles, "nps", body -> PortfolioFigures.currentCycle(body, asOf)
                .map(cycle -> "/api/v1/nps/cycles/" + Json.text(cycle, "id") + "/themes"));
        var largestNps = c.then(concentration, "nps", body -> largest(body)
                .map(client -> "/api/v1/nps/trend?clientId=" + Json.text(client, "clientId")));
        CompletableFuture<Reply> migrations = null;
        CompletableFuture<Reply> alerts = null;
        CompletableFuture<Reply> cases = null;
        if (since != null) {
            migrations = c.get("segmentation", "/api/v1/segments/migrations?from=" + since + "&to=" + asOf);
            alerts = c.getAll("health", "/api/v1/alerts?limit=200");
            cases = c.getAll("nps", "/api/v1/nps/cases?limit=200");
        }

        Reply portfolioReply = c.await(portfolio, "health");
        Reply concentrationReply = c.await(concentration, "segmentation");
        Reply metricsReply = c.await(metrics, "planning");

        Map<String, Section> s = new LinkedHashMap<>();
        s.put("clientsByBand", Composition.section(portfolioReply, body -> Map.of(
                "countsByBand", body.path("countsByBand"), "clients", Json.items(body).size())));
        s.put("clientsAndRevenueBySegment", Composition.section(concentrationReply, body -> body.path("bySegment")));
        s.put("concentration", Composition.section(concentrationReply, CommandCentreService::concentration));
        s.put("atRiskRevenue", both(portfolioReply, concentrationReply, PortfolioFigures::atRiskRevenue));
        s.put("confirmedAttrition", Composition.section(metricsReply, body -> body.path("confirmedAttrition")));
        s.put("pipelineVsAttrition", Composition.section(metricsReply, CommandCentreService::pipeline));
        s.put("renewalsIn90Days", c.section(renewals, "planning", CommandCentreService::renewals));
        s.put("currentNpsCycle", c.section(results, "nps", CommandCentreService::nps));
        s.put("activityCompliance", c.section(compliance, "segmentation", body -> body.path("totals")));
        s.put("agedReceivables", c.section(receivables, "health", CommandCentreService::receivables));
        s.put("knownRisks", risks(c, concentrationReply, metricsReply, c.await(largestNps, "nps"), c.await(themes, "nps")));
        s.put("changesSince", since == null ? Section.empty("gateway", "pass since=YYYY-MM-DD to see what changed")
                : changes(c, since, migrations, alerts, cases));
        List<String> degraded = Section.degraded(s);
        return new CommandCentreView(asOf, since, degraded, s.get("clientsByBand"), s.get("clientsAndRevenueBySegment"),
                s.get("concentration"), s.get("atRiskRevenue"), s.get("confirmedAttrition"), s.get("pipelineVsAttrition"),
                s.get("renewalsIn90Days"), s.get("currentNpsCycle"), s.get("activityCompliance"), s.get("agedReceivables"),
                s.get("knownRisks"), s.get("changesSince"));
    }

    private static Section both(Reply first, Reply second, java.util.function.BiFunction<JsonNode, JsonNode, Object> map) {
        Section a = Composition.section(first, body -> body);
        if (!a.isAvailable()) {
            return a;
        }
        Section b = Composition.section(second, body -> body);
        if (!b.isAvailable()) {
            return b;
        }
        return Section.available(a.source() + ", " + b.source(), map.apply(first.body(), second.body()));
    }

    static Optional<JsonNode> largest(JsonNode concentration) {
        JsonNode ranked = concentration.path("ranked");
        return ranked.isArray() && !ranked.isEmpty() ? Optional.of(ranked.get(0)) : Optional.empty();
    }

    private static Object concentration(JsonNode body) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("top", body.path("top").asInt());
        figures.put("topSharePercent", Json.text(body, "topSharePercent"));
        figures.put("topRevenue", body.path("topRevenue"));
        figures.put("totalRevenue", body.path("totalRevenue"));
        figures.put("clients", body.path("clients").asInt());
        largest(body).ifPresent(client -> {
            figures.put("largestClient", Map.of("clientId", Json.text(client, "clientId"), "name", Json.text(client, "clientName")));
            figures.put("largestRevenue", client.path("annualRevenue"));
        });
        figures.put("largestSharePercent", Json.text(body, "largestSharePercent"));
        figures.put("hhiPoints", Json.text(body, "hhiPoints"));
        return figures;
    }

    private static Object pipeline(JsonNode body) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("conversionRate", Json.text(body, "conversionRate"));
        figures.put("weightedPipeline", body.path("weightedPipeline"));
        figures.put("realisticNewRevenue", body.path("realisticNewRevenue"));
        figures.put("confirmedAttrition", body.path("confirmedAttrition").path("total"));
        figures.put("realisticNewRevenueMinusConfirmedAttrition", body.path("realisticNewRevenueMinusConfirmedAttrition"));
        figures.put("coveragePercent", Json.text(body, "coveragePercent"));
        figures.put("coversAttrition", body.path("coversAttrition").asBoolean());
        return figures;
    }

    /** health-service's portfolio total as it answers it: asOf, clients owing, per currency the amounts and buckets. */
    private static Object receivables(JsonNode body) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("asOf", Json.text(body, "asOf"));
        figures.put("clients", body.path("clients").asInt());
        figures.put("byCurrency", body.path("byCurrency"));
        return figures;
    }

    private static Object renewals(JsonNode body) {
        List<JsonNode> items = Json.items(body);
        BigDecimal revenue = items.stream().map(r -> Json.money(r.get("annualRevenue")).orElse(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String currency = items.isEmpty() ? null : Json.text(items.get(0).path("annualRevenue"), "currency");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("count", items.size());
        figures.put("revenue", PortfolioFigures.money(revenue, currency));
        figures.put("renewals", items);
        return figures;
    }

    private static Object nps(JsonNode results) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cycleId", Json.text(results, "cycleId"));
        figures.put("cycleName", Json.text(results, "cycleName"));
        JsonNode overall = results.path("overall");
        figures.put("nps", overall.path("count").asInt() == 0 ? null : overall.path("nps").asDouble());
        figures.put("responses", overall.path("count").asInt());
        JsonNode rate = results.path("responseRate");
        figures.put("responseRatePercent", rate.path("percent").asDouble());
        figures.put("targetPercent", rate.path("targetPercent").asInt(40));
        figures.put("targetMet", rate.path("targetMet").asBoolean());
        figures.put("caveat", Json.text(results, "caveat"));
        return figures;
    }

    private Section risks(Composition c, Reply concentration, Reply metrics, Reply largestNps, Reply themes) {
        if (concentration.failedOrErroring() || metrics.failedOrErroring()) {
            Reply failed = concentration.failedOrErroring() ? concentration : metrics;
            return Composition.section(failed, body -> body);
        }
        if (!concentration.ok() || !metrics.ok()) {
            return Composition.section(concentration.ok() ? metrics : concentration, body -> body);
        }
        List<Object> risks = new ArrayList<>();
        JsonNode conc = concentration.body();
        Optional<JsonNode> largest = largest(conc);
        if (largest.isPresent()) {
            JsonNode client = largest.get();
            BigDecimal largestShare = new BigDecimal(Optional.ofNullable(Json.text(conc, "largestSharePercent")).orElse("0"));
            risks.add(RiskRules.concentration(new BigDecimal(Optional.ofNullable(Json.text(conc, "topSharePercent")).orElse("0")),
                    conc.path("top").asInt(), Json.text(client, "clientName"), largestShare));
            JsonNode latest = null;
            if (largestNps.ok()) {
                List<JsonNode> cycles = Json.items(largestNps.body().path("cycles"));
                latest = cycles.stream().filter(p -> p.path("summary").path("count").asInt() > 0).reduce((a, b) -> b).orElse(null);
            }
            JsonNode summary = latest == null ? null : latest.path("summary");
            risks.add(largestNps.failedOrErroring()
                    ? Map.of("code", "LARGEST_CLIENT_VOLATILITY", "status", Section.UNAVAILABLE, "reason", largestNps.failure() == null ? "nps-service failed" : largestNps.failure())
                    : RiskRules.largestClientVolatility(Json.text(client, "clientName"), largestShare,
                    RiskRules.money(Json.money(client.get("annualRevenue")).orElse(BigDecimal.ZERO)),
                    summary == null ? null : summary.path("average").asDouble(),
                    summary == null ? null : summary.path("min").asInt(), summary == null ? null : summary.path("max").asInt()));
        }
        JsonNode m = metrics.body();
        risks.add(RiskRules.pipelineConversion(Json.money(m.get("realisticNewRevenue")).orElse(BigDecimal.ZERO),
                Json.money(m.path("confirmedAttrition").get("total")).orElse(BigDecimal.ZERO), Json.text(m, "conversionRate")));
        if (themes.ok()) {
            risks.add(PortfolioFigures.productPerception(themes.body()));
        } else {
            risks.add(Map.of("code", "PRODUCT_PERCEPTION", "status", themes.failedOrErroring() ? Section.UNAVAILABLE : Section.EMPTY,
                    "reason", themes.failure() != null ? themes.failure() : "no current survey cycle with themes"));
        }
        return Section.available("segmentation-service, planning-service, nps-service", risks);
    }

    private Section changes(Composition c, LocalDate since, CompletableFuture<Reply> migrations,
                            CompletableFuture<Reply> alerts, CompletableFuture<Reply> cases) {
        Instant from = since.atStartOfDay(ZoneOffset.UTC).toInstant();
        Section moved = c.section(migrations, "segmentation", body -> Map.of("moved", body.path("moved").asInt(),
                "movedRevenue", body.path("movedRevenue"), "cells", body.path("cells")));
        Section raised = c.section(alerts, "health", body -> Json.items(body).stream()
                .filter(a -> after(Json.text(a, "raisedAt"), from)).count());
        Section opened = c.section(cases, "nps", body -> Json.items(body).stream()
                .filter(k -> after(Json.text(k, "openedAt"), from)).count());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("segmentMigrations", moved);
        changes.put("alertsRaised", raised);
        changes.put("detractorCasesOpened", opened);
        boolean anyDown = List.of(moved, raised, opened).stream().anyMatch(x -> Section.UNAVAILABLE.equals(x.status()));
        return anyDown ? new Section(Section.UNAVAILABLE, "segmentation-service, health-service, nps-service",
                "part of it is unavailable (see each part)", changes)
                : Section.available("segmentation-service, health-service, nps-service", changes);
    }

    private static boolean after(String instant, Instant from) {
        return instant != null && !Instant.parse(instant).isBefore(from);
    }
}
