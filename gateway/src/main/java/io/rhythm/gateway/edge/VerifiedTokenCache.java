package io.rhythm.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a bearer token was verified to be, kept by the SHA-256 of the raw token so that the gateway checks a token's
 * signature once, not on every request (it was ≈ 15 % of the gateway's CPU under load: bench/RESULTS.md).
 * <p>
 * The rules that make it safe:
 * <ul>
 *   <li>Only a token whose signature, issuer and expiry were checked is {@link #put put} (the caller guarantees
 *       that: {@link VerifiedTokenIdentities} stores only what the OIDC provider has just verified).</li>
 *   <li>The key is a cryptographic hash of the whole raw token: a token changed in any character (payload or
 *       signature) hashes to another key, misses, and is verified (and refused) afresh.</li>
 *   <li>An entry lives until {@code min(exp, verification time + ttl)}, and {@link #get} checks that deadline
 *       against the clock itself, whatever the cache's own eviction has done yet: an expired token is never
 *       answered from the cache. A token without {@code exp} or already expired is not stored.</li>
 *   <li>Bounded: at most {@code maxSize} tokens (least recently used go first). The short ttl also bounds how long
 *       a change of the realm's signing keys takes to reach a token verified before it.</li>
 * </ul>
 * Pure Java (unit-tested in {@code VerifiedTokenCacheTest} with a fake clock).
 */
public final class VerifiedTokenCache<V> {

    private record Entry<V>(V value, long untilMillis) {
    }

    private final Cache<String, Entry<V>> entries;
    private final InstantSource clock;
    private final long ttlMillis;

    public VerifiedTokenCache(long maxSize, Duration ttl, InstantSource clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new Expiry<String, Entry<V>>() {
                    @Override
                    public long expireAfterCreate(String key, Entry<V> entry, long currentTime) {
                        return Duration.ofMillis(Math.max(0, entry.untilMillis() - clock.millis())).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry<V> entry, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, entry, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry<V> entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** What {@code rawToken} was verified to be, if it was, and its deadline has not passed. */
    public Optional<V> get(String rawToken) {
        String key = key(rawToken);
        Entry<V> entry = entries.getIfPresent(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.millis() >= entry.untilMillis()) {
            entries.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /**
     * Remembers a token that has just been verified, until {@code min(expiresAtEpochSecond, now + ttl)}; one that
     * is already expired is not stored.
     */
    public void put(String rawToken, long expiresAtEpochSecond, V value) {
        long now = clock.millis();
        long until = Math.min(Math.multiplyExact(expiresAtEpochSecond, 1000L), now + ttlMillis);
        if (until <= now) {
            return;
        }
        entries.put(key(rawToken), new Entry<>(value, until));
    }

    /** Tokens held now (after pending evictions are carried out). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    static String key(String rawToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
