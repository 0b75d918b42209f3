package io.rhythm.planning.api;

import io.rhythm.planning.domain.PortfolioMetrics;
import io.rhythm.planning.domain.RetentionRates;
import io.rhythm.planning.service.PortfolioQuery;
import io.rhythm.platform.events.payload.Money;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The portfolio's pipeline-versus-attrition figures (seed 000, Strategic Context). realisticNewRevenue
 * is the seed's figure (weighted pipeline × conversion); unweightedPipelineAtConversion is shown beside
 * it because the seed's figure counts probability twice.
 */
public record MetricsView(String currency, String conversionRate, int plans, int openOpportunities,
                          Money weightedPipeline, Money unweightedOpenPipeline, Money realisticNewRevenue,
                          Money unweightedPipelineAtConversion, Money wonRevenue,
                          Attrition confirmedAttrition, AtRisk atRiskAttrition,
                          Money realisticNewRevenueMinusConfirmedAttrition, String coveragePercent, String coverage,
                          boolean coversAttrition, Money maintenanceRevenue, Money riskAdjustedForecast,
                          List<Retention> retention, List<ClientPipeline> byClient, List<OwnerPipeline> byOwner) {

    public record Attrition(Money total, List<FiscalYearAmount> byFiscalYear) {
    }

    public record AtRisk(Money total, Money probabilityWeighted, List<FiscalYearAmount> byFiscalYear) {
    }

    public record FiscalYearAmount(String fiscalYear, Money amount) {
    }

    public record Retention(String fiscalYear, Money startingRevenue, Money lostRevenue, Money expansionRevenue,
                            String grossRetentionPercent, String netRetentionPercent) {
    }

    public record ClientPipeline(String clientId, String clientName, Money weightedPipeline) {
    }

    public record OwnerPipeline(String owner, Money weightedPipeline) {
    }

    public static MetricsView of(PortfolioQuery.Result result, String currency) {
        PortfolioMetrics m = result.metrics();
        return new MetricsView(currency, m.conversionRate().toPlainString(), result.plans(), m.openOpportunities(),
                money(m.weightedPipeline(), currency), money(m.unweightedPipeline(), currency),
                money(m.realisticNewRevenue(), currency), money(m.unweightedAtConversion(), currency),
                money(m.wonRevenue(), currency),
                new Attrition(money(m.confirmedAttrition(), currency), byYear(m.confirmedAttritionByFiscalYear(), currency)),
                new AtRisk(money(m.atRiskAttrition(), currency), money(m.atRiskWeightedAttrition(), currency),
                        byYear(m.atRiskAttritionByFiscalYear(), currency)),
                money(m.netAfterConfirmedAttrition(), currency),
                m.coveragePercent() == null ? null : m.coveragePercent().toPlainString(), m.coverage().name(),
                m.coversAttrition(), money(result.maintenanceRevenue(), currency),
                money(m.riskAdjustedForecast(result.maintenanceRevenue()), currency),
                result.retention().stream().map(r -> retention(r, currency)).toList(),
                m.weightedPipelineByClient().entrySet().stream()
                        .map(e -> new ClientPipeline(e.getKey().toString(), result.clientNames().get(e.getKey()), money(e.getValue(), currency)))
                        .sorted(Comparator.comparing((ClientPipeline c) -> new BigDecimal(c.weightedPipeline().amount())).reversed()
                                .thenComparing(ClientPipeline::clientId))
                        .toList(),
                m.weightedPipelineByOwner().entrySet().stream()
                        .map(e -> new OwnerPipeline(e.getKey(), money(e.getValue(), currency))).toList());
    }

    private static Retention retention(RetentionRates r, String currency) {
        return new Retention(r.fiscalYear(), money(r.startingRevenue(), currency), money(r.lostRevenue(), currency),
                money(r.expansionRevenue(), currency),
                r.grossRetentionPercent() == null ? null : r.grossRetentionPercent().toPlainString(),
                r.netRetentionPercent() == null ? null : r.netRetentionPercent().toPlainString());
    }

    private static List<FiscalYearAmount> byYear(java.util.Map<String, BigDecimal> amounts, String currency) {
        return amounts.entrySet().stream().map(e -> new FiscalYearAmount(e.getKey(), money(e.getValue(), currency))).toList();
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.of(amount, currency);
    }
}
