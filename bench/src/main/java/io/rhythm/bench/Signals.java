package io.rhythm.bench;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Usage signals exactly as {@code signals.ingest.v1} takes them:
 * {@code {"eventId":..,"clientId":..,"metric":"usage.active_users_pct","value":..,"occurredAt":..}} (~190 bytes).
 *
 * <p>Event ids are version-4-shaped UUIDs whose high half is fixed for this run and whose low half
 * carries the signal's sequence number, so the {@code trigger.id} of a HealthScoreChanged leads
 * straight back to the signal (no map of a million strings).
 *
 * <p>Every signal of a client must change its score: the value alternates between {@link #LOW} and
 * {@link #HIGH} (both inside the default model's 20–80 % linear range, so the usage component moves
 * by ~83 points), and {@code occurredAt} strictly increases per client (health-service keeps the value
 * with the latest event time, so an older or equal time would be "stale" and change nothing).
 */
final class Signals {

    static final String METRIC = "usage.active_users_pct";
    static final int LOW = 25;
    static final int HIGH = 75;

    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long SEQ_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

    final long runMsb;
    private final String[] clientIds;
    private final long[] lastOccurredMillis;
    private final boolean[] high;

    Signals(String[] clientIds) {
        this.clientIds = clientIds;
        this.lastOccurredMillis = new long[clientIds.length];
        this.high = new boolean[clientIds.length];
        long msb = new SecureRandom().nextLong();
        this.runMsb = (msb & ~0xF000L) | 0x4000L; // version 4
    }

    int clients() {
        return clientIds.length;
    }

    String clientId(int client) {
        return clientIds[client];
    }

    /** The next signal of client {@code client}, with sequence number {@code seq}. */
    String next(int client, long seq) {
        long now = System.currentTimeMillis();
        long occurred = Math.max(now, lastOccurredMillis[client] + 1);
        lastOccurredMillis[client] = occurred;
        high[client] = !high[client];
        return json(eventId(seq), clientIds[client], high[client] ? HIGH : LOW, occurred);
    }

    String eventId(long seq) {
        return new UUID(runMsb, VARIANT | seq).toString();
    }

    /** The sequence number behind an event id of this run, or -1 for any other id. */
    long seqOf(String eventId) {
        if (eventId == null || eventId.length() != 36) {
            return -1;
        }
        try {
            UUID id = UUID.fromString(eventId);
            return id.getMostSignificantBits() == runMsb ? id.getLeastSignificantBits() & SEQ_MASK : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    static String json(String eventId, String clientId, int value, long occurredMillis) {
        return new StringBuilder(200)
                .append("{\"eventId\":\"").append(eventId)
                .append("\",\"clientId\":\"").append(clientId)
                .append("\",\"metric\":\"").append(METRIC)
                .append("\",\"value\":").append(value)
                .append(",\"occurredAt\":\"").append(Instant.ofEpochMilli(occurredMillis))
                .append("\"}").toString();
    }
}
