package io.rhythm.segmentation.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.rhythm.segmentation.domain.ActivityType.*;
import static io.rhythm.segmentation.domain.Cadence.*;

/** The default model exactly as V2__segment_model.sql seeds version 1 (the seed's tables), for unit tests. */
final class SeedModel {

    private SeedModel() {
    }

    static SegmentModel build() {
        return build(SpendBasis.ABSOLUTE, bands(0, 250_000, 1_000_000), 2);
    }

    static SegmentModel build(SpendBasis basis, List<BandRange> spendBands, int confirmations) {
        return new SegmentModel(1, "APAC 2026 default", new BigDecimal("0.6"), new BigDecimal("0.4"), 365,
                bands(0, 60, 75), basis, "AUD", spendBands, grid(),
                new ConfirmationRule(confirmations, 14), segments());
    }

    static List<BandRange> bands(Object low, Object moderate, Object high) {
        return List.of(new BandRange(AxisBand.LOW, new BigDecimal(low.toString()), new BigDecimal(moderate.toString())),
                new BandRange(AxisBand.MODERATE, new BigDecimal(moderate.toString()), new BigDecimal(high.toString())),
                new BandRange(AxisBand.HIGH, new BigDecimal(high.toString()), null));
    }

    static Map<AxisBand, Map<AxisBand, Segment>> grid() {
        Map<AxisBand, Map<AxisBand, Segment>> grid = new EnumMap<>(AxisBand.class);
        grid.put(AxisBand.LOW, row(Segment.MAINTAIN, Segment.NURTURE, Segment.NURTURE));
        grid.put(AxisBand.MODERATE, row(Segment.MAINTAIN, Segment.SLEEPING_GIANTS, Segment.SLEEPING_GIANTS));
        grid.put(AxisBand.HIGH, row(Segment.LEVERAGE, Segment.COLLABORATE, Segment.GIANTS));
        return grid;
    }

    private static Map<AxisBand, Segment> row(Segment low, Segment moderate, Segment high) {
        Map<AxisBand, Segment> row = new EnumMap<>(AxisBand.class);
        row.put(AxisBand.LOW, low);
        row.put(AxisBand.MODERATE, moderate);
        row.put(AxisBand.HIGH, high);
        return row;
    }

    static List<SegmentDefinition> segments() {
        return List.of(
                segment(Segment.MAINTAIN, MONTHLY, MONTHLY, QUARTERLY, QUARTERLY, AS_NEEDED),
                segment(Segment.LEVERAGE, QUARTERLY, QUARTERLY, BI_ANNUAL, QUARTERLY, BI_ANNUAL),
                segment(Segment.NURTURE, MONTHLY, MONTHLY, QUARTERLY, QUARTERLY, QUARTERLY),
                segment(Segment.COLLABORATE, QUARTERLY, QUARTERLY, BI_ANNUAL, QUARTERLY, BI_ANNUAL),
                segment(Segment.SLEEPING_GIANTS, MONTHLY, MONTHLY, QUARTERLY, QUARTERLY, QUARTERLY),
                segment(Segment.GIANTS, QUARTERLY, QUARTERLY, BI_ANNUAL, QUARTERLY, QUARTERLY));
    }

    private static SegmentDefinition segment(Segment code, Cadence partnership, Cadence service, Cadence health, Cadence qbr,
                                             Cadence executive) {
        return new SegmentDefinition(code, code.displayName(), "cs", "sales", Map.of(PARTNERSHIP_MEETING, partnership,
                SERVICE_REVIEW, service, HEALTH_CHECK, health, QBR, qbr, EXECUTIVE_ENGAGEMENT, executive));
    }
}
