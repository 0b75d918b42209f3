package io.rhythm.segmentation.domain;

/**
 * What the spend axis measures: annual maintenance revenue in money ({@code ABSOLUTE}), or the client's share of
 * the whole portfolio's maintenance revenue as a fraction 0–1 ({@code SHARE}).
 */
public enum SpendBasis {
    ABSOLUTE, SHARE
}
