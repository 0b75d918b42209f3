package io.rhythm.nps.domain.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How Rhythm rounds NPS figures for display: to the nearest integer, <b>half away from zero</b>
 * (33.333 → 33, 50.5 → 51, −50.5 → −51).
 *
 * <p>Why: an NPS is symmetric around zero, so −50.5 must round to −51 just as 50.5 rounds to 51.
 * {@link Math#round(double)} rounds half up (−50.5 → −50) and is deliberately not used. The seeds
 * do not state a rounding rule (seed 000 quotes whole-number NPS and one-decimal averages); this is
 * Rhythm's documented choice, and the exact value is always reported next to the rounded one.
 */
public final class NpsRounding {

    private NpsRounding() {
    }

    /**
     * Rounds to the nearest integer, ties away from zero. The double is read through its shortest
     * decimal representation ({@link BigDecimal#valueOf(double)}), so 50.5 is treated as exactly 50.5.
     *
     * @throws IllegalArgumentException for NaN or infinite values
     */
    public static int halfAwayFromZero(double value) {
        return halfAwayFromZero(value, 0).intValueExact();
    }

    /** Rounds to {@code scale} decimal places, ties away from zero (e.g. an average of 6.05 → 6.1). */
    public static BigDecimal halfAwayFromZero(double value, int scale) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Cannot round " + value);
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP); // HALF_UP = away from zero
    }

    /**
     * Exact integer rounding of {@code 100 × numerator / denominator}, ties away from zero, without
     * floating point (used for the NPS itself: numerator = promoters − detractors, denominator = n).
     */
    static int percentHalfAwayFromZero(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive, was " + denominator);
        }
        long magnitude = Math.abs(numerator) * 100;
        long rounded = (2 * magnitude + denominator) / (2 * denominator); // floor(x + 1/2) on |x|
        return (int) (numerator < 0 ? -rounded : rounded);
    }
}
