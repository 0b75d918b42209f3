package io.rhythm.health.domain.alerts;

import java.util.Locale;
import java.util.Optional;

/**
 * The alert workflow of seed 001's "Alert Response Protocol": acknowledge → assess → plan →
 * execute → follow-up (resolved). Alerts only move forward, one stage at a time, with one
 * exception: from {@link #ASSESSED} on an alert may be {@link #RESOLVED} directly, because the
 * assessment is where the seed decides "if immediate intervention needed" — when it is not, there
 * is nothing to plan or execute.
 */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, ASSESSED, PLANNED, EXECUTING, RESOLVED;

    /** True when an alert in this status may move to {@code target}. */
    public boolean canMoveTo(AlertStatus target) {
        if (target.ordinal() == ordinal() + 1) {
            return true;
        }
        return target == RESOLVED && ordinal() >= ASSESSED.ordinal() && this != RESOLVED;
    }

    /** True when this status is {@code stage} or later: the stage has been reached. */
    public boolean reached(AlertStatus stage) {
        return ordinal() >= stage.ordinal();
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }

    public static Optional<AlertStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
