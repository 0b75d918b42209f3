package io.rhythm.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** Prints a progress line at most every few seconds (call {@link #tick} as often as you like). */
final class Progress {

    private static final long EVERY_NANOS = 3_000_000_000L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String label;
    private long last = System.nanoTime();

    Progress(String label) {
        this.label = label;
    }

    void tick(Supplier<String> line) {
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS) {
            last = now;
            log(label + ": " + line.get());
        }
    }

    static void log(String line) {
        System.out.println("[" + LocalTime.now().format(TIME) + "] " + line);
        System.out.flush();
    }

    static String rate(double perSecond) {
        return String.format(java.util.Locale.ROOT, "%,.0f/s", perSecond);
    }
}
