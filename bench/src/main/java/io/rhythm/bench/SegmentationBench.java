package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * segmentation-service benchmark (issue 11), each figure beside a baseline measured in the same run:
 * <ol>
 *   <li><b>re-segmentation</b>: {@code POST /api/v1/segments/models/{v}/activate} of a draft over {@code --clients}
 *       clients until its job is DONE — first the seed's settings (every client gets its first segment), then a
 *       review moving the spend bands (a share of the portfolio migrates) — next to the same classification as one SQL
 *       statement (read only);</li>
 *   <li><b>compliance</b>: {@code GET /api/v1/activity-register/compliance?groupBy=portfolio} as a leader (every
 *       client) and as a CSE (a third), next to the same roll-up as one SQL statement from the raw tables (and the
 *       maintained tally's counts as one).</li>
 * </ol>
 * The inputs (directory, revenue, health, five held activities per client) are written straight into the database
 * with COPY; segment state and migrations are the service's own. The service's outbox is written as usual (in the
 * timed transactions) and relayed to a scratch topic (the script sets {@code rhythm.outbox.topic-prefix=bench.}:
 * 100,000 SegmentMigrated events are not for the topics the tests read).
 */
public final class SegmentationBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CSES = {"cse", "cse2", "cse3"};
    private static final String[] TYPES = {"PARTNERSHIP_MEETING", "SERVICE_REVIEW", "HEALTH_CHECK", "QBR", "EXECUTIVE_ENGAGEMENT"};
    /** Segment model v1's cadences in months (TYPES order; 0 = as needed). */
    private static final Map<String, int[]> CADENCES = Map.of(
            "MAINTAIN", new int[]{1, 1, 3, 3, 0}, "LEVERAGE", new int[]{3, 3, 6, 3, 6}, "NURTURE", new int[]{1, 1, 3, 3, 3},
            "COLLABORATE", new int[]{3, 3, 6, 3, 6}, "SLEEPING_GIANTS", new int[]{1, 1, 3, 3, 3}, "GIANTS", new int[]{3, 3, 6, 3, 3});

    private final Map<String, String> o;
    private final StringBuilder report = new StringBuilder();

    private SegmentationBench(Map<String, String> options) {
        this.o = options;
    }

    public static void main(String[] args) throws Exception {
        Optional<Map<String, String>> options = ServiceBenchArgs.parse(args, Map.of("clients", "100000", "calls", "20",
                "user", "admin", "cse", "cse", "password", "rhythm"),
                """
                        SegmentationBench --service URL --token-url URL --db-url JDBC [--db-user segmentation_bench] [--report FILE]
                          [--clients 100000] [--calls 20] [--user admin] [--cse cse] [--password rhythm]
                        The database password comes from RHYTHM_BENCH_DB_PASSWORD.""");
        if (options.isPresent()) {
            new SegmentationBench(options.get()).run();
        }
    }

    private void run() throws Exception {
        URI service = URI.create(o.get("service"));
        RhythmApi api = new RhythmApi(service, URI.create(o.get("token-url")), "unused", "unused");
        AdminSession leader = new AdminSession(api, o.get("user"), o.get("password"));
        AdminSession cse = new AdminSession(api, o.get("cse"), o.get("password"));
        int clients = Integer.parseInt(o.get("clients"));
        try (Connection db = DriverManager.getConnection(o.get("db-url"), o.getOrDefault("db-user", "segmentation_bench"),
                System.getenv().getOrDefault("RHYTHM_BENCH_DB_PASSWORD", "rhythm"))) {
            seed(db, clients);
            resegmentation(db, leader, clients);
            compliance(db, leader, cse);
        }
        String out = report.toString();
        if (o.containsKey("report")) {
            Files.writeString(Path.of(o.get("report")), out, StandardCharsets.UTF_8);
        }
        System.out.println(out);
    }

    /** A fresh bench portfolio: every earlier bench row, state and migration goes first. */
    private void seed(Connection db, int clients) throws Exception {
        long t0 = System.nanoTime();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            for (String table : List.of("segment_assignment", "client_segment_state", "register_activity", "register_last_held", "register_segment", "register_tally", "register_client", "client_health",
                    "client_revenue", "nps_answer", "cadence_breach", "rhythm_outbox", "client_directory")) {
                s.execute("truncate " + table);
            }
        }
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String recorded = Instant.now().minusSeconds(86_400L * 400).toString();
        String now = Instant.now().toString();
        StringBuilder directory = new StringBuilder();
        StringBuilder revenue = new StringBuilder();
        StringBuilder health = new StringBuilder();
        StringBuilder held = new StringBuilder();
        for (int i = 0; i < clients; i++) {
            UUID client = id("client", i);
            // spend: 40 % low (< 250k), 45 % moderate, 15 % high; health 40–99 spread over the three satisfaction bands
            long arr = i % 20 < 8 ? 50_000L + (i % 97) * 2_000L : i % 20 < 17 ? 260_000L + (i % 89) * 8_000L : 1_100_000L + (i % 13) * 500_000L;
            directory.append(client).append('\t').append(String.format(Locale.ROOT, "Bench %06d", i)).append("\tBENCH\tHealth\t")
                    .append(CSES[i % 3]).append("\tcam\tStandard\tMATURE\t\\N\t").append(arr).append(".00\tAUD\t1\t").append(now).append('\n');
            revenue.append(client).append("\t1\t").append(arr).append(".00\tAUD\t").append(recorded).append('\n');
            health.append(client).append('\t').append(40 + (i * 7) % 60).append(".00\t").append(now).append('\n');
            for (int t = 0; t < TYPES.length; t++) {
                LocalDate day = today.minusDays(5 + (i * 31L + t * 17L) % 200);
                held.append(id("activity-" + t, i)).append('\t').append(client).append('\t').append(TYPES[t]).append('\t')
                        .append(TYPES[t]).append('\t').append(day).append('\n');
            }
        }
        copy.copyIn("copy client_directory (client_id, name, region, business_unit, owner_cse, owner_cam, tier, lifecycle_stage, "
                + "renewal_date, arr_amount, arr_currency, version, updated_at) from stdin", new StringReader(directory.toString()));
        copy.copyIn("copy client_revenue (client_id, version, amount, currency, recorded_at) from stdin", new StringReader(revenue.toString()));
        copy.copyIn("copy client_health (client_id, score, scored_at) from stdin", new StringReader(health.toString()));
        copy.copyIn("copy register_activity (activity_id, client_id, activity_type, logged_type, occurred_on) from stdin",
                new StringReader(held.toString()));
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("analyze");
        }
        Progress.log(String.format(Locale.ROOT, "seeded %,d clients in %s", clients, Stats.ms(System.nanoTime() - t0)));
        line("Portfolio: %,d clients (three CSEs), each with revenue, a health score and five held activities (COPY, %s); "
                + "segment state empty before the first activation.", clients, Stats.ms(System.nanoTime() - t0));
        line("");
    }

    private void resegmentation(Connection db, AdminSession leader, int clients) throws Exception {
        section("Re-segmentation on model activation (target < 10 s for " + String.format(Locale.ROOT, "%,d", clients) + " clients)");
        JsonNode active = null;
        for (JsonNode m : leader.ok("GET", "/api/v1/segments/models", null)) {
            if ("ACTIVE".equals(m.path("status").asText())) {
                active = m.path("model");
            }
        }
        if (active == null) {
            throw new IllegalStateException("no ACTIVE segment model");
        }
        line("| activation | clients | migrated | wall time (202 → DONE) | baseline: classification as one SQL statement | ratio |");
        line("|---|---|---|---|---|---|");
        long first = activate(db, leader, (ObjectNode) active.deepCopy(), "bench: seed settings (first segment for every client)", 250_000, 1_000_000);
        ObjectNode review = (ObjectNode) active.deepCopy();
        long second = activate(db, leader, review, "bench: review moving the spend bands to 200k / 800k", 200_000, 800_000);
        line("");
        line("Target: re-segmentation of the portfolio < 10 s — measured %s (first assignment) and %s (review): **%s**.",
                Stats.ms(first), Stats.ms(second), Math.max(first, second) / 1e9 < 10 ? "met" : "not met");
        line("");
    }

    private long activate(Connection db, AdminSession leader, ObjectNode model, String name, long low, long high) throws Exception {
        model.put("name", name);
        ObjectNode spendLow = (ObjectNode) model.path("spend").path("bands").get(0);
        ObjectNode spendMid = (ObjectNode) model.path("spend").path("bands").get(1);
        ObjectNode spendHigh = (ObjectNode) model.path("spend").path("bands").get(2);
        spendLow.put("to", low);
        spendMid.put("from", low).put("to", high);
        spendHigh.put("from", high);
        int version = leader.ok("POST", "/api/v1/segments/models", model.toString()).path("version").asInt();
        long t0 = System.nanoTime();
        String job = leader.ok("POST", "/api/v1/segments/models/" + version + "/activate", null).path("id").asText();
        JsonNode status;
        do {
            Thread.sleep(200);
            status = leader.ok("GET", "/api/v1/segments/jobs/" + job, null);
        } while ("RUNNING".equals(status.path("status").asText()));
        long wall = System.nanoTime() - t0;
        if (!"DONE".equals(status.path("status").asText())) {
            throw new IllegalStateException("job " + job + ": " + status);
        }
        String sql = """
                with h as (select client_id, score from client_health),
                     r as (select distinct on (client_id) client_id, amount from client_revenue order by client_id, version desc),
                     c as (select d.client_id,
                                  case when h.score < 60 then 'LOW' when h.score < 75 then 'MODERATE' else 'HIGH' end sat,
                                  case when r.amount < %d then 'LOW' when r.amount < %d then 'MODERATE' else 'HIGH' end spend
                           from client_directory d join h on h.client_id = d.client_id join r on r.client_id = d.client_id)
                select sat, spend, count(*) from c group by sat, spend""".formatted(low, high);
        Stats baseline = sqlTimes(db, sql, 5);
        Progress.log(name + ": " + Stats.ms(wall) + ", " + status.path("changed").asInt() + " migrated");
        line("| %s (v%d) | %,d | %,d | **%s** | %s (p50 of 5) | %.1f× |", name, version, status.path("done").asInt(),
                status.path("changed").asInt(), Stats.ms(wall), Stats.ms(baseline.percentile(50)),
                (double) wall / Math.max(1, baseline.percentile(50)));
        return wall;
    }

    private void compliance(Connection db, AdminSession leader, AdminSession cse) throws Exception {
        section("Activity Register compliance roll-up (target p99 < 500 ms)");
        int calls = Integer.parseInt(o.get("calls"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String path = "/api/v1/activity-register/compliance?groupBy=portfolio&asOf=" + today;
        long[] all = time(leader, path, calls);
        long[] own = time(cse, path, calls);
        StringBuilder cad = new StringBuilder();
        CADENCES.forEach((segment, months) -> {
            for (int t = 0; t < TYPES.length; t++) {
                cad.append(cad.isEmpty() ? "" : ", ").append("('").append(segment).append("', '").append(TYPES[t]).append("', ")
                        .append(months[t]).append(')');
            }
        });
        String sql = """
                with cad(segment, activity_type, months) as (values %s),
                     seg as (select distinct on (client_id) client_id, segment, effective_at::date since from segment_assignment
                             where effective_at < date '%s' + 1 order by client_id, assigned_at desc, id),
                     last as (select client_id, activity_type, max(occurred_on) d from register_activity
                              where occurred_on <= date '%s' group by client_id, activity_type),
                     items as (select c.months, (greatest(l.d, s.since) + make_interval(months => c.months))::date due
                               from client_directory d join seg s on s.client_id = d.client_id
                               join cad c on c.segment = s.segment
                               left join last l on l.client_id = s.client_id and l.activity_type = c.activity_type)
                select case when months = 0 then 'NOT_REQUIRED' when date '%s' > due then 'OVERDUE'
                            when date '%s' >= due - 14 then 'DUE_SOON' else 'COMPLIANT' end status, count(*)
                from items group by 1""".formatted(cad, today, today, today, today);
        Stats baseline = sqlTimes(db, sql, calls);
        // the same counts from the maintained current register (V10 register_tally) as one statement: the floor of the
        // service's fast path, next to the raw-table baseline above
        String tallySql = """
                select case when due_on = 'infinity' then 'NOT_REQUIRED' when due_on < date '%s' then 'OVERDUE'
                            when due_on <= date '%s' + 14 then 'DUE_SOON' else 'COMPLIANT' end status, sum(n)
                from register_tally group by 1""".formatted(today, today);
        Stats tally = sqlTimes(db, tallySql, calls);
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        JsonNode body = leader.ok("GET", path, null).path("totals");
        String service = "compliant " + body.path("compliant").asInt() + ", due soon " + body.path("dueSoon").asInt() + ", overdue "
                + body.path("overdue").asInt() + ", not required " + body.path("notRequired").asInt();
        Stats a = new Stats(all, calls);
        Stats c = new Stats(own, calls);
        line("| call | calls | p50 | p99 | max | p50 ÷ baseline p50 |");
        line("|---|---|---|---|---|---|");
        line("| `GET …/compliance?groupBy=portfolio` as %s (every client) | %d | %s | **%s** | %s | %.1f× |", leader.user(), calls,
                Stats.ms(a.percentile(50)), Stats.ms(a.percentile(99)), Stats.ms(a.max()), (double) a.percentile(50) / Math.max(1, baseline.percentile(50)));
        line("| the same as %s (a third) | %d | %s | **%s** | %s | %.1f× |", cse.user(), calls,
                Stats.ms(c.percentile(50)), Stats.ms(c.percentile(99)), Stats.ms(c.max()), (double) c.percentile(50) / Math.max(1, baseline.percentile(50)));
        line("| baseline: the same roll-up as one SQL statement over JDBC | %d | %s | %s | %s | 1.0× |", calls,
                Stats.ms(baseline.percentile(50)), Stats.ms(baseline.percentile(99)), Stats.ms(baseline.max()));
        line("| the same counts from the maintained tally (`register_tally`) as one SQL statement over JDBC | %d | %s | %s | %s | %.2f× |",
                calls, Stats.ms(tally.percentile(50)), Stats.ms(tally.percentile(99)), Stats.ms(tally.max()),
                (double) tally.percentile(50) / Math.max(1, baseline.percentile(50)));
        line("");
        line("Same figures: service %s; SQL %s.", service, counts);
        line("");
        line("Target: compliance roll-up p99 < 500 ms — measured %s: **%s**.", Stats.ms(a.percentile(99)),
                a.percentile(99) / 1e6 < 500 ? "met" : "not met");
        line("");
    }

    private static long[] time(AdminSession who, String path, int calls) throws Exception {
        long[] nanos = new long[calls];
        for (int i = -2; i < calls; i++) {
            who.token();
            long t0 = System.nanoTime();
            HttpResponse<String> r = who.call("GET", path, null, AdminSession.CALL);
            long t = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + RhythmApi.abbreviate(r.body()));
            }
            if (i >= 0) {
                nanos[i] = t;
            }
        }
        Progress.log("GET " + path + " as " + who.user() + ": p99 " + Stats.ms(new Stats(nanos, calls).percentile(99)));
        return nanos;
    }

    private static Stats sqlTimes(Connection db, String sql, int calls) throws SQLException {
        long[] nanos = new long[calls];
        for (int i = -1; i < calls; i++) {
            long t0 = System.nanoTime();
            try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        return new Stats(nanos, calls);
    }

    private void section(String title) {
        report.append("\n#### ").append(title).append("\n\n");
        Progress.log(title);
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static UUID id(String kind, int n) {
        return UUID.nameUUIDFromBytes(("segmentation-bench-" + kind + "-" + n).getBytes(StandardCharsets.UTF_8));
    }
}
