package io.rhythm.planning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The seed's Strategic Context figures from the registers: weighted pipeline, realistic new revenue
 * (weighted pipeline × conversion rate, as seed 000 computes it: "$8.36M at 35 % conversion = $2.93M"),
 * attrition per fiscal-year label, and whether the pipeline covers the confirmed attrition. Every
 * amount is exact; callers round once when they show it.
 *
 * @param realisticNewRevenue   weighted pipeline × conversion (the seed's figure; it counts probability twice)
 * @param unweightedAtConversion unweighted open pipeline × conversion, shown beside it so nobody is misled
 * @param coveragePercent       realistic new revenue / confirmed attrition × 100, 2 decimals; null without attrition
 */
public record PortfolioMetrics(
        BigDecimal conversionRate,
        BigDecimal weightedPipeline,
        BigDecimal unweightedPipeline,
        BigDecimal realisticNewRevenue,
        BigDecimal unweightedAtConversion,
        int openOpportunities,
        BigDecimal wonRevenue,
        BigDecimal confirmedAttrition,
        Map<String, BigDecimal> confirmedAttritionByFiscalYear,
        BigDecimal atRiskAttrition,
        BigDecimal atRiskWeightedAttrition,
        Map<String, BigDecimal> atRiskAttritionByFiscalYear,
        BigDecimal netAfterConfirmedAttrition,
        BigDecimal coveragePercent,
        Coverage coverage,
        Map<UUID, BigDecimal> weightedPipelineByClient,
        Map<String, BigDecimal> weightedPipelineByOwner) {

    /** Coverage up to this percentage (inclusive) of the confirmed attrition only "barely covers" it. */
    public static final BigDecimal BARELY_COVERS_UP_TO = BigDecimal.valueOf(120);

    public enum Coverage {
        /** Realistic new revenue is below the confirmed attrition. */
        SHORTFALL,
        /** Covers it, with less than a fifth to spare (the seed: "barely covers attrition"). */
        BARELY_COVERS,
        COVERS,
        /** No confirmed attrition to cover. */
        NO_ATTRITION
    }

    /** An opportunity as the metrics see it. */
    public record PipelineItem(UUID clientId, String owner, BigDecimal value, int probability, OpportunityStage stage) {
    }

    /** A risk-register row as the metrics see it. */
    public record AttritionItem(UUID clientId, String fiscalYear, RiskStatus status, BigDecimal amount, int probability) {
    }

    public static PortfolioMetrics compute(List<PipelineItem> opportunities, List<AttritionItem> risks,
                                           BigDecimal conversionRate) {
        if (conversionRate.signum() < 0 || conversionRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("conversion rate must be between 0 and 1: " + conversionRate);
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal unweighted = BigDecimal.ZERO;
        BigDecimal won = BigDecimal.ZERO;
        int open = 0;
        Map<UUID, BigDecimal> byClient = new TreeMap<>();
        Map<String, BigDecimal> byOwner = new TreeMap<>();
        for (PipelineItem o : opportunities) {
            if (o.stage() == OpportunityStage.CLOSED_WON) {
                won = won.add(o.value());
            }
            if (o.stage().closed()) {
                continue;
            }
            open++;
            BigDecimal w = Pipeline.weighted(o.value(), o.probability());
            weighted = weighted.add(w);
            unweighted = unweighted.add(o.value());
            byClient.merge(o.clientId(), w, BigDecimal::add);
            byOwner.merge(o.owner(), w, BigDecimal::add);
        }
        BigDecimal confirmed = BigDecimal.ZERO;
        BigDecimal atRisk = BigDecimal.ZERO;
        BigDecimal atRiskWeighted = BigDecimal.ZERO;
        Map<String, BigDecimal> confirmedByFy = new TreeMap<>();
        Map<String, BigDecimal> atRiskByFy = new TreeMap<>();
        for (AttritionItem r : risks) {
            switch (r.status()) {
                case CONFIRMED, REALISED -> {
                    confirmed = confirmed.add(r.amount());
                    confirmedByFy.merge(r.fiscalYear(), r.amount(), BigDecimal::add);
                }
                case AT_RISK -> {
                    atRisk = atRisk.add(r.amount());
                    atRiskWeighted = atRiskWeighted.add(Pipeline.weighted(r.amount(), r.probability()));
                    atRiskByFy.merge(r.fiscalYear(), r.amount(), BigDecimal::add);
                }
                case MITIGATED -> {
                }
            }
        }
        BigDecimal realistic = weighted.multiply(conversionRate);
        BigDecimal coveragePercent = confirmed.signum() == 0 ? null
                : realistic.multiply(BigDecimal.valueOf(100)).divide(confirmed, 2, RoundingMode.HALF_EVEN);
        Coverage coverage = coveragePercent == null ? Coverage.NO_ATTRITION
                : coveragePercent.compareTo(BigDecimal.valueOf(100)) < 0 ? Coverage.SHORTFALL
                : coveragePercent.compareTo(BARELY_COVERS_UP_TO) <= 0 ? Coverage.BARELY_COVERS : Coverage.COVERS;
        return new PortfolioMetrics(conversionRate, weighted, unweighted, realistic, unweighted.multiply(conversionRate),
                open, won, confirmed, Collections.unmodifiableMap(confirmedByFy), atRisk, atRiskWeighted,
                Collections.unmodifiableMap(atRiskByFy), realistic.subtract(confirmed), coveragePercent, coverage,
                Collections.unmodifiableMap(byClient), Collections.unmodifiableMap(byOwner));
    }

    /** Whether the realistic new revenue covers the confirmed attrition at all. */
    public boolean coversAttrition() {
        return realisticNewRevenue.compareTo(confirmedAttrition) >= 0;
    }

    /**
     * Risk-adjusted revenue forecast: maintenance revenue − confirmed attrition − probability-weighted
     * at-risk attrition + realistic new revenue.
     */
    public BigDecimal riskAdjustedForecast(BigDecimal maintenanceRevenue) {
        return maintenanceRevenue.subtract(confirmedAttrition).subtract(atRiskWeightedAttrition).add(realisticNewRevenue);
    }

    /** Fiscal-year labels that carry any attrition, in label order. */
    public List<String> fiscalYears() {
        TreeMap<String, BigDecimal> all = new TreeMap<>(confirmedAttritionByFiscalYear);
        atRiskAttritionByFiscalYear.forEach(all::putIfAbsent);
        return new ArrayList<>(all.keySet());
    }
}
