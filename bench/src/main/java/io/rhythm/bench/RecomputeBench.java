package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The full recompute of issue 4: a portfolio of {@code --recompute-clients} clients, each with at least one
 * input, then a new scoring-model version (a copy of the active one) is activated, which rescores every
 * client — each one's score is stored anew under the new version and published — and the recompute job's
 * own start and finish times (server side) give the duration; the harness also reports its wall time.
 */
final class RecomputeBench {

    record Result(int clients, double clientSeconds, int seeded, double seedSeconds, int fromVersion, int toVersion,
                  String status, int total, int done, int changed, double serverSeconds, double wallSeconds, String error) {

        double clientsPerSecond() {
            return serverSeconds > 0 ? done / serverSeconds : 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL = Duration.ofSeconds(300);

    private RecomputeBench() {
    }

    static Result run(Options o, RhythmApi api) throws Exception {
        Progress.log("== full recompute: " + String.format(Locale.ROOT, "%,d", o.recomputeClients) + " clients");
        RhythmApi.Clients clients = api.ensureClients(o.recomputeClients);
        long t0 = System.nanoTime();
        int seeded = seed(api, clients.ids());
        double seedSeconds = (System.nanoTime() - t0) / 1e9;

        String admin = api.userToken(o.adminUser, o.adminPassword);
        JsonNode active = null;
        for (JsonNode model : body(api.callAs(admin, "GET", "/api/v1/health/models", null, CALL), "GET /api/v1/health/models")) {
            if (model.path("active").asBoolean()) {
                active = model.path("model");
            }
        }
        if (active == null) {
            throw new IllegalStateException("no active scoring model");
        }
        ObjectNode copy = JSON.createObjectNode().put("name", "bench recompute " + Instant.now());
        copy.set("components", active.path("components"));
        copy.set("stageWeights", active.path("stageWeights"));
        JsonNode created = body(api.callAs(admin, "POST", "/api/v1/health/models", JSON.writeValueAsString(copy), CALL),
                "POST /api/v1/health/models");
        int version = created.path("model").path("version").asInt();
        Progress.log("activating model version " + version + " (a copy of version " + active.path("version").asInt() + ")");

        long wall0 = System.nanoTime();
        JsonNode job = body(api.callAs(admin, "POST", "/api/v1/health/models/" + version + "/activate", null, CALL),
                "POST /api/v1/health/models/" + version + "/activate");
        String id = job.path("id").asText();
        Progress progress = new Progress("recompute");
        while (job.path("status").asText().equals("RUNNING")) {
            Thread.sleep(250);
            if (System.nanoTime() - wall0 > o.phaseTimeout.toNanos()) {
                throw new IllegalStateException("recompute " + id + " still running after " + o.phaseTimeout);
            }
            admin = api.userToken(o.adminUser, o.adminPassword);
            job = body(api.callAs(admin, "GET", "/api/v1/health/recomputes/" + id, null, CALL), "GET /api/v1/health/recomputes/" + id);
            JsonNode current = job;
            progress.tick(() -> String.format(Locale.ROOT, "%,d of %,d clients (%.1f %%), %,d rescored", current.path("done").asInt(),
                    current.path("total").asInt(), current.path("percent").asDouble(), current.path("changed").asInt()));
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        Instant started = Instant.parse(job.path("startedAt").asText());
        Instant finished = job.hasNonNull("finishedAt") ? Instant.parse(job.path("finishedAt").asText()) : null;
        double server = finished == null ? wall : Duration.between(started, finished).toMillis() / 1000.0;
        Result result = new Result(clients.ids().length, clients.seconds(), seeded, seedSeconds, active.path("version").asInt(),
                version, job.path("status").asText(), job.path("total").asInt(), job.path("done").asInt(),
                job.path("changed").asInt(), server, wall, job.path("error").isNull() ? null : job.path("error").asText(null));
        Progress.log(String.format(Locale.ROOT, "recompute %s: %s, %,d of %,d clients, %,d rescored, %.1f s (server), %.1f s (wall)",
                id, result.status(), result.done(), result.total(), result.changed(), server, wall));
        return result;
    }

    /** One signal per client, dated long ago (it never overrides a newer value), so that every client has a score. */
    private static int seed(RhythmApi api, String[] ids) throws Exception {
        int accepted = 0;
        Progress progress = new Progress("seed signals");
        for (int start = 0; start < ids.length; start += RhythmApi.MAX_ROWS) {
            int end = Math.min(ids.length, start + RhythmApi.MAX_ROWS);
            ObjectNode batch = JSON.createObjectNode();
            ArrayNode signals = batch.putArray("signals");
            for (int i = start; i < end; i++) {
                signals.add(JSON.readTree(Signals.json("bench-recompute-seed-" + ids[i], ids[i], 50 + i % 40,
                        Instant.parse("2026-01-01T00:00:00Z").toEpochMilli())));
            }
            JsonNode results = body(api.post("/api/v1/signals", JSON.writeValueAsString(batch), CALL), "POST /api/v1/signals");
            for (JsonNode result : results) {
                if (!result.path("outcome").asText().equals("REJECTED")) {
                    accepted++;
                }
            }
            int done = end;
            progress.tick(() -> String.format(Locale.ROOT, "%,d of %,d clients", done, ids.length));
        }
        return accepted;
    }

    private static JsonNode body(HttpResponse<String> r, String call) throws Exception {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(call + " answered " + r.statusCode() + ": " + RhythmApi.abbreviate(r.body()));
        }
        return JSON.readTree(r.body());
    }
}
