package io.rhythm.planning.api;

import io.rhythm.planning.domain.PortfolioMetrics;
import io.rhythm.planning.domain.RetentionRates;
import io.rhythm.planning.service.PortfolioQuery;
import io.rhythm.platform.events.payload.Money;

import io.rhythm.planning.domain.FiscalYear;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;

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
                          List<Retention> retention,
                          @Schema(description = "The first clients (parameter clients, default 20) with open pipeline, "
                                  + "weighted pipeline descending then client id; the whole list: GET "
                                  + "/api/v1/plans/metrics/clients") List<ClientPipeline> byClient,
                          @Schema(description = "How many clients have open pipeline in the scope") int byClientTotal,
                          @Schema(description = "The clients with open pipeline not in byClient, summed (totals minus "
                                  + "byClient, exact before rounding)") ClientRest byClientRest,
                          List<OwnerPipeline> byOwner,
                          @Schema(description = "The date the figures are as of (end of that day, UTC); today when not asked")
                          LocalDate asOf,
                          @Schema(description = "Whether the registers were read as they stood on asOf (stage and risk "
                                  + "history) or as they are now (asOf today or later)") boolean historical,
                          @Schema(description = "First month of the fiscal year (rhythm.fiscal-year.start-month) used to map "
                                  + "fiscal-year labels to dates") int fiscalYearStartMonth,
                          @Schema(description = "Every fiscal-year label in the figures, with its dates under the configured "
                                  + "start month and where it lies relative to asOf") List<FiscalYearSpan> fiscalYears) {

    public record FiscalYearSpan(String label, LocalDate firstDay, LocalDate lastDay,
                                 @Schema(description = "PAST, CURRENT or FUTURE relative to asOf; null for a label that "
                                         + "is not FYnn/FYnnnn") String position) {
    }

    public record Attrition(Money total, List<FiscalYearAmount> byFiscalYear) {
    }

    public record AtRisk(Money total, Money probabilityWeighted, List<FiscalYearAmount> byFiscalYear) {
    }

    public record FiscalYearAmount(String fiscalYear, Money amount) {
    }

    public record Retention(String fiscalYear, Money startingRevenue, Money lostRevenue, Money expansionRevenue,
                            String grossRetentionPercent, String netRetentionPercent) {
    }

    /** One client's open pipeline; realisticNewRevenue = its weighted pipeline × conversionRate. */
    public record ClientPipeline(String clientId, String clientName, int openOpportunities, Money weightedPipeline,
                                 Money unweightedOpenPipeline, Money realisticNewRevenue) {

        public static ClientPipeline of(PortfolioQuery.ClientSums c, BigDecimal conversionRate, String currency) {
            return new ClientPipeline(c.clientId().toString(), c.clientName(), c.openOpportunities(),
                    money(c.weightedPipeline(), currency), money(c.openValue(), currency),
                    money(c.weightedPipeline().multiply(conversionRate), currency));
        }
    }

    /** The clients not listed in byClient, summed. */
    public record ClientRest(int clients, int openOpportunities, Money weightedPipeline, Money unweightedOpenPipeline,
                             Money realisticNewRevenue) {
    }

    public record OwnerPipeline(String owner, Money weightedPipeline) {
    }

    public static MetricsView of(PortfolioQuery.Result result, String currency, LocalDate asOf, boolean historical,
                                 int startMonth) {
        PortfolioMetrics m = result.metrics();
        TreeSet<String> labels = new TreeSet<>(m.fiscalYears());
        result.retention().forEach(r -> labels.add(r.fiscalYear()));
        List<FiscalYearSpan> spans = labels.stream().map(label -> {
            FiscalYear fy = FiscalYear.parseAny(label, startMonth);
            if (fy == null) {
                return new FiscalYearSpan(label, null, null, null);
            }
            String position = asOf.isBefore(fy.firstDay()) ? "FUTURE" : asOf.isAfter(fy.lastDay()) ? "PAST" : "CURRENT";
            return new FiscalYearSpan(label, fy.firstDay(), fy.lastDay(), position);
        }).toList();
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
                result.topClients().stream().map(c -> ClientPipeline.of(c, m.conversionRate(), currency)).toList(),
                result.clientsWithPipeline(), rest(result, currency),
                m.weightedPipelineByOwner().entrySet().stream()
                        .map(e -> new OwnerPipeline(e.getKey(), money(e.getValue(), currency))).toList(),
                asOf, historical, startMonth, spans);
    }

    private static ClientRest rest(PortfolioQuery.Result result, String currency) {
        PortfolioMetrics m = result.metrics();
        BigDecimal weighted = m.weightedPipeline();
        BigDecimal unweighted = m.unweightedPipeline();
        int open = m.openOpportunities();
        for (PortfolioQuery.ClientSums c : result.topClients()) {
            weighted = weighted.subtract(c.weightedPipeline());
            unweighted = unweighted.subtract(c.openValue());
            open -= c.openOpportunities();
        }
        return new ClientRest(result.clientsWithPipeline() - result.topClients().size(), open, money(weighted, currency),
                money(unweighted, currency), money(weighted.multiply(m.conversionRate()), currency));
    }

    private static Retention retention(RetentionRates r, String currency) {
        return new Retention(r.fiscalYear(), money(r.startingRevenue(), currency), money(r.lostRevenue(), currency),
                money(r.expansionRevenue(), currency),
                r.grossRetentionPercent() == null ? null : r.grossRetentionPercent().toPlainString(),
                r.netRetentionPercent() == null ? null : r.netRetentionPercent().toPlainString());
    }

    private static List<FiscalYearAmount> byYear(Map<String, BigDecimal> amounts, String currency) {
        return amounts.entrySet().stream().map(e -> new FiscalYearAmount(e.getKey(), money(e.getValue(), currency))).toList();
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.of(amount, currency);
    }
}
