package io.rhythm.segmentation.service;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a re-segmentation's time went, per phase (summed over its batch threads), for its log line: the bench's
 * profile reads it to see what to make cheaper next.
 */
final class PhaseTimes {

    private final Map<String, LongAdder> nanos = new ConcurrentSkipListMap<>();

    /** Adds the time since {@code startedAt} (a {@link System#nanoTime()}) to {@code phase}; returns now. */
    long since(String phase, long startedAt) {
        long now = System.nanoTime();
        nanos.computeIfAbsent(phase, p -> new LongAdder()).add(now - startedAt);
        return now;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        nanos.forEach((phase, sum) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.0f ms", phase, sum.sum() / 1e6)));
        return text.toString();
    }
}
