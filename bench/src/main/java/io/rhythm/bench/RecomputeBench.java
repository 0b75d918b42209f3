package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The full recompute of issue 4: a portfolio of {@code --recompute-clients} clients, each with at least one
 * input (seeded in health-service's database: see {@link #seedPortfolio}), then a new scoring-model version (a copy of the active one) is activated, which rescores every
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
        long t0 = System.nanoTime();
        int[] seeded = seedPortfolio(o);
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        RhythmApi.Clients clients = new RhythmApi.Clients(new String[seeded[0]], seedSeconds, seeded[1], 0, seeded[0] - seeded[1]);

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

        if (seeded[3] > 0) {
            // A live portfolio is scored, and its alerts are raised, before anyone activates a new model: give the
            // clients seeded without a score theirs first (not measured), so that the activation measures a recompute.
            Progress.log(String.format(Locale.ROOT, "%,d clients have no score yet: scoring them first with the active model (not measured)", seeded[3]));
            await(api, o, body(api.callAs(admin, "POST", "/api/v1/health/recompute", null, CALL), "POST /api/v1/health/recompute"),
                    "unmeasured recompute");
            admin = api.userToken(o.adminUser, o.adminPassword);
        }
        long wall0 = System.nanoTime();
        JsonNode job = await(api, o, body(api.callAs(admin, "POST", "/api/v1/health/models/" + version + "/activate", null, CALL),
                "POST /api/v1/health/models/" + version + "/activate"), "recompute");
        String id = job.path("id").asText();
        double wall = (System.nanoTime() - wall0) / 1e9;
        Instant started = Instant.parse(job.path("startedAt").asText());
        Instant finished = job.hasNonNull("finishedAt") ? Instant.parse(job.path("finishedAt").asText()) : null;
        double server = finished == null ? wall : Duration.between(started, finished).toMillis() / 1000.0;
        Result result = new Result(clients.ids().length, clients.seconds(), seeded[2], seedSeconds, active.path("version").asInt(),
                version, job.path("status").asText(), job.path("total").asInt(), job.path("done").asInt(),
                job.path("changed").asInt(), server, wall, job.path("error").isNull() ? null : job.path("error").asText(null));
        Progress.log(String.format(Locale.ROOT, "recompute %s: %s, %,d of %,d clients, %,d rescored, %.1f s (server), %.1f s (wall)",
                id, result.status(), result.done(), result.total(), result.changed(), server, wall));
        return result;
    }

    /** Polls a recompute job until it is no longer RUNNING; returns its last state. */
    private static JsonNode await(RhythmApi api, Options o, JsonNode job, String label) throws Exception {
        long t0 = System.nanoTime();
        String id = job.path("id").asText();
        Progress progress = new Progress(label);
        while (job.path("status").asText().equals("RUNNING")) {
            Thread.sleep(250);
            if (System.nanoTime() - t0 > o.phaseTimeout.toNanos()) {
                throw new IllegalStateException("recompute " + id + " still running after " + o.phaseTimeout);
            }
            String admin = api.userToken(o.adminUser, o.adminPassword);
            job = body(api.callAs(admin, "GET", "/api/v1/health/recomputes/" + id, null, CALL), "GET /api/v1/health/recomputes/" + id);
            JsonNode current = job;
            progress.tick(() -> String.format(Locale.ROOT, "%,d of %,d clients (%.1f %%), %,d rescored", current.path("done").asInt(),
                    current.path("total").asInt(), current.path("percent").asDouble(), current.path("changed").asInt()));
        }
        return job;
    }

    /**
     * Tops health-service's portfolio up to {@code --recompute-clients} clients ("Recompute 000001"…,
     * MATURE, owner cse) and gives every client without any input one usage value, straight in its
     * database: creating 100,000 clients through the CRM endpoint would take the better part of an hour
     * on this machine (~95 rows/s measured), and what is measured here is the recompute. Idempotent
     * (ids derived from the number). Returns {clients in the portfolio, clients added, inputs added, clients without a score}.
     */
    private static int[] seedPortfolio(Options o) throws Exception {
        String password = System.getenv().getOrDefault("RHYTHM_DB_PASSWORD", "rhythm");
        try (Connection db = DriverManager.getConnection(o.healthDb, "health", password)) {
            int existing = count(db, "select count(*) from client where name not like 'Recompute %'");
            int wanted = Math.max(0, o.recomputeClients - existing);
            int added;
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into client (id, name, region, owner_cse, owner_cam, lifecycle_stage)
                    select md5('rhythm-bench-recompute-' || n)::uuid, 'Recompute ' || lpad(n::text, 6, '0'), 'APAC', 'cse', 'cam', 'MATURE'
                    from generate_series(1, ?) n on conflict (id) do nothing""")) {
                insert.setInt(1, wanted);
                added = insert.executeUpdate();
            }
            int inputs;
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into client_metric (client_id, metric, value, occurred_at, event_id)
                    select c.id, 'usage.active_users_pct', 40 + abs(hashtext(c.id::text)) % 41, timestamptz '2026-01-01 00:00:00+00',
                           'bench-recompute-seed-' || c.id
                    from client c where not exists (select 1 from client_metric m where m.client_id = c.id)
                    on conflict do nothing""")) {
                inputs = insert.executeUpdate();
            }
            int total = count(db, "select count(*) from client");
            int unscored = count(db, "select count(*) from client c where not exists (select 1 from client_health h where h.client_id = c.id)");
            Progress.log(String.format(Locale.ROOT, "portfolio: %,d clients (%,d added), %,d given a first input, %,d without a score",
                    total, added, inputs, unscored));
            return new int[]{total, added, inputs, unscored};
        }
    }

    private static int count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static JsonNode body(HttpResponse<String> r, String call) throws Exception {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(call + " answered " + r.statusCode() + ": " + RhythmApi.abbreviate(r.body()));
        }
        return JSON.readTree(r.body());
    }
}
