package io.rhythm.health.api;

import io.rhythm.health.service.ClientSync;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Per-row results of a bulk call, and how many rows ended each way. */
public record BulkResult(Map<ClientSync.Outcome, Integer> summary, List<ClientSync.RowResult> results) {

    public static BulkResult of(List<ClientSync.RowResult> results) {
        Map<ClientSync.Outcome, Integer> summary = new EnumMap<>(ClientSync.Outcome.class);
        for (ClientSync.Outcome outcome : ClientSync.Outcome.values()) {
            summary.put(outcome, 0);
        }
        results.forEach(r -> summary.merge(r.status(), 1, Integer::sum));
        return new BulkResult(summary, results);
    }
}
