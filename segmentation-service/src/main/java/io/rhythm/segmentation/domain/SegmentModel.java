package io.rhythm.segmentation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of the segment model, as data: how satisfaction is combined from NPS and health (weights, NPS
 * window), the bands of both axes, the satisfaction × spend grid, the confirmation rule and the six segments with
 * their strategies and Activity Register cadences.
 * <p>
 * Satisfaction is on a 0–100 scale: the mean NPS answer (0–10) × 10 and the health score (0–100), weighted.
 * Spend is annual maintenance revenue ({@link SpendBasis#ABSOLUTE}, in {@code spendCurrency}) or the client's
 * share of the portfolio's maintenance revenue ({@link SpendBasis#SHARE}, a fraction 0–1). Every band includes
 * its {@code from} and excludes its {@code to}; the HIGH band is unbounded.
 * <p>
 * The grid (satisfaction band → spend band → segment) must keep the six cells the seed defines (Maintain: low ×
 * low, Leverage: high × low, Nurture: low × high, Collaborate: high × moderate, Sleeping Giants: moderate × high,
 * Giants: high × high); the three cells the seed leaves open are part of the model. The default model places
 * them by one rule — below HIGH satisfaction no client is in a "satisfied" segment, so it keeps a Satisfaction
 * Action Plan: moderate × low → Maintain, low × moderate → Nurture, moderate × moderate → Sleeping Giants.
 */
public record SegmentModel(int version, String name, BigDecimal npsWeight, BigDecimal healthWeight, int npsWindowDays,
                           List<BandRange> satisfactionBands, SpendBasis spendBasis, String spendCurrency,
                           List<BandRange> spendBands, Map<AxisBand, Map<AxisBand, Segment>> grid,
                           ConfirmationRule confirmation, List<SegmentDefinition> segments) {

    /** The six cells the seed's Segmentation Framework defines: satisfaction band, spend band, segment. */
    public static final List<Object[]> SEED_CELLS = List.of(
            new Object[] {AxisBand.LOW, AxisBand.LOW, Segment.MAINTAIN},
            new Object[] {AxisBand.HIGH, AxisBand.LOW, Segment.LEVERAGE},
            new Object[] {AxisBand.LOW, AxisBand.HIGH, Segment.NURTURE},
            new Object[] {AxisBand.HIGH, AxisBand.MODERATE, Segment.COLLABORATE},
            new Object[] {AxisBand.MODERATE, AxisBand.HIGH, Segment.SLEEPING_GIANTS},
            new Object[] {AxisBand.HIGH, AxisBand.HIGH, Segment.GIANTS});

    public static final BigDecimal SATISFACTION_MAX = BigDecimal.valueOf(100);

    public SegmentDefinition segment(Segment code) {
        return segments.stream().filter(s -> s.code() == code).findFirst()
                .orElseThrow(() -> new IllegalStateException("model " + version + " has no segment " + code));
    }

    public Segment cell(AxisBand satisfaction, AxisBand spend) {
        return grid.get(satisfaction).get(spend);
    }

    public static AxisBand bandOf(List<BandRange> bands, BigDecimal value) {
        for (BandRange band : bands) {
            if (band.contains(value)) {
                return band.band();
            }
        }
        throw new IllegalArgumentException(value + " is below every band");
    }

    /** Every problem of the model, empty when it is valid. */
    public List<ModelProblem> problems() {
        List<ModelProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new ModelProblem("name", "must not be blank"));
        }
        if (npsWeight == null || npsWeight.signum() < 0 || npsWeight.compareTo(BigDecimal.ONE) > 0) {
            problems.add(new ModelProblem("satisfaction.npsWeight", "must be between 0 and 1"));
        }
        if (healthWeight == null || healthWeight.signum() < 0 || healthWeight.compareTo(BigDecimal.ONE) > 0) {
            problems.add(new ModelProblem("satisfaction.healthWeight", "must be between 0 and 1"));
        }
        if (npsWeight != null && healthWeight != null && npsWeight.add(healthWeight).compareTo(BigDecimal.ONE) != 0) {
            problems.add(new ModelProblem("satisfaction.healthWeight", "npsWeight + healthWeight must be 1, not "
                    + npsWeight.add(healthWeight).toPlainString()));
        }
        if (npsWindowDays < 1 || npsWindowDays > 1095) {
            problems.add(new ModelProblem("satisfaction.npsWindowDays", "must be between 1 and 1095"));
        }
        bandProblems("satisfaction.bands", satisfactionBands, SATISFACTION_MAX, problems);
        bandProblems("spend.bands", spendBands, spendBasis == SpendBasis.SHARE ? BigDecimal.ONE : null, problems);
        if (confirmation == null) {
            problems.add(new ModelProblem("confirmation", "must not be null"));
        } else {
            problems.addAll(confirmation.problems());
        }
        gridProblems(problems);
        segmentProblems(problems);
        return problems;
    }

    private static void bandProblems(String field, List<BandRange> bands, BigDecimal max, List<ModelProblem> problems) {
        if (bands == null || bands.size() != 3) {
            problems.add(new ModelProblem(field, "must list exactly the bands LOW, MODERATE and HIGH"));
            return;
        }
        AxisBand[] order = AxisBand.values();
        for (int i = 0; i < 3; i++) {
            BandRange band = bands.get(i);
            String at = field + "[" + i + "]";
            if (band.band() != order[i]) {
                problems.add(new ModelProblem(at + ".band", "must be " + order[i] + " (bands run LOW, MODERATE, HIGH)"));
            }
            if (band.from() == null) {
                problems.add(new ModelProblem(at + ".from", "must not be null"));
                continue;
            }
            if (i == 0 && band.from().signum() != 0) {
                problems.add(new ModelProblem(at + ".from", "must be 0: values from 0 up to the first band would be in no band"));
            }
            if (i < 2 && band.to() == null) {
                problems.add(new ModelProblem(at + ".to", "must not be null: only HIGH is unbounded"));
            }
            if (i == 2 && band.to() != null) {
                problems.add(new ModelProblem(at + ".to", "must be null: HIGH is unbounded"));
            }
            if (band.to() != null && band.to().compareTo(band.from()) <= 0) {
                problems.add(new ModelProblem(at + ".to", "must be greater than from (" + band.from().toPlainString() + ")"));
            }
            if (max != null && band.to() != null && band.to().compareTo(max) > 0) {
                problems.add(new ModelProblem(at + ".to", "must not exceed " + max.toPlainString()));
            }
            if (i > 0) {
                BigDecimal previousTo = bands.get(i - 1).to();
                if (previousTo != null) {
                    int c = band.from().compareTo(previousTo);
                    if (c < 0) {
                        problems.add(new ModelProblem(at + ".from", "overlaps " + order[i - 1] + ", which runs to "
                                + previousTo.toPlainString() + ": must equal it"));
                    } else if (c > 0) {
                        problems.add(new ModelProblem(at + ".from", "leaves values from " + previousTo.toPlainString()
                                + " up to " + band.from().toPlainString() + " in no band: must equal " + previousTo.toPlainString()));
                    }
                }
            }
        }
    }

    private void gridProblems(List<ModelProblem> problems) {
        if (grid == null) {
            problems.add(new ModelProblem("grid", "must map every satisfaction × spend cell to a segment"));
            return;
        }
        for (AxisBand satisfaction : AxisBand.values()) {
            for (AxisBand spend : AxisBand.values()) {
                Map<AxisBand, Segment> row = grid.get(satisfaction);
                if (row == null || row.get(spend) == null) {
                    problems.add(new ModelProblem("grid." + satisfaction + "." + spend, "must name a segment"));
                }
            }
        }
        for (Object[] cell : SEED_CELLS) {
            Map<AxisBand, Segment> row = grid.get((AxisBand) cell[0]);
            Segment placed = row == null ? null : row.get((AxisBand) cell[1]);
            if (placed != null && placed != cell[2]) {
                problems.add(new ModelProblem("grid." + cell[0] + "." + cell[1], "must be " + cell[2]
                        + ": the Segmentation Framework defines this cell"));
            }
        }
    }

    private void segmentProblems(List<ModelProblem> problems) {
        Set<Segment> seen = EnumSet.noneOf(Segment.class);
        if (segments == null) {
            problems.add(new ModelProblem("segments", "must describe each of the six segments once"));
            return;
        }
        for (int i = 0; i < segments.size(); i++) {
            SegmentDefinition s = segments.get(i);
            String at = "segments[" + i + "]";
            if (s.code() == null) {
                problems.add(new ModelProblem(at + ".code", "must be a segment"));
                continue;
            }
            if (!seen.add(s.code())) {
                problems.add(new ModelProblem(at + ".code", s.code() + " is described twice"));
            }
            for (ActivityType type : ActivityType.values()) {
                if (!s.cadences().containsKey(type)) {
                    problems.add(new ModelProblem(at + ".cadences." + type, "must be MONTHLY, QUARTERLY, BI_ANNUAL or AS_NEEDED"));
                }
            }
        }
        for (Segment code : Segment.values()) {
            if (!seen.contains(code)) {
                problems.add(new ModelProblem("segments", code + " is missing: each of the six segments is described once"));
            }
        }
    }

    /** The grid as an EnumMap of EnumMaps (stable order), from any map. */
    public static Map<AxisBand, Map<AxisBand, Segment>> gridOf(Map<AxisBand, Map<AxisBand, Segment>> cells) {
        Map<AxisBand, Map<AxisBand, Segment>> grid = new EnumMap<>(AxisBand.class);
        cells.forEach((sat, row) -> grid.put(sat, row == null ? new EnumMap<>(AxisBand.class) : new EnumMap<>(row)));
        return grid;
    }
}
