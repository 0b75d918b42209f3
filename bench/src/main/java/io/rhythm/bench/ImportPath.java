package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N responses through the HubSpot import ({@code POST /api/v1/nps/cycles/{id}/responses/import/hubspot}, the
 * integration client's token), in calls of {@code --import-rows} (by default the endpoint's maximum of 1,000 rows), {@code --import-threads} calls at
 * a time, into a fresh cycle (so nothing is a duplicate). Each imported row's response id is matched with its
 * {@code SurveyResponseSubmitted} on nps.responses.v1.
 */
final class ImportPath {

    static final int MAX_ROWS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(String cycleId, int rows, int calls, int callsTimedOut, Map<String, Integer> statuses, double callsSeconds, double wallSeconds,
                  long events, long missing, Stats fromCallStart, Stats fromCallReturn, Stats callLatency, String failure) {

        /** Rows imported: as the calls answered, or — when a call outlived the gateway's timeout — as their events show. */
        long imported() {
            return callsTimedOut == 0 ? statuses.getOrDefault("IMPORTED", 0) : events;
        }

        /**
         * Imported responses per second of the calls' wall time (first call start → last call return), or of first call
         * start → last event when a call outlived the gateway's timeout (its rows were still being imported after it).
         */
        double rowsPerSecond() {
            double seconds = callsTimedOut == 0 ? callsSeconds : Math.max(callsSeconds, wallSeconds);
            return seconds > 0 ? imported() / seconds : 0;
        }

        /** Responses with their event per second, first call start → last event. */
        double eventsPerSecond() {
            return wallSeconds > 0 ? events / wallSeconds : 0;
        }
    }

    /** One call: when it started and returned, its status, and the answers (keys) of the rows it imported. */
    private record Call(long start, long end, int status, List<String> keys) {
    }

    private ImportPath() {
    }

    static Result run(NpsOptions o, RhythmApi api, AdminSession admin, NpsPortfolio portfolio, ResponseEvents events) throws Exception {
        String cycleId = admin.createCycle("NPS bench import " + NpsBench.RUN_STAMP, 0);
        int perCall = o.importRows;
        int calls = (o.responses + perCall - 1) / perCall;
        Call[] done = new Call[calls];
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicInteger rowsDone = new AtomicInteger();
        Progress progress = new Progress("import");
        long submittedAt = System.currentTimeMillis() - 3_600_000;
        String path = "/api/v1/nps/cycles/" + cycleId + "/responses/import/hubspot";
        long t0 = System.nanoTime();
        long stopAt = o.submitDeadline(t0);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < o.importThreads; w++) {
            Thread t = new Thread(() -> {
                int call;
                while (failure.get() == null && System.nanoTime() < stopAt && (call = next.getAndIncrement()) < calls) {
                    int from = call * perCall;
                    int to = Math.min(o.responses, from + perCall);
                    try {
                        String body = rows(portfolio, from, to, submittedAt);
                        long start = System.nanoTime();
                        HttpResponse<String> r = api.post(path, body, Duration.ofSeconds(600));
                        long end = System.nanoTime();
                        List<String> keys = new ArrayList<>(to - from);
                        if (r.statusCode() == 200) {
                            for (JsonNode row : JSON.readTree(r.body())) {
                                statuses.merge(row.path("status").asText(), 1, Integer::sum);
                                if (row.path("status").asText().equals("IMPORTED")) {
                                    keys.add(ResponseEvents.key(cycleId, portfolio.contactId(from + row.path("row").asInt())));
                                }
                            }
                        } else if (r.statusCode() == 504 || r.statusCode() == 502) {
                            // The gateway gave up waiting; nps-service goes on importing the rows. Their events still
                            // tell which were imported and when.
                            statuses.merge("call answered " + r.statusCode(), to - from, Integer::sum);
                            for (int k = from; k < to; k++) {
                                keys.add(ResponseEvents.key(cycleId, portfolio.contactId(k)));
                            }
                        } else {
                            throw new IllegalStateException("POST " + path + " (rows " + from + ".." + (to - 1) + ") answered "
                                    + r.statusCode() + ": " + RhythmApi.abbreviate(r.body()));
                        }
                        done[call] = new Call(start, end, r.statusCode(), keys);
                        int n = rowsDone.addAndGet(to - from);
                        progress.tick(() -> String.format(Locale.ROOT, "%,d of %,d rows (%s)", n, o.responses,
                                Progress.rate(n / ((System.nanoTime() - t0) / 1e9))));
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "import-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        long callsEnd = System.nanoTime();
        List<String> ids = new ArrayList<>();
        long firstStart = Long.MAX_VALUE;
        int made = 0;
        long[] callNanos = new long[calls];
        int timedOut = 0;
        for (Call c : done) {
            if (c != null) {
                ids.addAll(c.keys());
                timedOut += c.status() == 200 ? 0 : 1;
                firstStart = Math.min(firstStart, c.start());
                callNanos[made++] = c.end() - c.start();
            }
        }
        Progress.log(String.format(Locale.ROOT, "import: %,d calls in %.1f s, statuses %s; waiting for the events", made,
                (callsEnd - t0) / 1e9, new TreeMap<>(statuses)));
        long missing = events.await(ids, timedOut > 0 ? o.idleTimeout.multipliedBy(3) : o.idleTimeout, o.phaseTimeout, "import");
        long[] fromStart = new long[ids.size()];
        long[] fromReturn = new long[ids.size()];
        int n = 0;
        long lastEvent = 0;
        for (Call c : done) {
            if (c == null) {
                continue;
            }
            for (String id : c.keys()) {
                Long at = events.receivedAt(id);
                if (at != null) {
                    fromStart[n] = at - c.start();
                    fromReturn[n] = at - c.end();
                    n++;
                    lastEvent = Math.max(lastEvent, at);
                }
            }
        }
        String problem = failure.get() == null ? null : failure.get().getMessage();
        if (problem == null && made < calls) {
            problem = String.format(Locale.ROOT, "stopped after the submit budget of %d s: %,d of %,d calls made", o.submitBudget.toSeconds(), made, calls);
        }
        return new Result(cycleId, o.responses, made, timedOut, new TreeMap<>(statuses), firstStart == Long.MAX_VALUE ? 0 : (callsEnd - firstStart) / 1e9,
                lastEvent == 0 ? 0 : (lastEvent - firstStart) / 1e9, n, missing, new Stats(fromStart, n), new Stats(fromReturn, n),
                new Stats(callNanos, made), problem);
    }

    /** Rows {@code from}..{@code to}-1: contact k answers with {@link Answers#score}(k), as HubSpot exports them. */
    static String rows(NpsPortfolio portfolio, int from, int to, long submittedAt) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode rows = body.putArray("rows");
        for (int k = from; k < to; k++) {
            int score = Answers.score(k);
            ObjectNode row = rows.addObject().put("hs_survey_type", "NPS").put("hs_value", String.valueOf(score))
                    .put("hs_response_group", Answers.category(score).toLowerCase(Locale.ROOT))
                    .put("hs_submission_timestamp", String.valueOf(submittedAt + k)).put("email", portfolio.email(k));
            String comment = Answers.comment(k);
            if (comment != null) {
                row.put("hs_content", comment);
            }
        }
        return JSON.writeValueAsString(body);
    }
}
