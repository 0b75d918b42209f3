package io.rhythm.nps.domain.initiatives;

/**
 * PLANNED → IN_PROGRESS → DONE, or CANCELLED from PLANNED or IN_PROGRESS (PLANNED → DONE is allowed for
 * small initiatives finished at once). DONE and CANCELLED are final: no status change and no further
 * progress. Going back to PLANNED from IN_PROGRESS is not allowed. A rejected change is an
 * {@link IllegalStateException} (the API answers 409).
 */
public enum InitiativeStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }

    public boolean canMoveTo(InitiativeStatus next) {
        if (next == this) {
            return true;
        }
        return switch (this) {
            case PLANNED -> next != PLANNED;
            case IN_PROGRESS -> next == DONE || next == CANCELLED;
            case DONE, CANCELLED -> false;
        };
    }

    public void requireMoveTo(InitiativeStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("an initiative that is " + this + " cannot become " + next
                    + (isFinal() ? " (" + this + " is final)" : ""));
        }
    }

    public void requireOpenForProgress() {
        if (isFinal()) {
            throw new IllegalStateException("the initiative is " + this + ": no further progress can be reported");
        }
    }
}
