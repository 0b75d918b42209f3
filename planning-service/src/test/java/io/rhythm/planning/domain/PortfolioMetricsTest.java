package io.rhythm.planning.domain;

import io.rhythm.planning.domain.PortfolioMetrics.AttritionItem;
import io.rhythm.planning.domain.PortfolioMetrics.PipelineItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortfolioMetricsTest {

    private static final UUID SUNRISE = UUID.randomUUID();
    private static final UUID SA_HEALTH = UUID.randomUUID();

    /** Seed 000, Strategic Context: $2.72M confirmed attrition FY25-28, $8.36M weighted pipeline, 35 % conversion. */
    @Test
    void theSeedsStrategicContextFigures() {
        List<PipelineItem> pipeline = List.of(
                new PipelineItem(SA_HEALTH, "cse", money("10000000.00"), 50, OpportunityStage.PROPOSAL),   // 5,000,000
                new PipelineItem(SUNRISE, "cam", money("4200000.00"), 80, OpportunityStage.NEGOTIATION),   // 3,360,000
                new PipelineItem(SUNRISE, "cam", money("900000.00"), 100, OpportunityStage.CLOSED_WON),
                new PipelineItem(SUNRISE, "cse", money("700000.00"), 40, OpportunityStage.CLOSED_LOST));
        List<AttritionItem> risks = List.of(
                new AttritionItem(SA_HEALTH, "FY2026", RiskStatus.CONFIRMED, money("578000.00"), 100),
                new AttritionItem(SA_HEALTH, "FY2027", RiskStatus.CONFIRMED, money("1022000.00"), 100),
                new AttritionItem(SUNRISE, "FY2028", RiskStatus.CONFIRMED, money("1120000.00"), 100),
                new AttritionItem(SUNRISE, "FY2027", RiskStatus.AT_RISK, money("500000.00"), 30),
                new AttritionItem(SUNRISE, "FY2027", RiskStatus.MITIGATED, money("999999.00"), 10));

        PortfolioMetrics m = PortfolioMetrics.compute(pipeline, risks, new BigDecimal("0.35"));

        assertThat(m.weightedPipeline()).isEqualByComparingTo("8360000");
        assertThat(m.unweightedPipeline()).isEqualByComparingTo("14200000");
        assertThat(m.realisticNewRevenue()).isEqualByComparingTo("2926000");
        assertThat(m.unweightedAtConversion()).isEqualByComparingTo("4970000");
        assertThat(m.openOpportunities()).isEqualTo(2);
        assertThat(m.wonRevenue()).isEqualByComparingTo("900000");
        assertThat(m.confirmedAttrition()).isEqualByComparingTo("2720000");
        assertThat(m.confirmedAttritionByFiscalYear()).containsOnlyKeys("FY2026", "FY2027", "FY2028");
        assertThat(m.confirmedAttritionByFiscalYear().get("FY2026")).isEqualByComparingTo("578000");
        assertThat(m.confirmedAttritionByFiscalYear().get("FY2028")).isEqualByComparingTo("1120000");
        assertThat(m.atRiskAttrition()).isEqualByComparingTo("500000");
        assertThat(m.atRiskWeightedAttrition()).isEqualByComparingTo("150000");
        assertThat(m.netAfterConfirmedAttrition()).isEqualByComparingTo("206000");
        assertThat(m.coveragePercent()).isEqualByComparingTo("107.57");
        assertThat(m.coverage()).isEqualTo(PortfolioMetrics.Coverage.BARELY_COVERS);
        assertThat(m.coversAttrition()).isTrue();
        assertThat(m.weightedPipelineByClient().get(SUNRISE)).isEqualByComparingTo("3360000");
        assertThat(m.weightedPipelineByOwner().get("cse")).isEqualByComparingTo("5000000");
        assertThat(m.fiscalYears()).containsExactly("FY2026", "FY2027", "FY2028");
        // maintenance 10M - 2.72M confirmed - 150K weighted at-risk + 2.926M realistic
        assertThat(m.riskAdjustedForecast(money("10000000.00"))).isEqualByComparingTo("10056000");
    }

    /** What the service does: the database's sums per client, per owner and in total give the row-by-row figures. */
    @Test
    void sumsGroupedByTheDatabaseGiveTheSameFiguresAsRowByRow() {
        List<PipelineItem> pipeline = List.of(
                new PipelineItem(SA_HEALTH, "cse", money("0.01"), 33, OpportunityStage.PROPOSAL),
                new PipelineItem(SA_HEALTH, "cam", money("1234.57"), 17, OpportunityStage.QUALIFIED),
                new PipelineItem(SUNRISE, "cam", money("999.99"), 99, OpportunityStage.COMMITTED),
                new PipelineItem(SUNRISE, "cam", money("500.00"), 100, OpportunityStage.CLOSED_WON));
        List<AttritionItem> risks = List.of(
                new AttritionItem(SUNRISE, "FY2027", RiskStatus.AT_RISK, money("100.01"), 33),
                new AttritionItem(SA_HEALTH, "FY2027", RiskStatus.AT_RISK, money("0.03"), 50),
                new AttritionItem(SA_HEALTH, "FY2026", RiskStatus.REALISED, money("10.00"), 100));
        PortfolioMetrics rowByRow = PortfolioMetrics.compute(pipeline, risks, new BigDecimal("0.35"));

        // as the SQL groups them: Σ value × probability per group (0.33, 20987.69, 98999.01), divided by 100 once
        PortfolioMetrics.Sums sums = new PortfolioMetrics.Sums()
                .open(3, money("2234.57"), new BigDecimal("119987.03").movePointLeft(2))
                .client(SA_HEALTH, new BigDecimal("20988.02").movePointLeft(2))
                .client(SUNRISE, new BigDecimal("98999.01").movePointLeft(2))
                .owner("cse", new BigDecimal("0.33").movePointLeft(2))
                .owner("cam", new BigDecimal("119986.70").movePointLeft(2))
                .won(money("500.00"))
                .attrition(RiskStatus.AT_RISK, "FY2027", money("100.04"), new BigDecimal("3301.83").movePointLeft(2))
                .attrition(RiskStatus.REALISED, "FY2026", money("10.00"), new BigDecimal("1000.00").movePointLeft(2));
        assertThat(sums.metrics(new BigDecimal("0.35"))).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(rowByRow);
        assertThat(rowByRow.weightedPipeline()).isEqualByComparingTo("1199.8703");
        assertThat(rowByRow.atRiskWeightedAttrition()).isEqualByComparingTo("33.0183");
    }

    @Test
    void weightedValueIsExactToTheCent() {
        assertThat(Pipeline.weighted(money("0.01"), 35)).isEqualByComparingTo("0.0035");
        assertThat(Pipeline.weighted(money("123456.79"), 33)).isEqualByComparingTo("40740.7407");
        assertThatThrownBy(() -> Pipeline.weighted(money("1.00"), 140)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coverageBands() {
        List<PipelineItem> small = List.of(new PipelineItem(SUNRISE, "cse", money("1000.00"), 100, OpportunityStage.QUALIFIED));
        List<AttritionItem> big = List.of(new AttritionItem(SUNRISE, "FY2026", RiskStatus.CONFIRMED, money("2000.00"), 100));
        assertThat(PortfolioMetrics.compute(small, big, BigDecimal.ONE).coverage()).isEqualTo(PortfolioMetrics.Coverage.SHORTFALL);
        assertThat(PortfolioMetrics.compute(small, big, BigDecimal.ONE).coversAttrition()).isFalse();
        assertThat(PortfolioMetrics.compute(small, List.of(), BigDecimal.ONE).coverage()).isEqualTo(PortfolioMetrics.Coverage.NO_ATTRITION);
        assertThat(PortfolioMetrics.compute(small, List.of(), BigDecimal.ONE).coveragePercent()).isNull();
        List<AttritionItem> tiny = List.of(new AttritionItem(SUNRISE, "FY2026", RiskStatus.REALISED, money("500.00"), 100));
        assertThat(PortfolioMetrics.compute(small, tiny, BigDecimal.ONE).coverage()).isEqualTo(PortfolioMetrics.Coverage.COVERS);
        assertThatThrownBy(() -> PortfolioMetrics.compute(small, big, new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retentionRates() {
        RetentionRates r = RetentionRates.of("FY2026", money("10000000.00"), money("578000.00"), money("900000.00"));
        assertThat(r.grossRetentionPercent()).isEqualByComparingTo("94.22");
        assertThat(r.netRetentionPercent()).isEqualByComparingTo("103.22");
        assertThat(RetentionRates.of("FY2026", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO).netRetentionPercent()).isNull();
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
