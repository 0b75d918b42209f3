package io.rhythm.segmentation.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentClassifierTest {

    private final SegmentModel model = SeedModel.build();

    private static ClassifierInput input(String nps, String health, String revenue) {
        return new ClassifierInput(nps == null ? null : new BigDecimal(nps), nps == null ? 0 : 3,
                health == null ? null : new BigDecimal(health), revenue == null ? null : new BigDecimal(revenue), null);
    }

    @Test
    void theSeedModelIsValid() {
        assertThat(model.problems()).isEmpty();
    }

    /** Satisfaction = 0.6 × NPS mean × 10 + 0.4 × health; bands [0,60) [60,75) [75,∞); spend [0,250k) [250k,1M) [1M,∞). */
    @ParameterizedTest(name = "NPS {0}, health {1}, revenue {2} → {3}")
    @CsvSource({
            // the six cells the seed defines
            "4, 40, 100000, MAINTAIN",
            "9, 90, 100000, LEVERAGE",
            "4, 40, 2000000, NURTURE",
            "9, 90, 500000, COLLABORATE",
            "7, 60, 2000000, SLEEPING_GIANTS",
            "9, 90, 2000000, GIANTS",
            // the three cells the seed leaves open (documented on SegmentModel)
            "7, 60, 100000, MAINTAIN",
            "4, 40, 500000, NURTURE",
            "7, 60, 500000, SLEEPING_GIANTS",
            // boundaries: from inclusive, to exclusive
            "6, 60, 0, MAINTAIN",             // satisfaction exactly 60 is MODERATE, revenue 0 is LOW
            "5, 60, 249999.99, MAINTAIN",     // 54 LOW, just under 250k LOW
            "6, 60, 250000, SLEEPING_GIANTS", // 60 MODERATE, 250k MODERATE
            "7.5, 75, 250000, COLLABORATE",   // 75 exactly HIGH
            "7.5, 74.99, 999999.99, SLEEPING_GIANTS", // 74.996 MODERATE
            "7.5, 75, 1000000, GIANTS",       // 1M exactly HIGH
            "0, 0, 1000000, NURTURE",
            "10, 100, 100000000, GIANTS"})
    void everyCellMapsToExactlyOneSegment(String nps, String health, String revenue, Segment expected) {
        Classification c = SegmentClassifier.classify(model, input(nps, health, revenue));
        assertThat(c.segment()).isEqualTo(expected);
        assertThat(c.reason()).startsWith("satisfaction ");
    }

    @Test
    void allNineCellsAreCoveredAndAllSixSegmentsAreReachable() {
        Set<Segment> reached = EnumSet.noneOf(Segment.class);
        for (AxisBand satisfaction : AxisBand.values()) {
            for (AxisBand spend : AxisBand.values()) {
                assertThat(model.cell(satisfaction, spend)).isNotNull();
                reached.add(model.cell(satisfaction, spend));
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(Segment.values());
    }

    @Test
    void combinesNpsAndHealthByTheModelsWeights() {
        Classification c = SegmentClassifier.classify(model, input("8", "50", "100000"));
        assertThat(c.satisfaction()).isEqualByComparingTo("68"); // 0.6 × 80 + 0.4 × 50
        assertThat(c.satisfactionBand()).isEqualTo(AxisBand.MODERATE);
        assertThat(c.spendBand()).isEqualTo(AxisBand.LOW);
    }

    @Test
    void oneMissingSatisfactionInputLeavesTheOtherAlone() {
        assertThat(SegmentClassifier.classify(model, input("9", null, "100000")).satisfaction()).isEqualByComparingTo("90");
        Classification healthOnly = SegmentClassifier.classify(model, input(null, "55", "100000"));
        assertThat(healthOnly.satisfaction()).isEqualByComparingTo("55");
        assertThat(healthOnly.reason()).contains("no NPS answer in the last 365 days");
    }

    @Test
    void withoutEnoughDataTheClientIsUnassignedWithTheReason() {
        Classification noSatisfaction = SegmentClassifier.classify(model, input(null, null, "100000"));
        assertThat(noSatisfaction.assigned()).isFalse();
        assertThat(noSatisfaction.code()).isEqualTo("UNASSIGNED");
        assertThat(noSatisfaction.reason()).isEqualTo("no satisfaction input: no NPS answer in the last 365 days and no health score");

        Classification noRevenue = SegmentClassifier.classify(model, input("9", "90", null));
        assertThat(noRevenue.segment()).isNull();
        assertThat(noRevenue.reason()).isEqualTo("no annual maintenance revenue known");
    }

    @Test
    void theShareBasisDividesByThePortfolio() {
        SegmentModel share = SeedModel.build(SpendBasis.SHARE, SeedModel.bands(0, "0.02", "0.10"), 2);
        assertThat(share.problems()).isEmpty();
        ClassifierInput sa = new ClassifierInput(new BigDecimal("6.1"), 12, new BigDecimal("62"), new BigDecimal("2100000"),
                new BigDecimal("10000000"));
        Classification c = SegmentClassifier.classify(share, sa);
        assertThat(c.spend()).isEqualByComparingTo("0.21");
        assertThat(c.segment()).isEqualTo(Segment.SLEEPING_GIANTS);
        assertThat(c.reason()).contains("21.00 % of the portfolio HIGH");
        ClassifierInput small = new ClassifierInput(new BigDecimal("9"), 2, null, new BigDecimal("100000"), new BigDecimal("10000000"));
        assertThat(SegmentClassifier.classify(share, small).segment()).isEqualTo(Segment.LEVERAGE); // 1 %: LOW
        assertThat(SegmentClassifier.classify(share, new ClassifierInput(new BigDecimal("9"), 2, null, BigDecimal.TEN, BigDecimal.ZERO))
                .reason()).isEqualTo("the portfolio has no maintenance revenue to take a share of");
    }

    @Test
    void overlappingOrMissingRangesAreNamedField() {
        List<BandRange> overlapping = List.of(new BandRange(AxisBand.LOW, BigDecimal.ZERO, new BigDecimal("60")),
                new BandRange(AxisBand.MODERATE, new BigDecimal("55"), new BigDecimal("75")),
                new BandRange(AxisBand.HIGH, new BigDecimal("80"), null));
        SegmentModel bad = new SegmentModel(2, "bad", new BigDecimal("0.6"), new BigDecimal("0.5"), 365, overlapping,
                SpendBasis.ABSOLUTE, "AUD", SeedModel.bands(0, 250_000, 1_000_000), SeedModel.grid(), new ConfirmationRule(2, null), SeedModel.segments());
        assertThat(bad.problems()).extracting(ModelProblem::field)
                .containsExactlyInAnyOrder("satisfaction.healthWeight", "satisfaction.bands[1].from", "satisfaction.bands[2].from");
        assertThat(bad.problems()).extracting(ModelProblem::message)
                .anyMatch(m -> m.startsWith("overlaps LOW"))
                .anyMatch(m -> m.startsWith("leaves values from 75 up to 80 in no band"));
    }

    @Test
    void theSeedsSixCellsCannotBeMovedAndEverySegmentNeedsAllCadences() {
        var grid = SeedModel.grid();
        grid.get(AxisBand.HIGH).put(AxisBand.HIGH, Segment.COLLABORATE);
        grid.get(AxisBand.MODERATE).remove(AxisBand.LOW);
        SegmentModel bad = new SegmentModel(2, "bad", new BigDecimal("0.6"), new BigDecimal("0.4"), 365, SeedModel.bands(0, 60, 75),
                SpendBasis.ABSOLUTE, "AUD", SeedModel.bands(0, 250_000, 1_000_000), grid, new ConfirmationRule(0, 400),
                SeedModel.segments().subList(0, 5));
        assertThat(bad.problems()).extracting(ModelProblem::field).containsExactlyInAnyOrder(
                "grid.HIGH.HIGH", "grid.MODERATE.LOW", "confirmation.consecutiveInputs", "confirmation.days", "segments");
    }
}
