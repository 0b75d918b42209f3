package io.rhythm.nps.testing;

import io.rhythm.platform.testing.AdjustableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The Clock of every @QuarkusTest in this module (it replaces ClockProducer's default bean), e.g. moved
 * past an SLA deadline or a milestone date; a test that moves it must {@link #reset()} it afterwards.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends AdjustableClock {
}
