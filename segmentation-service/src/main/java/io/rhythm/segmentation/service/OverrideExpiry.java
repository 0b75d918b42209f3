package io.rhythm.segmentation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Ends expired overrides once a day (rhythm.overrides.expiry-cron); the computed segment returns as a migration. */
@ApplicationScoped
public class OverrideExpiry {

    @Inject
    SegmentEngine engine;
    @Inject
    Clock clock;

    @Scheduled(cron = "${rhythm.overrides.expiry-cron}", identity = "segment-override-expiry")
    void expire() {
        engine.expireOverrides(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }
}
