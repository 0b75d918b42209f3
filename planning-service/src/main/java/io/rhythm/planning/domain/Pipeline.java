package io.rhythm.planning.domain;

import java.math.BigDecimal;

/** Opportunity arithmetic, exact: no floating point, no rounding until a figure is shown. */
public final class Pipeline {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pipeline() {
    }

    /** value × probability / 100, exact (a cent amount times an integer percent needs at most 4 decimals). */
    public static BigDecimal weighted(BigDecimal value, int probability) {
        if (probability < 0 || probability > 100) {
            throw new IllegalArgumentException("probability must be 0-100: " + probability);
        }
        return value.multiply(BigDecimal.valueOf(probability)).divide(HUNDRED);
    }
}
