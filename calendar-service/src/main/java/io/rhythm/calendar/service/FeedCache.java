package io.rhythm.calendar.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rendered text (folded RFC 5545 lines, UTF-8) of each feed component — one VEVENT, or one VTIMEZONE — by its UID
 * and the stamp of the row(s) it was rendered from, least recently read dropped first (at most
 * {@code rhythm.calendar.feed.cache-entries} components, 0 = off). A stamp names one state of its rows (their
 * {@code xmin}, which every write changes, and the version), so a changed row has a new key and is rendered again on
 * the next read, while the other components of the feed are not: the cache never decides by time, and holds on
 * several replicas alike. Components are shared by every feed that shows them.
 */
@ApplicationScoped
public class FeedCache {

    /** A component's UID (e.g. {@code activity-<id>}) and the stamp of the rows it was rendered from. */
    public record Key(String uid, String stamp) {
    }

    private final Map<Key, byte[]> entries;
    private final int capacity;

    @Inject
    FeedCache(@ConfigProperty(name = "rhythm.calendar.feed.cache-entries", defaultValue = "50000") int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The text kept under {@code key}, or null. */
    public byte[] get(Key key) {
        if (capacity <= 0) {
            return null;
        }
        synchronized (entries) {
            return entries.get(key);
        }
    }

    public void put(Key key, byte[] text) {
        if (capacity > 0) {
            synchronized (entries) {
                entries.put(key, text);
            }
        }
    }
}
