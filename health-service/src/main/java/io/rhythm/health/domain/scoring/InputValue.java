package io.rhythm.health.domain.scoring;

/**
 * One input behind a component value, as used for one score.
 *
 * @param key             the metric key
 * @param raw             the raw value given, or {@code null} when there was no data
 * @param normalised      its normalised value 0–100 (one decimal), or {@code null} when there was no data
 * @param effectiveWeight its weight within the component for this score (a fraction of 1): the
 *                        model weight, re-distributed over the inputs that had data; 0 without data
 */
public record InputValue(String key, Double raw, Double normalised, double effectiveWeight) {

    /** False when the input was missing, so it did not count. */
    public boolean hasData() {
        return raw != null;
    }
}
