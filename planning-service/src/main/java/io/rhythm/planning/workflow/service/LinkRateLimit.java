package io.rhythm.planning.workflow.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests to the public link endpoints per client IP and per token, counted per wall-clock minute, in memory per
 * replica (with N replicas the effective limit is N times this). Stops scripted guessing of tokens; the tokens'
 * 256 bits are the real protection.
 */
@ApplicationScoped
public class LinkRateLimit {

    @ConfigProperty(name = "rhythm.workflows.links.requests-per-minute", defaultValue = "30")
    int perMinute;

    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long minute;

    /** @return seconds to wait when over the limit, 0 when allowed */
    public long check(Clock clock, String ip, String token) {
        long now = clock.millis();
        long current = now / 60_000;
        if (current != minute) {
            counts.clear();
            minute = current;
        }
        int byIp = counts.computeIfAbsent("ip:" + ip, k -> new AtomicInteger()).incrementAndGet();
        int byToken = counts.computeIfAbsent("token:" + token, k -> new AtomicInteger()).incrementAndGet();
        if (byIp > perMinute || byToken > perMinute) {
            return Math.max(1, 60 - (now / 1000) % 60);
        }
        return 0;
    }
}
