package io.rhythm.nps.domain.analytics;

import io.rhythm.nps.domain.NpsCategory;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One response's score with the weight of the client who gave it, e.g. the client's ARR.
 *
 * @param score  0–10
 * @param weight client value (ARR or another measure of lifetime value), zero or positive; a decimal,
 *               never a float, because it is usually money
 */
public record WeightedScore(int score, BigDecimal weight) {

    public WeightedScore {
        NpsCategory.requireValidScore(score);
        Objects.requireNonNull(weight, "weight");
        if (weight.signum() < 0) {
            throw new IllegalArgumentException("A response weight must not be negative, was " + weight);
        }
    }

    public static WeightedScore of(int score, String weight) {
        return new WeightedScore(score, new BigDecimal(weight));
    }

    public NpsCategory category() {
        return NpsCategory.of(score);
    }
}
