package io.rhythm.segmentation.domain;

import java.math.BigDecimal;

/**
 * Where the model puts one client: a segment, or none ({@code segment} null: UNASSIGNED) with the reason. The
 * axis values and bands are those computed (null when an input was missing).
 */
public record Classification(Segment segment, String reason, BigDecimal satisfaction, AxisBand satisfactionBand,
                             BigDecimal spend, AxisBand spendBand) {

    public static final String UNASSIGNED = "UNASSIGNED";

    public boolean assigned() {
        return segment != null;
    }

    /** The segment's canonical code, or {@code UNASSIGNED}. */
    public String code() {
        return segment == null ? UNASSIGNED : segment.name();
    }
}
