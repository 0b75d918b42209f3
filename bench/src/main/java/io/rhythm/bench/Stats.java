package io.rhythm.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles (nearest rank) of latencies in nanoseconds, and median of a few rates. */
final class Stats {

    final int count;
    private final long[] sorted;

    Stats(long[] values, int count) {
        this.sorted = Arrays.copyOf(values, count);
        Arrays.sort(this.sorted);
        this.count = count;
    }

    long percentile(double p) {
        if (count == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    long max() {
        return count == 0 ? -1 : sorted[count - 1];
    }

    static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%,.1f ms", nanos / 1e6);
    }

    static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        int n = copy.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, ratio < 0.01 ? "%.2f %%" : "%.1f %%", ratio * 100);
    }
}
