package io.rhythm.segmentation.domain;

/** A position on one axis of the segment grid (satisfaction or spend). */
public enum AxisBand {
    LOW, MODERATE, HIGH
}
