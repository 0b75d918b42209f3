package io.rhythm.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP baseline: the cheapest authenticated read of nps-service through the gateway
 * ({@code GET /api/v1/nps/cycles?limit=1}: token checked by the gateway and by the service, one indexed row read),
 * {@code threads} callers back to back for {@code seconds} (after 3 s of warm-up). What any request costs on this
 * machine, to compare the import and the public link with.
 */
final class GetBaseline {

    static final String PATH = "/api/v1/nps/cycles?limit=1";

    record Result(int threads, double seconds, long requests, Map<Integer, Integer> statuses, Stats latency) {
        double perSecond() {
            return seconds > 0 ? requests / seconds : 0;
        }
    }

    private GetBaseline() {
    }

    static Result run(AdminSession who, int threads, int seconds) throws Exception {
        run(who, threads, 3, "GET baseline warm-up");
        return run(who, threads, seconds, "GET baseline");
    }

    private static Result run(AdminSession who, int threads, int seconds, String label) throws Exception {
        String token = who.token();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[threads];
        AtomicReference<Exception> failure = new AtomicReference<>();
        long t0 = System.nanoTime();
        long end = t0 + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            long[] lat = new long[1_000_000];
            perThread.add(lat);
            int me = w;
            Thread t = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < lat.length) {
                        long s = System.nanoTime();
                        HttpResponse<String> r = who.api().callAs(token, "GET", PATH, null, Duration.ofSeconds(30));
                        lat[n++] = System.nanoTime() - s;
                        statuses.merge(r.statusCode(), 1, Integer::sum);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
                counts[me] = n;
            }, "get-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < threads; w++) {
            System.arraycopy(perThread.get(w), 0, all, at, counts[w]);
            at += counts[w];
        }
        Result r = new Result(threads, wall, total, new TreeMap<>(statuses), new Stats(all, total));
        Progress.log(String.format(Locale.ROOT, "%s: %,d requests in %.1f s = %s, p50 %s, p99 %s, statuses %s", label, total, wall,
                Progress.rate(r.perSecond()), Stats.ms(r.latency().percentile(50)), Stats.ms(r.latency().percentile(99)), r.statuses()));
        return r;
    }
}
