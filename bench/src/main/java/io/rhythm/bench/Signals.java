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
 * <p>Every signal of a client must change its score, also when health-service takes several of them in
 * one batch (it then rescores the client once, with the newest value): the value climbs from {@link #LOW}
 * by 0.1 per signal of the client and wraps after {@link #HIGH} (inside the default model's 20–80 %
 * linear range, so the usage component moves by ~0.17 points per step), so the newest value always
 * differs from the one before the batch; and {@code occurredAt} strictly increases per client
 * (health-service keeps the value with the latest event time). All values keep the score above 50, so no
 * alert rule fires: real usage does not flip a client between Critical and Healthy every few seconds, and
 * an alert raised and auto-resolved on every signal would measure alert churn, not scoring (runs before
 * 2026-11-23T17:40Z alternated 25/75 and did exactly that).
 */
final class Signals {

    static final String METRIC = "usage.active_users_pct";
    static final int LOW = 65;
    static final int HIGH = 80;
    private static final int STEPS = (HIGH - LOW) * 10;

    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long SEQ_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

    final long runMsb;
    private final String[] clientIds;
    private final long[] lastOccurredMillis;
    private final int[] steps;

    Signals(String[] clientIds) {
        this.clientIds = clientIds;
        this.lastOccurredMillis = new long[clientIds.length];
        this.steps = new int[clientIds.length];
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
        int step = steps[client]++ % STEPS;
        return json(eventId(seq), clientIds[client], LOW + step / 10.0, occurred);
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

    static String json(String eventId, String clientId, double value, long occurredMillis) {
        return new StringBuilder(200)
                .append("{\"eventId\":\"").append(eventId)
                .append("\",\"clientId\":\"").append(clientId)
                .append("\",\"metric\":\"").append(METRIC)
                .append("\",\"value\":").append(value)
                .append(",\"occurredAt\":\"").append(Instant.ofEpochMilli(occurredMillis))
                .append("\"}").toString();
    }
}
