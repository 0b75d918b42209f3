package io.rhythm.segmentation.domain;

/** Where one client × activity type stands against its cadence on a date. */
public enum ComplianceStatus {
    COMPLIANT, DUE_SOON, OVERDUE, NOT_REQUIRED
}
