package io.rhythm.calendar.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The last text of each personal feed with the digest of the rows it was made of, least recently read dropped first
 * (at most {@code rhythm.calendar.feed.cache-entries}, 0 = off). Only the digest says whether a text is current: the
 * cache never decides that by time, so it holds on several replicas alike.
 */
@ApplicationScoped
public class FeedCache {

    private record Kept(String fingerprint, String text) {
    }

    private final Map<UUID, Kept> entries;
    private final int capacity;

    @Inject
    FeedCache(@ConfigProperty(name = "rhythm.calendar.feed.cache-entries", defaultValue = "200") int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The text kept for {@code feed} if it was made from rows with this {@code fingerprint}; otherwise builds and keeps it. */
    public String get(UUID feed, String fingerprint, Supplier<String> build) {
        if (capacity <= 0 || fingerprint == null) {
            return build.get();
        }
        synchronized (entries) {
            Kept kept = entries.get(feed);
            if (kept != null && kept.fingerprint().equals(fingerprint)) {
                return kept.text();
            }
        }
        String text = build.get();
        synchronized (entries) {
            entries.put(feed, new Kept(fingerprint, text));
        }
        return text;
    }
}
