package io.rhythm.health.service;

import io.rhythm.health.domain.scoring.HealthScore;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest stored score of recently rescored clients, by client, in memory. An entry is used only if
 * its score id is the one the database says is the client's latest, so an entry of a rolled-back
 * transaction, or one overtaken by another replica, is never used. Bounded: when full it starts over.
 */
final class RecentScores {

    private record Entry(long scoreId, HealthScore score) {
    }

    private final int capacity;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    RecentScores(int capacity) {
        this.capacity = capacity;
    }

    /** The score stored as {@code scoreId} for the client, if remembered. */
    HealthScore get(UUID clientId, long scoreId) {
        Entry entry = entries.get(clientId);
        return entry != null && entry.scoreId() == scoreId ? entry.score() : null;
    }

    void put(UUID clientId, long scoreId, HealthScore score) {
        if (entries.size() >= capacity && !entries.containsKey(clientId)) {
            entries.clear();
        }
        entries.put(clientId, new Entry(scoreId, score));
    }
}
