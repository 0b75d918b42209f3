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

    /** The figures one register row at a time (the rules' reference; the service sums in SQL through {@link Sums}). */
    public static PortfolioMetrics compute(List<PipelineItem> opportunities, List<AttritionItem> risks,
                                           BigDecimal conversionRate) {
        Sums sums = new Sums();
        for (PipelineItem o : opportunities) {
            if (o.stage() == OpportunityStage.CLOSED_WON) {
                sums.won(o.value());
            }
            if (o.stage().closed()) {
                continue;
            }
            BigDecimal w = Pipeline.weighted(o.value(), o.probability());
            sums.open(1, o.value(), w).client(o.clientId(), w).owner(o.owner(), w);
        }
        for (AttritionItem r : risks) {
            sums.attrition(r.status(), r.fiscalYear(), r.amount(), Pipeline.weighted(r.amount(), r.probability()));
        }
        return sums.metrics(conversionRate);
    }

    /**
     * The sums the figures are made of. Every one is linear in the register rows (a weighted value is value ×
     * probability / 100, exact), so they may be added one row at a time or as sums the database has already grouped
     * (per client, per owner, per status and fiscal-year label): the figures are the same to the last digit. Nothing
     * is rounded here.
     */
    public static final class Sums {
        private BigDecimal weighted = BigDecimal.ZERO;
        private BigDecimal unweighted = BigDecimal.ZERO;
        private BigDecimal won = BigDecimal.ZERO;
        private int open;
        private final Map<UUID, BigDecimal> byClient = new TreeMap<>();
        private final Map<String, BigDecimal> byOwner = new TreeMap<>();
        private BigDecimal confirmed = BigDecimal.ZERO;
        private BigDecimal atRisk = BigDecimal.ZERO;
        private BigDecimal atRiskWeighted = BigDecimal.ZERO;
        private final Map<String, BigDecimal> confirmedByFy = new TreeMap<>();
        private final Map<String, BigDecimal> atRiskByFy = new TreeMap<>();

        /** Open opportunities to the totals: how many, their value and their weighted value. */
        public Sums open(int count, BigDecimal value, BigDecimal weightedValue) {
            open += count;
            unweighted = unweighted.add(value);
            weighted = weighted.add(weightedValue);
            return this;
        }

        /** Open pipeline's weighted value of one client (only to the per-client figures, not the totals). */
        public Sums client(UUID clientId, BigDecimal weightedValue) {
            byClient.merge(clientId, weightedValue, BigDecimal::add);
            return this;
        }

        /** Open pipeline's weighted value of one opportunity owner (only to the per-owner figures). */
        public Sums owner(String owner, BigDecimal weightedValue) {
            byOwner.merge(owner, weightedValue, BigDecimal::add);
            return this;
        }

        /** Value of closed-won opportunities. */
        public Sums won(BigDecimal value) {
            won = won.add(value);
            return this;
        }

        /** Risks of one status and label: their amount and probability-weighted amount. */
        public Sums attrition(RiskStatus status, String fiscalYear, BigDecimal amount, BigDecimal weightedAmount) {
            switch (status) {
                case CONFIRMED, REALISED -> {
                    confirmed = confirmed.add(amount);
                    confirmedByFy.merge(fiscalYear, amount, BigDecimal::add);
                }
                case AT_RISK -> {
                    atRisk = atRisk.add(amount);
                    atRiskWeighted = atRiskWeighted.add(weightedAmount);
                    atRiskByFy.merge(fiscalYear, amount, BigDecimal::add);
                }
                case MITIGATED -> {
                }
            }
            return this;
        }

        public PortfolioMetrics metrics(BigDecimal conversionRate) {
            if (conversionRate.signum() < 0 || conversionRate.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("conversion rate must be between 0 and 1: " + conversionRate);
            }
            BigDecimal realistic = weighted.multiply(conversionRate);
            BigDecimal coveragePercent = confirmed.signum() == 0 ? null
                    : realistic.multiply(BigDecimal.valueOf(100)).divide(confirmed, 2, RoundingMode.HALF_EVEN);
            Coverage coverage = coveragePercent == null ? Coverage.NO_ATTRITION
                    : coveragePercent.compareTo(BigDecimal.valueOf(100)) < 0 ? Coverage.SHORTFALL
                    : coveragePercent.compareTo(BARELY_COVERS_UP_TO) <= 0 ? Coverage.BARELY_COVERS : Coverage.COVERS;
            return new PortfolioMetrics(conversionRate, weighted, unweighted, realistic, unweighted.multiply(conversionRate),
                    open, won, confirmed, Collections.unmodifiableMap(new TreeMap<>(confirmedByFy)), atRisk, atRiskWeighted,
                    Collections.unmodifiableMap(new TreeMap<>(atRiskByFy)), realistic.subtract(confirmed), coveragePercent,
                    coverage, Collections.unmodifiableMap(new TreeMap<>(byClient)), Collections.unmodifiableMap(new TreeMap<>(byOwner)));
        }
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
