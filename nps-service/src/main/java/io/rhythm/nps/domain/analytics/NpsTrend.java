package io.rhythm.nps.domain.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * NPS over cycles: each period's figures with the change from the previous period that had answers.
 *
 * <p>Rules: periods come in the order given (the caller orders cycles by open date); a period without answers
 * has no change and is skipped as a baseline, so the next period is compared with the last one that was
 * measured. The change in NPS is in points (exact, and between the rounded figures as people quote them);
 * the change in average score is in score points; the change in response rate is in percentage points (none
 * unless both periods have a rate). A change is flagged {@code withinNoise} when it is smaller than the
 * 95 % margin of the difference of two independent NPS figures, √(m₁² + m₂²) — on small samples most
 * movements are, and the API says so rather than reporting a "trend" that is only noise.
 */
public final class NpsTrend {

    private NpsTrend() {
    }

    /** One period's figures; {@code rate} may be null (nobody invited through Rhythm). */
    public record Period<T>(T period, NpsSummary summary, ResponseRate rate) {
        public Period {
            Objects.requireNonNull(summary, "summary");
        }
    }

    public enum Direction { UP, DOWN, FLAT }

    /**
     * The change from the previous measured period.
     *
     * @param npsPoints           exact NPS difference
     * @param npsRoundedPoints    difference of the rounded NPS figures
     * @param averagePoints       difference of the average scores
     * @param responseRatePoints  difference of the response rates in percentage points, or null
     * @param direction           UP / DOWN by the rounded difference, FLAT when it is 0
     * @param margin              95 % margin of the NPS difference, in points
     * @param withinNoise         |npsPoints| ≤ margin: not distinguishable from chance
     */
    public record Change(double npsPoints, int npsRoundedPoints, double averagePoints, Double responseRatePoints,
                         Direction direction, double margin, boolean withinNoise) {
    }

    /** A period with its change (null for the first measured period and for periods without answers). */
    public record Point<T>(Period<T> period, Change change) {
    }

    public static <T> List<Point<T>> of(List<Period<T>> periods) {
        List<Point<T>> points = new ArrayList<>();
        Period<T> previous = null;
        for (Period<T> current : periods) {
            if (current.summary().isEmpty()) {
                points.add(new Point<>(current, null));
                continue;
            }
            points.add(new Point<>(current, previous == null ? null : change(previous, current)));
            previous = current;
        }
        return points;
    }

    public static Change change(Period<?> previous, Period<?> current) {
        NpsSummary a = previous.summary();
        NpsSummary b = current.summary();
        double nps = b.nps() - a.nps();
        int rounded = b.npsRounded() - a.npsRounded();
        Double rate = previous.rate() == null || current.rate() == null ? null
                : current.rate().percent() - previous.rate().percent();
        double margin = Math.sqrt(square(a.confidenceInterval().margin()) + square(b.confidenceInterval().margin()));
        Direction direction = rounded > 0 ? Direction.UP : rounded < 0 ? Direction.DOWN : Direction.FLAT;
        return new Change(nps, rounded, b.average() - a.average(), rate, direction, margin, Math.abs(nps) <= margin);
    }

    private static double square(double x) {
        return x * x;
    }
}
