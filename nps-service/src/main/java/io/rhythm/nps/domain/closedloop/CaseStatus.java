package io.rhythm.nps.domain.closedloop;

import java.util.Locale;
import java.util.Optional;

/**
 * The detractor case workflow (seed 001 "Detractor Response Protocol"): the owner reaches out
 * ({@link #CONTACTED}, within 24 h), documents the root cause ({@link #ROOT_CAUSE_IDENTIFIED}, by 48 h)
 * and the action plan ({@link #ACTION_PLANNED}, by 72 h), carries it out ({@link #RESOLVED}; the
 * 30-day follow-up survey is then due) and closes the case after the follow-up ({@link #CLOSED}).
 * A case moves forward one step at a time; nothing is skipped and nothing goes back.
 */
public enum CaseStatus {
    OPEN, CONTACTED, ROOT_CAUSE_IDENTIFIED, ACTION_PLANNED, RESOLVED, CLOSED;

    /** True when a case in this status may move to {@code target}: only to the next status. */
    public boolean canMoveTo(CaseStatus target) {
        return target.ordinal() == ordinal() + 1;
    }

    /** The status a case in this one moves to next; empty for {@link #CLOSED}. */
    public Optional<CaseStatus> next() {
        return this == CLOSED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** True when this status is {@code stage} or later. */
    public boolean reached(CaseStatus stage) {
        return ordinal() >= stage.ordinal();
    }

    public static Optional<CaseStatus> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
