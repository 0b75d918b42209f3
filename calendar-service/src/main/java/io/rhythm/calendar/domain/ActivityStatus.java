package io.rhythm.calendar.domain;

import java.util.Map;
import java.util.Set;

/**
 * Planned vs held: an activity is PLANNED (it can be moved), then HELD (the only state that counts
 * in the Activity Register and publishes EngagementActivityLogged) or CANCELLED. HELD and CANCELLED
 * are final.
 */
public enum ActivityStatus {
    PLANNED, HELD, CANCELLED;

    private static final Map<ActivityStatus, Set<ActivityStatus>> NEXT = Map.of(
            PLANNED, Set.of(HELD, CANCELLED),
            HELD, Set.of(),
            CANCELLED, Set.of());

    public boolean canBecome(ActivityStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Only a planned activity can be moved to another time. */
    public boolean canMove() {
        return this == PLANNED;
    }
}
