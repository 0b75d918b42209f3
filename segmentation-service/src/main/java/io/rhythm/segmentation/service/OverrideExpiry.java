package io.rhythm.segmentation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Once a day (rhythm.overrides.expiry-cron): ends expired overrides (the computed segment returns as a migration), then
 * starts the scheduled overrides whose first day has come, then takes the pending moves that have sat in their new cell
 * for the model's confirmation days.
 */
@ApplicationScoped
public class OverrideExpiry {

    @Inject
    SegmentEngine engine;
    @Inject
    Clock clock;

    @Scheduled(cron = "${rhythm.overrides.expiry-cron}", identity = "segment-override-expiry")
    void expire() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        engine.expireOverrides(today);
        engine.applyDueOverrides(today);
        engine.confirmPendingMoves(java.time.Instant.now(clock));
    }
}
