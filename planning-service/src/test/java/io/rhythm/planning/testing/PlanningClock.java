package io.rhythm.planning.testing;

import io.rhythm.platform.testing.AdjustableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** planning-service's Clock in tests: real time unless a test freezes it (and resets it in a finally block). */
@Alternative
@Priority(1)
@Singleton
public class PlanningClock extends AdjustableClock {
}
