package io.rhythm.gateway.views.commandcentre;

import com.fasterxml.jackson.databind.JsonNode;
import io.rhythm.gateway.views.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Command Centre's computations over the services' answers (plain Java, unit-tested). */
public final class PortfolioFigures {

    public static final Set<String> AT_RISK_BANDS = Set.of("CRITICAL", "AT_RISK");

    private PortfolioFigures() {
    }

    /** Revenue of the portfolio's clients in the Critical and At-Risk bands, from health's bands and segmentation's revenues. */
    public static Map<String, Object> atRiskRevenue(JsonNode portfolio, JsonNode concentration) {
        Map<String, BigDecimal> revenue = new HashMap<>();
        String currency = Json.text(concentration.path("totalRevenue"), "currency");
        for (JsonNode ranked : concentration.path("ranked")) {
            Json.money(ranked.get("annualRevenue")).ifPresent(amount -> revenue.put(Json.text(ranked, "clientId"), amount));
        }
        BigDecimal total = BigDecimal.ZERO;
        List<Map<String, Object>> clients = new ArrayList<>();
        for (JsonNode item : Json.items(portfolio)) {
            String band = Json.text(item, "band");
            if (band == null || !AT_RISK_BANDS.contains(band)) {
                continue;
            }
            BigDecimal amount = revenue.getOrDefault(Json.text(item, "clientId"), BigDecimal.ZERO);
            total = total.add(amount);
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", Json.text(item, "clientId"));
            client.put("name", Json.text(item, "name"));
            client.put("band", band);
            client.put("revenue", money(amount, currency));
            clients.add(client);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("amount", scale(total));
        result.put("currency", currency == null ? "AUD" : currency);
        result.put("clients", clients);
        return result;
    }

    /** The current survey cycle on asOf: the one with the latest open date not after asOf. */
    public static Optional<JsonNode> currentCycle(JsonNode cycles, LocalDate asOf) {
        JsonNode best = null;
        for (JsonNode cycle : Json.items(cycles)) {
            String open = Json.text(cycle, "openDate");
            if (open == null || LocalDate.parse(open).isAfter(asOf)) {
                continue;
            }
            if (best == null || LocalDate.parse(open).isAfter(LocalDate.parse(Json.text(best, "openDate")))) {
                best = cycle;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Product-theme complaint mentions of a cycle's overall theme counts ({@code groupBy} none). */
    public static RiskRules.Risk productPerception(JsonNode cycleThemes) {
        int mentions = 0;
        int commented = 0;
        List<String> themes = new ArrayList<>();
        for (JsonNode group : cycleThemes.path("groups")) {
            commented += group.path("commented").asInt();
            for (JsonNode theme : group.path("themes")) {
                if (RiskRules.isProductTheme(Json.text(theme, "code"), Json.text(theme, "name")) && theme.path("count").asInt() > 0) {
                    mentions += theme.path("count").asInt();
                    if (!themes.contains(Json.text(theme, "name"))) {
                        themes.add(Json.text(theme, "name"));
                    }
                }
            }
        }
        return RiskRules.productPerception(mentions, commented, themes);
    }

    public static Map<String, String> money(BigDecimal amount, String currency) {
        return Map.of("amount", scale(amount), "currency", currency == null ? "AUD" : currency);
    }

    static String scale(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
