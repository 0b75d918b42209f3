package io.rhythm.health.domain.scoring;

/**
 * The one rounding rule of the engine: scores, component values and contributions are
 * published with one decimal, rounded half-up. Internally they are whole tenths of a point, so
 * comparisons at boundaries (15 points, 10 %, 85) are exact integer arithmetic.
 *
 * <p>A tolerance of 1e-9 tenths absorbs binary floating-point noise, so that an exact value
 * written as 49.95 (stored as 49.9499999…) still rounds up to 50.0.
 */
final class Tenths {

    private static final double FLOATING_POINT_NOISE = 1e-9;

    private Tenths() {
    }

    /** Rounds an exact amount of tenths half-up to a whole number of tenths. */
    static int roundHalfUp(double exactTenths) {
        return (int) Math.floor(exactTenths + 0.5 + FLOATING_POINT_NOISE);
    }

    /** A score in points as whole tenths, rounded half-up (95.04 → 950, 49.96 → 500). */
    static int of(double points) {
        return roundHalfUp(points * 10.0);
    }

    /** Whole tenths back to points (500 → 50.0). */
    static double toPoints(int tenths) {
        return tenths / 10.0;
    }

    /** Rounds points half-up to one decimal. */
    static double roundToOneDecimal(double points) {
        return toPoints(of(points));
    }
}
