package io.rhythm.segmentation.domain;

import java.math.BigDecimal;

/**
 * One band of an axis: values {@code from} (inclusive) up to {@code to} (exclusive); {@code to} is null for the
 * top band, which is unbounded.
 */
public record BandRange(AxisBand band, BigDecimal from, BigDecimal to) {

    public boolean contains(BigDecimal value) {
        return value.compareTo(from) >= 0 && (to == null || value.compareTo(to) < 0);
    }
}
