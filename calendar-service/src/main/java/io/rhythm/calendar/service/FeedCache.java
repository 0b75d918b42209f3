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
 * <p>
 * Whole feeds are kept too (at most {@code rhythm.calendar.feed.kept-feeds}, least recently read dropped first, 0 = off),
 * by the feed (a secret, a role, a client) and the version of everything it shows, read in one statement per request
 * ({@link IcsFeeds}): an unchanged feed is sent as it was assembled, without reading its rows or building its text
 * again. A kept feed holds its components' texts, not a copy of them.
 */
@ApplicationScoped
public class FeedCache {

    /** A component's UID (e.g. {@code activity-<id>}) and the stamp of the rows it was rendered from. */
    public record Key(String uid, String stamp) {
    }

    /** A feed as assembled at one version of what it shows. */
    private record Kept(String version, IcsFeed feed) {
    }

    private final Map<Key, byte[]> entries;
    private final int capacity;
    private final Map<String, Kept> feeds;
    private final int feedCapacity;

    @Inject
    FeedCache(@ConfigProperty(name = "rhythm.calendar.feed.cache-entries", defaultValue = "50000") int capacity,
              @ConfigProperty(name = "rhythm.calendar.feed.kept-feeds", defaultValue = "200") int feedCapacity) {
        this.capacity = capacity;
        this.entries = leastRecentlyRead(capacity);
        this.feedCapacity = feedCapacity;
        this.feeds = leastRecentlyRead(feedCapacity);
    }

    private static <K, V> Map<K, V> leastRecentlyRead(int capacity) {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The feed kept under {@code feed} if it was assembled at {@code version}, or null. */
    public IcsFeed feed(String feed, String version) {
        if (feedCapacity <= 0) {
            return null;
        }
        synchronized (feeds) {
            Kept kept = feeds.get(feed);
            return kept != null && kept.version().equals(version) ? kept.feed() : null;
        }
    }

    /** Keeps {@code text} as the feed {@code feed} at {@code version} (replacing an older one). */
    public void keepFeed(String feed, String version, IcsFeed text) {
        if (feedCapacity > 0) {
            synchronized (feeds) {
                feeds.put(feed, new Kept(version, text));
            }
        }
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
