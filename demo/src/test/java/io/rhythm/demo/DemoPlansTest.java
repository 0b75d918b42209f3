package io.rhythm.demo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's registers add up to seed 000's Strategic Context, the figures GET /api/v1/plans/metrics shows. */
class DemoPlansTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final DemoPortfolio.Portfolio PORTFOLIO = DemoPortfolio.generate(DemoLoader.DEFAULT_SEED, TODAY);
    private static final List<DemoPlans.Plan> PLANS = DemoPlans.plans(PORTFOLIO);

    @Test
    void weightedPipelineAndRealisticNewRevenueAreTheSeeds() {
        BigDecimal weighted = DemoPlans.weightedPipeline(PLANS);
        assertThat(weighted).isEqualByComparingTo("8360000.00");
        assertThat(weighted.multiply(DemoPlans.CONVERSION_RATE).setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("2926000.00");
    }

    @Test
    void confirmedAttritionIsPhasedAsTheSeedSays() {
        assertThat(DemoPlans.confirmedAttrition(PLANS, null)).isEqualByComparingTo("2720000.00");
        assertThat(DemoPlans.confirmedAttrition(PLANS, "FY2026")).isEqualByComparingTo("578000.00");
        assertThat(DemoPlans.confirmedAttrition(PLANS, "FY2027")).isEqualByComparingTo("1022000.00");
        assertThat(DemoPlans.confirmedAttrition(PLANS, "FY2028")).isEqualByComparingTo("1120000.00");
        // the largest hit is Sunrise's, in FY2028
        assertThat(PLANS).filteredOn(p -> p.clientKey().equals("sunrise")).singleElement()
                .satisfies(p -> assertThat(p.risks()).anySatisfy(r -> {
                    assertThat(r.fiscalYear()).isEqualTo("FY2028");
                    assertThat(r.amount()).isEqualByComparingTo("1120000.00");
                    assertThat(r.status()).isEqualTo("CONFIRMED");
                }));
        // coverage = realistic new revenue / confirmed attrition: 107.57 %, "barely covers"
        BigDecimal coverage = new BigDecimal("2926000.00").multiply(BigDecimal.valueOf(100))
                .divide(DemoPlans.confirmedAttrition(PLANS, null), 2, RoundingMode.HALF_EVEN);
        assertThat(coverage).isEqualByComparingTo("107.57");
    }

    @Test
    void everyClientHasAFy2026PlanWithStakeholdersAndTheRegistersAreValidInput() {
        assertThat(PLANS).hasSize(PORTFOLIO.clients().size());
        assertThat(PLANS).extracting(DemoPlans.Plan::clientKey).doesNotHaveDuplicates();
        assertThat(PLANS).allSatisfy(p -> {
            assertThat(p.stakeholders()).isNotEmpty();
            assertThat(p.stakeholders()).extracting(DemoPlans.Stakeholder::name).doesNotHaveDuplicates();
            assertThat(p.opportunities()).extracting(DemoPlans.Opportunity::name).doesNotHaveDuplicates();
            assertThat(p.risks()).extracting(DemoPlans.Risk::description).doesNotHaveDuplicates();
            assertThat(p.opportunities()).allSatisfy(o -> {
                assertThat(o.probability()).isBetween(0, 100);
                assertThat(o.value().scale()).isEqualTo(2);
                assertThat(o.closeReason() != null).isEqualTo(!o.open()); // planning-service requires a reason once closed
            });
            assertThat(p.risks()).allSatisfy(r -> assertThat(r.fiscalYear()).matches("FY\\d{4}"));
        });
        // a struggling tail client is single-threaded (the stakeholder map flags it), SA Health has a detractor
        assertThat(PLANS).anySatisfy(p -> assertThat(p.stakeholders()).hasSize(1));
        assertThat(PLANS).filteredOn(p -> p.clientKey().equals("sa-health")).singleElement()
                .satisfies(p -> assertThat(p.stakeholders()).extracting(DemoPlans.Stakeholder::role).contains("ECONOMIC_BUYER", "DETRACTOR"));
        // won deals give the quotas an attainment; the quotas cover every CSE and CAM
        assertThat(PLANS.stream().flatMap(p -> p.opportunities().stream())).anySatisfy(o -> assertThat(o.stage()).isEqualTo("CLOSED_WON"));
        assertThat(DemoPlans.quotas()).extracting(DemoPlans.Quota::owner).containsExactlyInAnyOrder("cse", "cse2", "cse3", "cam", "cam2");
    }

    @Test
    void someRenewalsFallWithinNinetyDaysOfTheLoadDay() {
        assertThat(PORTFOLIO.clients()).filteredOn(c -> ChronoUnit.DAYS.between(TODAY, c.renewalDate()) <= 90)
                .extracting(DemoPortfolio.Client::name).contains("WA Health").hasSizeGreaterThanOrEqualTo(2);
    }
}
