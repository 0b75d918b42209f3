package io.rhythm.health.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A page of the caller's portfolio with scores, and how many clients (matching the other filters) are in each band. */
public record PortfolioView(List<Item> items, String nextCursor, Map<String, Long> countsByBand) {

    public record Item(String clientId, String name, String ownerCse, String ownerCam, String lifecycleStage,
                       Double score, String band, Instant scoredAt, String segment,
                       @Schema(description = "support tickets open more than 30 days (support.backlog_over_30_days); null before any support event")
                       Integer supportBacklogOver30Days) {
    }
}
