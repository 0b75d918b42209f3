package io.rhythm.health.domain.scoring;

/**
 * Turns a raw metric into 0–100: linear between a {@code worst} value (→ 0) and a {@code best}
 * value (→ 100), clamped to 0–100 outside that range.
 *
 * <p>"Lower is better" metrics (open urgent tickets, overdue invoices, days since last login)
 * are expressed simply by a {@code worst} that is greater than {@code best}, e.g. urgent
 * tickets {@code worst = 2, best = 0}: 0 tickets → 100, 1 → 50, 2 or more → 0.
 *
 * <p>Not validated on construction: {@link ScoringModel} validates the whole model at once and
 * reports every problem together (worst and best must be finite and differ).
 *
 * @param worst the raw value that scores 0 (and anything beyond it)
 * @param best  the raw value that scores 100 (and anything beyond it)
 */
public record Normalisation(double worst, double best) {

    /** The normalised value, 0–100, of a finite raw value. */
    public double normalise(double raw) {
        double fraction = (raw - worst) / (best - worst);
        return Math.max(0.0, Math.min(100.0, fraction * 100.0));
    }

    /** True when smaller raw values are better (worst &gt; best). */
    public boolean lowerIsBetter() {
        return worst > best;
    }
}
