package io.rhythm.planning.readiness.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The seed's maturity scale, for the overall and per-dimension scores:
 * 1.0–1.9 Initial, 2.0–2.9 Developing, 3.0–3.9 Defined, 4.0–4.9 Managed, 5.0 Optimized.
 * <p>
 * A mean is first rounded to one decimal, half up (1.95 → 2.0 Developing, 1.94 → 1.9 Initial), and that rounded
 * value is mapped: the scale has one decimal, so every score lands on exactly one level.
 */
public enum Maturity {
    INITIAL("Initial", "reactive, inconsistent, high churn risk, limited visibility"),
    DEVELOPING("Developing", "basic processes exist, engagement gaps, retention challenges"),
    DEFINED("Defined", "repeatable approach, stable retention, scaling friction"),
    MANAGED("Managed", "proactive, high retention, measured expansion, strong satisfaction"),
    OPTIMIZED("Optimized", "strategic partnership, predictable growth, client advocacy");

    private final String label;
    private final String meaning;

    Maturity(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** A mean score rounded to one decimal, half up. */
    public static BigDecimal round(double mean) {
        return BigDecimal.valueOf(mean).setScale(1, RoundingMode.HALF_UP);
    }

    /** The level of a score already rounded to one decimal (1.0–5.0). */
    public static Maturity of(BigDecimal rounded) {
        if (rounded.compareTo(BigDecimal.ONE) < 0 || rounded.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw new IllegalArgumentException("a maturity score is between 1.0 and 5.0, was " + rounded);
        }
        int whole = rounded.setScale(0, RoundingMode.DOWN).intValue(); // 1.9 → 1, 2.0 → 2, 4.9 → 4, 5.0 → 5
        return values()[whole - 1];
    }

    /** Rounds a mean (half up, one decimal) and maps it. */
    public static Maturity ofMean(double mean) {
        return of(round(mean));
    }
}
