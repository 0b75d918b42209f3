package io.rhythm.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A Clock for @QuarkusTests: real UTC time shifted by an offset that a test may move (e.g. past an
 * SLA deadline), or frozen at an instant. Not a bean itself: a module makes it its Clock with a
 * subclass annotated {@code @Alternative @Priority(1) @Singleton}. Every @QuarkusTest of a module
 * shares one application, so a test that moves it must {@link #reset()} it afterwards.
 */
public class AdjustableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    /** Moves the (running) clock by {@code by}. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Stops the clock at {@code instant} until {@link #reset()} or another freeze. */
    public void freezeAt(Instant instant) {
        frozenAt = instant;
    }

    /** Back to real time. */
    public void reset() {
        frozenAt = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
