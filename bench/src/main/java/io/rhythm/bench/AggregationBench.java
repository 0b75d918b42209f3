package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * NPS aggregation over {@code --stored} responses of one cycle, spread over {@code --stored-clients} bench clients.
 * The responses (with their recipients and invitations, four in five of them answered, so the response rate is
 * computed too) are written straight into the nps database with COPY — the measurement is of the aggregation, not of
 * the loading — into a cycle of their own, created through the API. A later run with the same sizes finds them and
 * does not load again. Then {@code GET /api/v1/nps/cycles/{id}/results} is timed (two warm-up calls, then
 * {@code --aggregate-calls}): as a leader (every client) and as a CSE (the third of the clients that CSE owns), plus
 * every {@code groupBy} the OpenAPI document offers for it. EXPLAIN ANALYZE shows what the database does.
 */
final class AggregationBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL = Duration.ofSeconds(120);

    record Query(String label, String path, String user, int calls, List<Integer> statuses, Stats latency, long bytes,
                 String check) {
    }

    record Result(String cycleId, int stored, int clients, int invited, boolean loaded, double loadSeconds, List<Query> queries,
                  String groupByNote, List<String> plan, List<String> sqlAggregatePlan, double jdbcFetchMs, double jdbcGroupedMs,
                  double directoryLookupsMs, List<String> coveringIndexPlan) {
    }

    private AggregationBench() {
    }

    static Result run(NpsOptions o, RhythmApi api, AdminSession admin, AdminSession cse) throws Exception {
        String name = String.format(Locale.ROOT, "NPS bench aggregation %d answers, %d clients", o.stored, o.storedClients);
        int invited = o.stored + o.stored / 4;
        try (Connection db = DriverManager.getConnection(o.dbUrl, o.dbUser, o.dbPassword)) {
            String cycleId = find(db, name);
            boolean load = true;
            if (cycleId != null) {
                long responses = count(db, "select count(*) from survey_response where cycle_id = ?", cycleId);
                long invitations = count(db, "select count(*) from survey_invitation where cycle_id = ?", cycleId);
                load = responses != o.stored || invitations != invited;
                Progress.log(String.format(Locale.ROOT, "aggregation cycle %s exists with %,d responses and %,d invitations%s", cycleId,
                        responses, invitations, load ? ": loading it again" : ": reused"));
            } else {
                cycleId = admin.createCycle(name, -60);
            }
            ensureDirectory(db, o.storedClients);
            try (Statement vacuum = db.createStatement()) {
                vacuum.execute("vacuum (analyze) survey_response"); // the steady state autovacuum keeps: index-only scans
            }
            double loadSeconds = 0;
            if (load) {
                long t0 = System.nanoTime();
                seed(db, UUID.fromString(cycleId), o.stored, o.storedClients, invited);
                loadSeconds = (System.nanoTime() - t0) / 1e9;
            }

            List<Query> queries = new ArrayList<>();
            String base = "/api/v1/nps/cycles/" + cycleId + "/results";
            queries.add(time(o, admin, "whole cycle, as " + admin.user() + " (all clients)", base, o.stored));
            queries.add(time(o, cse, "whole cycle, as " + cse.user() + " (own clients only)", base, -1));
            // The "by client and segment": the breakdown endpoint (the whole-cycle results hold client, business
            // unit, CSE and segment groups as well).
            String breakdown = base.replace("/results", "/breakdown");
            for (String g : List.of("client", "segment")) {
                queries.add(time(o, admin, "breakdown by " + g + ", as " + admin.user(), breakdown + "?groupBy=" + g, -1));
            }
            String note = "by client and by segment: GET /api/v1/nps/cycles/{id}/breakdown?groupBy=client|segment";
            String rowsSql = "select client_id, score from survey_response where cycle_id = ?";
            String groupedSql = "select client_id, score, count(*) from survey_response where cycle_id = ? group by client_id, score";
            List<String> plan = explain(db, rowsSql, cycleId);
            List<String> sqlPlan = explain(db, groupedSql, cycleId);
            // What the endpoint's way of reading costs from a JVM over JDBC, without the service around it: every row, the
            // same grouped in SQL, and one directory lookup per client (as CycleResults does through ClientDirectory.find).
            String cycle = cycleId;
            double fetch = medianMs(() -> fetchAll(db, rowsSql, cycle));
            double grouped = medianMs(() -> fetchAll(db, groupedSql, cycle));
            double lookups = medianMs(() -> lookups(db, o.storedClients));
            List<String> covering = coveringIndexExperiment(db, groupedSql, cycleId);
            return new Result(cycleId, o.stored, o.storedClients, invited, load, loadSeconds, queries, note, plan, sqlPlan, fetch, grouped,
                    lookups, covering);
        }
    }

    private static Query time(NpsOptions o, AdminSession who, String label, String path, long expectCount) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        long[] nanos = new long[o.aggregateCalls];
        int measured = 0;
        long bytes = 0;
        String check = null;
        for (int i = -2; i < o.aggregateCalls; i++) {
            who.token(); // a fresh token, fetched outside the timed call
            long t0 = System.nanoTime();
            HttpResponse<String> r = who.call("GET", path, null, CALL);
            long t = System.nanoTime() - t0;
            statuses.add(r.statusCode());
            if (i >= 0) {
                nanos[measured++] = t;
            }
            bytes = r.body().length();
            if (r.statusCode() == 200 && check == null) {
                JsonNode body = JSON.readTree(r.body());
                int count = body.path("overall").path("count").asInt(-1);
                check = "overall count " + count + (expectCount >= 0 ? (count == expectCount ? " (as stored)" : " (EXPECTED " + expectCount + ")") : "")
                        + ", " + body.path("byClient").size() + " clients, " + body.path("byBusinessUnit").size() + " business units, "
                        + body.path("byCse").size() + " CSEs";
            }
            Progress.log(String.format(Locale.ROOT, "%s: call %d → %d in %,.0f ms (%,d bytes)%s", label, i + 3, r.statusCode(), t / 1e6,
                    r.body().length(), i < 0 ? " (warm-up)" : ""));
            if (r.statusCode() != 200) {
                // A call the gateway gave up on goes on in nps-service: more calls would only pile up work. Time one call
                // straight at nps-service instead, to know how long the answer really takes.
                String first = "answered " + r.statusCode() + ": " + RhythmApi.abbreviate(r.body()).replace('\n', ' ');
                check = (check == null ? "" : check + "; ") + first + "; no further calls";
                if (r.statusCode() == 504 && o.npsUrl != null) {
                    Thread.sleep(5_000);
                    long d0 = System.nanoTime();
                    HttpResponse<String> direct = who.api().callAt(o.npsUrl, who.token(), path, java.time.Duration.ofSeconds(600));
                    double ms = (System.nanoTime() - d0) / 1e6;
                    check += String.format(Locale.ROOT, "; one call straight to nps-service (%s, no gateway timeout): %d in %,.0f ms, %,d bytes",
                            o.npsUrl, direct.statusCode(), ms, direct.body().length());
                    Progress.log(label + ": straight to nps-service → " + direct.statusCode() + " in " + Math.round(ms) + " ms");
                }
                break;
            }
        }
        return new Query(label, path, who.user(), measured, statuses, new Stats(nanos, measured), bytes, check);
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Median of 3 runs after 1 warm-up, in ms. */
    private static double medianMs(Work work) throws Exception {
        work.run();
        double[] ms = new double[3];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return Stats.median(ms);
    }

    private static void fetchAll(Connection db, String sql, String cycleId) throws Exception {
        db.setAutoCommit(false); // lets the driver stream with a fetch size
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            ps.setObject(1, UUID.fromString(cycleId));
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n += rs.getObject(1, UUID.class).hashCode() & 1;
                }
            }
        } finally {
            db.commit();
            db.setAutoCommit(true);
        }
    }

    private static void lookups(Connection db, int clients) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("select client_id, name, region, business_unit, owner_cse, owner_cam, tier, "
                + "lifecycle_stage, renewal_date, arr_amount, arr_currency, version from client_directory where client_id = ?")) {
            for (int i = 0; i < clients; i++) {
                ps.setObject(1, NpsPortfolio.clientId(i));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
    }

    /**
     * EXPLAIN ANALYZE of the grouped query with a covering index (cycle_id, client_id, score) — built inside a transaction
     * that is rolled back, so the environment's schema is left as Flyway made it.
     */
    private static List<String> coveringIndexExperiment(Connection db, String sql, String cycleId) throws Exception {
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("set local lock_timeout = '5s'");
            s.execute("create index bench_survey_response_cover on survey_response (cycle_id, client_id, score)");
            s.execute("analyze survey_response");
            return explain(db, sql, cycleId);
        } catch (java.sql.SQLException e) {
            return List.of("not measured: " + e.getMessage());
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    private static String find(Connection db, String name) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("select id from survey_cycle where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(Connection db, String sql, String cycleId) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(cycleId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> explain(Connection db, String sql, String cycleId) throws Exception {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("explain (analyze, buffers) " + sql)) {
            ps.setObject(1, UUID.fromString(cycleId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }

    /**
     * The clients must be in nps-service's client directory (its projection of clients.v1) to be counted: the same
     * rows the set-up phase publishes as ClientUpserted, written here directly when the directory lacks them, with a
     * segment each (as segmentation-service's SegmentMigrated would give), so the aggregation runs without the set-up
     * phase (whose projection takes minutes at this size).
     */
    private static void ensureDirectory(Connection db, int clients) throws Exception {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(true);
        try (PreparedStatement ps = db.prepareStatement("""
                insert into client_directory (client_id, name, region, business_unit, owner_cse, owner_cam, tier, lifecycle_stage,
                                              renewal_date, arr_amount, arr_currency, version)
                values (?, ?, 'APAC', ?, ?, ?, ?, 'MATURE', date '2027-06-30', ?, 'AUD', 1) on conflict (client_id) do nothing""");
             PreparedStatement segment = db.prepareStatement("""
                insert into client_segment (client_id, segment, sap_required, updated_at) values (?, ?, false, now())
                on conflict (client_id) do nothing""")) {
            String[] segments = {"MAINTAIN", "LEVERAGE", "NURTURE", "COLLABORATE", "SLEEPING_GIANTS", "GIANTS"};
            for (int i = 0; i < clients; i++) {
                ps.setObject(1, NpsPortfolio.clientId(i));
                ps.setString(2, NpsPortfolio.clientName(i));
                ps.setString(3, NpsPortfolio.BUSINESS_UNITS.get(i % NpsPortfolio.BUSINESS_UNITS.size()));
                ps.setString(4, NpsPortfolio.ownerCse(i));
                ps.setString(5, i % 2 == 0 ? "cam" : "cam2");
                ps.setString(6, NpsPortfolio.TIERS.get((i / 3) % NpsPortfolio.TIERS.size()));
                ps.setBigDecimal(7, new java.math.BigDecimal(50_000 + (i % 20) * 25_000));
                ps.addBatch();
                segment.setObject(1, NpsPortfolio.clientId(i));
                segment.setString(2, segments[i % segments.length]);
                segment.addBatch();
            }
            ps.executeBatch();
            segment.executeBatch();
        }
        db.setAutoCommit(auto);
    }

    /** Writes recipient lists, recipients, invitations and responses of the cycle with COPY (its old rows deleted first). */
    private static void seed(Connection db, UUID cycle, int stored, int clients, int invited) throws Exception {
        Progress.log(String.format(Locale.ROOT, "loading %,d responses of %,d clients (%,d invitations) into cycle %s with COPY",
                stored, clients, invited, cycle));
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("set local synchronous_commit = off");
            try (PreparedStatement ps = db.prepareStatement("delete from survey_response where cycle_id = ?")) {
                ps.setObject(1, cycle);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement("delete from recipient_list where cycle_id = ?")) {
                ps.setObject(1, cycle);
                ps.executeUpdate();
            }
        }
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        String c = cycle.toString();
        String at = Instant.parse("2026-09-20T02:00:00Z").toString();
        String expires = Instant.parse("2026-10-01T00:00:00Z").toString();
        copy(copy, "recipient_list (cycle_id, client_id, built_at, signed_off_by, signed_off_at)", clients,
                i -> c + '\t' + NpsPortfolio.clientId(i) + '\t' + at + "\tadmin\t" + at + '\n');
        UUID[] contacts = new UUID[invited];
        for (int n = 0; n < invited; n++) {
            contacts[n] = NpsPortfolio.uuid("rhythm-bench-nps-agg-contact-" + n);
        }
        copy(copy, "recipient (cycle_id, client_id, contact_id, name, email, included, issues)", invited,
                n -> c + '\t' + NpsPortfolio.clientId(n % clients) + '\t' + contacts[n] + "\tStored respondent " + n + "\tagg" + n
                        + '@' + NpsPortfolio.EMAIL_DOMAIN + "\tt\t{}\n");
        copy(copy, "survey_invitation (cycle_id, contact_id, client_id, email, invited_at, invited_by, expires_at, responded_at)", invited,
                n -> c + '\t' + contacts[n] + '\t' + NpsPortfolio.clientId(n % clients) + "\tagg" + n + '@' + NpsPortfolio.EMAIL_DOMAIN
                        + '\t' + at + "\tadmin\t" + expires + '\t' + (n < stored ? at : "\\N") + '\n');
        copy(copy, "survey_response (id, cycle_id, client_id, contact_id, score, category, comment, themes, sentiment_score, "
                        + "sentiment_label, channel, responded_at)", stored,
                n -> {
                    int score = Answers.score(n);
                    return NpsPortfolio.uuid("rhythm-bench-nps-agg-response-" + c + "-" + n) + "\t" + c + '\t' + NpsPortfolio.clientId(n % clients)
                            + '\t' + contacts[n] + '\t' + score + '\t' + Answers.category(score) + "\t\\N\t{}\t0.0000\tNEUTRAL\tSURVEY_LINK\t"
                            + at + '\n';
                });
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("vacuum (analyze) survey_response");
            s.execute("analyze survey_invitation");
            s.execute("analyze recipient");
            s.execute("analyze recipient_list");
        }
    }

    private static void copy(CopyManager copy, String table, int rows, IntFunction<String> line) throws Exception {
        long t0 = System.nanoTime();
        Progress progress = new Progress("COPY " + table.substring(0, table.indexOf(' ')));
        int chunk = 100_000;
        for (int from = 0; from < rows; from += chunk) {
            StringBuilder sb = new StringBuilder(chunk * 160);
            for (int n = from; n < Math.min(rows, from + chunk); n++) {
                sb.append(line.apply(n));
            }
            copy.copyIn("copy " + table + " from stdin", new StringReader(sb.toString()));
            int done = Math.min(rows, from + chunk);
            progress.tick(() -> String.format(Locale.ROOT, "%,d of %,d rows", done, rows));
        }
        Progress.log(String.format(Locale.ROOT, "COPY %s: %,d rows in %.1f s", table.substring(0, table.indexOf(' ')), rows,
                (System.nanoTime() - t0) / 1e9));
    }
}
