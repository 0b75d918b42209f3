package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * calendar-service benchmark (issue 14), each figure beside a baseline measured in the same run:
 * <ol>
 *   <li><b>feed</b>: a CSE's personal iCalendar feed ({@code GET /api/v1/calendar/feeds/ics/{secret}}) when they own
 *       clients with {@code --events} (5,000) scheduled activities (planned, held and cancelled, three time zones),
 *       next to two baselines of the same run: the same bytes as a static file served by the JDK's HttpServer
 *       ({@code --static-port}) and read by the same client, and the same activities read with one SQL statement and
 *       rendered by a minimal loop; target p99 &lt; 200 ms;</li>
 *   <li><b>import</b>: {@code --rows} (100,000) past CRM meetings through {@code POST /api/v1/calendar/activities/imports}
 *       in calls of {@code --batch} (5,000, the endpoint's maximum) rows, one call at a time, next to a plain
 *       {@code COPY} of the same rows into the same table ({@code engagement_activity}).</li>
 * </ol>
 * The feed's activities are COPYed straight into the calendar database (what is measured is reading them) and reused
 * by a later run with the same size. Imported and copied rows of earlier runs are deleted first (the table stays the
 * same size from run to run), and so are the bench's never-relayed outbox rows.
 */
public final class CalendarBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL = Duration.ofSeconds(300);
    private static final String[] ZONES = {"Australia/Sydney", "Pacific/Auckland", "Asia/Singapore"};
    private static final String[] STATUSES = {"HELD", "HELD", "PLANNED", "CANCELLED"};
    private static final String[] TYPES = {"PARTNERSHIP_MEETING", "QBR", "HEALTH_CHECK", "SERVICE_REVIEW", "EXECUTIVE_ENGAGEMENT"};
    private static final String[] CRM_TYPES = {"Quarterly Business Review", "Partnership Meeting", "Health Check", "Service Review",
            "Exec Engagement", "Phone Call"};
    /** What the import makes of each CRM_TYPES label (the COPY baseline stores the same). */
    private static final String[] CRM_CODES = {"QBR", "PARTNERSHIP_MEETING", "HEALTH_CHECK", "SERVICE_REVIEW", "EXECUTIVE_ENGAGEMENT",
            "CALL"};
    private static final int FEED_CLIENTS = 50;
    private static final int IMPORT_CLIENTS = 200;
    private static final String COLUMNS = "(id, client_id, activity_type, occurred_on, summary, logged_by, logged_at, status, title, "
            + "starts_at, time_zone, duration_minutes, attendees, notes, outcomes, held_by, version, updated_at, external_id, external_source)";

    private final Map<String, String> o;
    private final StringBuilder report = new StringBuilder();
    private HttpClient http;

    private CalendarBench(Map<String, String> options) {
        this.o = options;
    }

    public static void main(String[] args) throws Exception {
        Optional<Map<String, String>> options = ServiceBenchArgs.parse(args, Map.of("events", "5000", "calls", "50", "rows", "100000", "batch", "5000",
                "phases", "feed,import", "static-port", "28321", "http", "1.1", "user", "admin", "cse", "cse", "password", "rhythm"),
                """
                        CalendarBench --service URL --token-url URL --db-url JDBC [--db-user calendar] [--report FILE]
                          [--events 5000] [--calls 50] [--rows 100000] [--batch 5000] [--phases feed,import]
                          [--static-port 28321] (the feed baseline's JDK HttpServer, on 127.0.0.1)
                          [--http 1.1|2] (the feed reads' protocol; 2 = h2c where the server upgrades)
                          [--user admin] [--cse cse] [--password rhythm]
                        The database password comes from RHYTHM_BENCH_DB_PASSWORD.""");
        if (options.isPresent()) {
            new CalendarBench(options.get()).run();
        }
    }

    private int num(String key) {
        return Integer.parseInt(o.get(key));
    }

    private void run() throws Exception {
        // the feed reads' protocol (--http): HTTP/1.1 by default, as the static-file baseline's JDK HttpServer speaks only
        // 1.1 (with HTTP_2 the JDK client upgrades a plain-HTTP connection to h2c where the server can, as Vert.x does)
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version("2".equals(o.get("http")) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1).build();
        URI service = URI.create(o.get("service"));
        RhythmApi api = new RhythmApi(service, URI.create(o.get("token-url")), "unused", "unused");
        AdminSession leader = new AdminSession(api, o.get("user"), o.get("password"));
        AdminSession cse = new AdminSession(api, o.get("cse"), o.get("password"));
        Set<String> phases = Set.of(o.get("phases").split(","));
        try (Connection db = DriverManager.getConnection(o.get("db-url"), o.getOrDefault("db-user", "calendar"),
                System.getenv().getOrDefault("RHYTHM_BENCH_DB_PASSWORD", "rhythm"))) {
            if (phases.contains("feed")) {
                feed(db, service, cse);
            }
            if (phases.contains("import")) {
                importRows(db, leader);
            }
        }
        String out = report.toString();
        if (o.containsKey("report")) {
            Files.writeString(Path.of(o.get("report")), out, StandardCharsets.UTF_8);
        }
        System.out.println(out);
    }

    // --- feed ---

    private void feed(Connection db, URI service, AdminSession cse) throws Exception {
        section("Personal iCalendar feed (issue 14)");
        int events = num("events");
        seedFeed(db, events, cse.user());
        JsonNode issued = cse.ok("POST", "/api/v1/calendar/feeds", null);
        String url = issued.path("url").asText();
        String path = url.substring(url.indexOf("/api/v1/calendar/feeds/ics/"));
        URI feed = URI.create(service + path);
        int calls = num("calls");
        Timing unchanged = readFeed(feed, calls, null, null);
        // one of the feed's activities changes before each read (as a meeting moved or held would): the kept text is stale
        Timing changed = readFeed(feed, calls, db, null);
        // a polling calendar app: If-None-Match with its copy's ETag (304, no body)
        Timing polled = readFeed(feed, calls, null, changed.etag());
        Stats s = unchanged.latency();
        String text = unchanged.body() == null ? "" : unchanged.body();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long vevents = text.lines().filter("BEGIN:VEVENT"::equals).count();
        long activities = text.lines().filter("CATEGORIES:CLIENT_ACTIVITY"::equals).count();
        long cancelled = text.lines().filter("STATUS:CANCELLED"::equals).count();
        long zones = text.lines().filter("BEGIN:VTIMEZONE"::equals).count();

        // baseline 1: the same bytes as a static file, served by the JDK's HttpServer and read by the same client
        Stats file = serveStatic(bytes, calls);
        // baseline 2: the same activities read with one SQL statement (the service's index-backed shape, whole rows) and
        // rendered by a minimal loop (no ical4j, folding, time zones, deliverables, rhythm or HTTP)
        Stats minimal = sqlAndLoop(db, cse.user(), calls);

        line("The CSE `%s` owns %d bench clients with %,d scheduled activities (held, planned, cancelled; Sydney, Auckland, "
                + "Singapore); their feed also holds the operating rhythm of their role and their open deliverables. One caller, "
                + "one request at a time, straight at the service (no gateway), HTTP/%s, 3 warm-up calls. Every feed read is a full "
                + "download (no If-None-Match: a calendar app re-reading the whole feed is the worst case) except the 304 row.",
                cse.user(), FEED_CLIENTS, events, http.version() == HttpClient.Version.HTTP_2 ? "2 (h2c)" : "1.1");
        line("");
        line("| call | calls | p50 | p99 | max | p50 ÷ static p50 | p99 ÷ static p99 | statuses | what came back |");
        line("|---|---|---|---|---|---|---|---|---|");
        line("| `GET /api/v1/calendar/feeds/ics/{secret}`, nothing changed between reads | %d | %s | **%s** | %s | %.2f× | %.2f× | %s | "
                        + "%,d VEVENTs (%,d client activities, %,d cancelled), %d VTIMEZONEs, %,d bytes |", calls,
                Stats.ms(s.percentile(50)), Stats.ms(s.percentile(99)), Stats.ms(s.max()), ratio(s, file, 50), ratio(s, file, 99),
                unchanged.statuses(), vevents, activities, cancelled, zones, bytes.length);
        Stats c = changed.latency();
        line("| the same, one of its activities changed (version, updated_at) before each read | %d | %s | **%s** | %s | %.2f× | %.2f× "
                        + "| %s | the changed activity's SEQUENCE seen in every answer: %s |", calls, Stats.ms(c.percentile(50)),
                Stats.ms(c.percentile(99)), Stats.ms(c.max()), ratio(c, file, 50), ratio(c, file, 99), changed.statuses(), changed.check());
        Stats p = polled.latency();
        line("| the same with `If-None-Match` (a polling calendar app, nothing changed) | %d | %s | %s | %s | | | %s | 304, no body |",
                calls, Stats.ms(p.percentile(50)), Stats.ms(p.percentile(99)), Stats.ms(p.max()), polled.statuses());
        line("| baseline: the same %,d bytes as a static file, served by the JDK's `HttpServer` (bench process), same client | %d "
                + "| %s | %s | %s | 1.00× | 1.00× | | |", bytes.length, calls, Stats.ms(file.percentile(50)), Stats.ms(file.percentile(99)),
                Stats.ms(file.max()));
        line("| baseline: the same activities read with one SQL statement (whole rows, the service's index-backed shape) and "
                + "rendered by a minimal loop, no HTTP | %d | %s | %s | %s | %.2f× | %.2f× | | |", calls, Stats.ms(minimal.percentile(50)),
                Stats.ms(minimal.percentile(99)), Stats.ms(minimal.max()), ratio(minimal, file, 50), ratio(minimal, file, 99));
        line("");
        line("Target: the feed of a user with %,d events p99 < 200 ms — measured %s unchanged (**%s**), %s changed before each "
                        + "read (**%s**). Against the same-run baselines: unchanged p99 %.2f× the static file's, %.2f× the SQL + "
                        + "minimal loop's.", events, Stats.ms(s.percentile(99)), s.percentile(99) / 1e6 < 200 ? "met" : "not met",
                Stats.ms(c.percentile(99)), c.percentile(99) / 1e6 < 200 ? "met" : "not met", ratio(s, file, 99), ratio(s, minimal, 99));
        line("");
    }

    private static double ratio(Stats a, Stats b, double percentile) {
        return (double) a.percentile(percentile) / Math.max(1, b.percentile(percentile));
    }

    /** 3 warm-up + {@code calls} reads of {@code bytes} served as a file by the JDK's HttpServer on --static-port. */
    private Stats serveStatic(byte[] bytes, int calls) throws Exception {
        int port = num("static-port");
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/feed.ics", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
        try {
            Timing t = readFeed(URI.create("http://127.0.0.1:" + port + "/feed.ics"), calls, null, null);
            if (!java.util.Arrays.equals(t.body().getBytes(StandardCharsets.UTF_8), bytes)) {
                throw new IllegalStateException("the static file came back different");
            }
            return t.latency();
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /** 3 warm-up + {@code calls}: the person's activities in one statement, each rendered as a VEVENT by a plain loop. */
    private Stats sqlAndLoop(Connection db, String user, int calls) throws SQLException {
        String query = """
                select a.id, a.title, a.activity_type, a.starts_at, a.duration_minutes, a.time_zone, a.status, a.version, a.notes
                from engagement_activity a
                where a.starts_at is not null and (
                      a.client_id = any(array(select cd.client_id from client_directory cd where cd.owner_cse = ? or cd.owner_cam = ?))
                   or a.logged_by = ?
                   or a.attendees @> cast(? as jsonb))
                order by a.starts_at, a.id""";
        java.time.format.DateTimeFormatter utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        long[] nanos = new long[calls];
        long length = 0;
        for (int i = -3; i < calls; i++) {
            long t0 = System.nanoTime();
            StringBuilder out = new StringBuilder(1 << 21).append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
            try (PreparedStatement ps = db.prepareStatement(query)) {
                ps.setString(1, user);
                ps.setString(2, user);
                ps.setString(3, user);
                ps.setString(4, "[{\"username\": \"" + user + "\"}]");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant start = rs.getTimestamp(4).toInstant();
                        out.append("BEGIN:VEVENT\r\nUID:activity-").append(rs.getString(1)).append("@rhythm\r\nSUMMARY:")
                                .append(rs.getString(2)).append(" (").append(rs.getString(3)).append(")\r\nDTSTART:")
                                .append(utc.format(start)).append("\r\nDTEND:").append(utc.format(start.plusSeconds(60L * rs.getInt(5))))
                                .append("\r\nSEQUENCE:").append(rs.getInt(8)).append("\r\nSTATUS:")
                                .append("CANCELLED".equals(rs.getString(7)) ? "CANCELLED" : "CONFIRMED").append("\r\nDESCRIPTION:")
                                .append(rs.getString(9)).append("\r\nX-TZ:").append(rs.getString(6)).append("\r\nEND:VEVENT\r\n");
                    }
                }
            }
            byte[] body = out.append("END:VCALENDAR\r\n").toString().getBytes(StandardCharsets.UTF_8);
            length = body.length;
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        Progress.log("sql + minimal loop: " + length + " bytes");
        return new Stats(nanos, calls);
    }

    private record Timing(Stats latency, Map<Integer, Integer> statuses, String body, String check, String etag) {
    }

    /**
     * 3 warm-up + {@code calls} reads of the feed; with {@code changeVia}, one activity changes before each read; with
     * {@code ifNoneMatch}, each read sends it.
     */
    private Timing readFeed(URI feed, int calls, Connection changeVia, String ifNoneMatch) throws Exception {
        long[] nanos = new long[calls];
        Map<Integer, Integer> statuses = new TreeMap<>();
        String body = null;
        String etag = null;
        boolean seen = true;
        UUID changing = id("feed-activity", 0);
        for (int i = -3; i < calls; i++) {
            int sequence = -1;
            if (changeVia != null) {
                try (PreparedStatement ps = changeVia.prepareStatement("update engagement_activity set version = version + 1, "
                        + "updated_at = now() where id = ? returning version")) {
                    ps.setObject(1, changing);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        sequence = rs.getInt(1);
                    }
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(feed).timeout(CALL).GET();
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long t = System.nanoTime() - t0;
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (i >= 0) {
                nanos[i] = t;
            }
            if (body == null && r.statusCode() == 200) {
                body = r.body();
            }
            etag = r.headers().firstValue("ETag").orElse(etag);
            if (changeVia != null) {
                int at = r.body().indexOf("UID:activity-" + changing + "@");
                seen &= at >= 0 && r.body().substring(at, Math.min(r.body().length(), at + 400)).contains("SEQUENCE:" + sequence);
            }
        }
        Stats s = new Stats(nanos, calls);
        Progress.log("read " + feed.getPath() + (changeVia == null ? "" : " (changed)") + (ifNoneMatch == null ? "" : " (If-None-Match)")
                + " p99 " + Stats.ms(s.percentile(99)));
        return new Timing(s, statuses, body, changeVia == null ? "" : seen ? "yes" : "NO", etag);
    }

    private void seedFeed(Connection db, int events, String owner) throws Exception {
        long have = count(db, "select count(*) from engagement_activity where external_source = 'bench-feed'");
        if (have == events) {
            line("Feed activities: reused (%,d already in the database).", have);
            line("");
            return;
        }
        long t0 = System.nanoTime();
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            st.execute("delete from engagement_activity where external_source = 'bench-feed'");
            st.execute("delete from client_directory where region = 'BENCH-FEED'");
        }
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder directory = new StringBuilder();
        String now = Instant.now().toString();
        for (int c = 0; c < FEED_CLIENTS; c++) {
            directory.append(id("feed-client", c)).append('\t').append(String.format(Locale.ROOT, "Calendar Bench %03d", c))
                    .append("\tBENCH-FEED\tHealth\t").append(owner).append("\tcam\tStandard\tMATURE\t\\N\t\\N\t\\N\t1\t")
                    .append(now).append('\n');
        }
        copy.copyIn("copy client_directory (client_id, name, region, business_unit, owner_cse, owner_cam, tier, lifecycle_stage, "
                + "renewal_date, arr_amount, arr_currency, version, updated_at) from stdin", new StringReader(directory.toString()));
        StringBuilder rows = new StringBuilder();
        LocalDateTime first = LocalDateTime.of(2026, 1, 5, 9, 0);
        for (int i = 0; i < events; i++) {
            String zone = ZONES[i % ZONES.length];
            LocalDateTime local = first.plusHours((long) i * 173 % (24 * 500)).withHour(8 + i % 9).withMinute(i % 2 * 30);
            Instant start = local.atZone(ZoneId.of(zone)).toInstant();
            String status = STATUSES[i % STATUSES.length];
            rows.append(id("feed-activity", i)).append('\t').append(id("feed-client", i % FEED_CLIENTS)).append('\t')
                    .append(TYPES[i % TYPES.length]).append('\t').append(local.toLocalDate()).append('\t')
                    .append("Bench meeting ").append(i).append('\t').append(owner).append('\t').append(now).append('\t')
                    .append(status).append('\t').append("Bench meeting ").append(i).append('\t').append(start).append('\t')
                    .append(zone).append('\t').append(60).append('\t').append("[]").append('\t')
                    .append("Agenda: adoption, open tickets, renewal").append('\t').append("\\N").append('\t')
                    .append("HELD".equals(status) ? owner : "\\N").append('\t').append(i % 3).append('\t').append(now).append('\t')
                    .append("F-").append(i).append('\t').append("bench-feed").append('\n');
        }
        copy.copyIn("copy engagement_activity " + COLUMNS + " from stdin", new StringReader(rows.toString()));
        db.commit();
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
            st.execute("analyze engagement_activity");
            st.execute("analyze client_directory");
        }
        line("Feed activities: %,d COPYed in %.1f s.", events, (System.nanoTime() - t0) / 1e9);
        line("");
    }

    // --- bulk import ---

    private void importRows(Connection db, AdminSession leader) throws Exception {
        section("Bulk import of past meetings (issue 14)");
        int total = num("rows");
        int batch = num("batch");
        String run = Long.toString(System.currentTimeMillis(), 36);
        long t0 = System.nanoTime();
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
            st.execute("delete from engagement_activity where external_source like 'bench-import-%' or external_source like 'bench-copy-%'");
            st.execute("delete from rhythm_outbox where sent_at is null and topic = 'calendar.activities.v1'");
            if (count(db, "select count(*) from client_directory where region = 'BENCH-IMPORT'") != IMPORT_CLIENTS) {
                st.execute("delete from client_directory where region = 'BENCH-IMPORT'");
                StringBuilder directory = new StringBuilder();
                for (int c = 0; c < IMPORT_CLIENTS; c++) {
                    directory.append(id("import-client", c)).append('\t').append(String.format(Locale.ROOT, "Import Bench %03d", c))
                            .append("\tBENCH-IMPORT\tHealth\tbench-import-owner\tbench-import-cam\tStandard\tMATURE\t\\N\t\\N\t\\N\t1\t")
                            .append(Instant.now()).append('\n');
                }
                db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy client_directory (client_id, name, region, business_unit, "
                        + "owner_cse, owner_cam, tier, lifecycle_stage, renewal_date, arr_amount, arr_currency, version, updated_at) "
                        + "from stdin", new StringReader(directory.toString()));
            }
            st.execute("vacuum analyze engagement_activity");
        }
        Progress.log(String.format(Locale.ROOT, "earlier bench rows removed in %.1f s", (System.nanoTime() - t0) / 1e9));

        // through the API: calls of `batch` rows, one at a time
        List<Long> callNanos = new ArrayList<>();
        int created = 0;
        int other = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int from = 0; from < total; from += batch) {
            int to = Math.min(total, from + batch);
            ObjectNode request = JSON.createObjectNode().put("source", "bench-import-" + run);
            ArrayNode rows = request.putArray("rows");
            for (int i = from; i < to; i++) {
                Row r = row(i);
                rows.addObject().put("externalId", "MTG-" + run + "-" + i).put("clientId", r.client().toString())
                        .put("meetingType", CRM_TYPES[i % CRM_TYPES.length]).put("subject", r.subject())
                        .put("startTime", r.local().toString()).put("timeZone", r.zone()).put("durationMinutes", 60)
                        .put("organizer", "cse2").put("attendees", "cse2; Jo Citizen <jo" + i % 97 + "@client.example>")
                        .put("notes", r.notes()).put("outcome", r.outcome());
            }
            String body = JSON.writeValueAsString(request);
            leader.token();
            long c0 = System.nanoTime();
            HttpResponse<String> response = leader.call("POST", "/api/v1/calendar/activities/imports", body, CALL);
            callNanos.add(System.nanoTime() - c0);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 200) {
                JsonNode result = JSON.readTree(response.body());
                created += result.path("created").asInt();
                other += result.path("duplicates").asInt() + result.path("rejected").asInt();
            } else {
                Progress.log("import call answered " + response.statusCode() + ": " + RhythmApi.abbreviate(response.body()));
            }
            Progress.log(String.format(Locale.ROOT, "imported %,d/%,d rows", to, total));
        }
        double importSeconds = (System.nanoTime() - started) / 1e9;
        long[] nanos = callNanos.stream().mapToLong(Long::longValue).toArray();
        Stats calls = new Stats(nanos, nanos.length);
        long stored = count(db, "select count(*) from engagement_activity where external_source = 'bench-import-" + run + "'");
        long outbox = count(db, "select count(*) from rhythm_outbox where topic = 'calendar.activities.v1' and sent_at is null");

        // baseline: the same rows, as the import stores them, in one plain COPY into the same table
        StringBuilder copyRows = new StringBuilder();
        String now = Instant.now().toString();
        for (int i = 0; i < total; i++) {
            Row r = row(i);
            Instant start = r.local().atZone(ZoneId.of(r.zone())).toInstant();
            String attendees = "[{\"kind\": \"INTERNAL\", \"username\": \"cse2\"}, {\"kind\": \"CLIENT\", \"name\": \"Jo Citizen\", "
                    + "\"email\": \"jo" + i % 97 + "@client.example\"}]";
            copyRows.append(UUID.randomUUID()).append('\t').append(r.client()).append('\t').append(CRM_CODES[i % CRM_CODES.length])
                    .append('\t').append(r.local().toLocalDate()).append('\t').append(r.subject()).append('\t').append(leader.user())
                    .append('\t').append(now).append("\tHELD\t").append(r.subject()).append('\t').append(start).append('\t')
                    .append(r.zone()).append("\t60\t").append(attendees).append('\t').append(r.notes()).append('\t')
                    .append(r.outcome()).append("\tcse2\t0\t").append(now).append("\tMTG-").append(run).append('-').append(i)
                    .append("\tbench-copy-").append(run).append('\n');
        }
        db.setAutoCommit(false);
        long k0 = System.nanoTime();
        long copied = db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy engagement_activity " + COLUMNS + " from stdin",
                new StringReader(copyRows.toString()));
        db.commit();
        double copySeconds = (System.nanoTime() - k0) / 1e9;
        db.setAutoCommit(true);

        double importRate = created / importSeconds;
        double copyRate = copied / copySeconds;
        line("%,d past meetings of %d bench clients (CRM labels, three time zones, organiser, a client attendee, notes, outcome) "
                + "as `%s`, %d rows a call, one call at a time, straight at the service. Each created row is a HELD activity and an "
                + "EngagementActivityLogged in the outbox in the same transaction. The bench service's outbox relay points at a closed "
                + "port, so the %,d events stay in its own database and never reach the shared Kafka (the relay's publishing is not "
                + "measured).", total, IMPORT_CLIENTS, leader.user(), batch, outbox);
        line("");
        line("| path | rows | seconds | rows/s | ÷ COPY | per call p50 | per call p99 | statuses | result |");
        line("|---|---|---|---|---|---|---|---|---|");
        line("| `POST /api/v1/calendar/activities/imports` | %,d | %.1f | **%s** | **%s** | %s | %s | %s | %,d created, %,d other; "
                        + "%,d stored; %,d outbox events |", total, importSeconds, Stats.num(importRate), Stats.pct(importRate / copyRate),
                Stats.ms(calls.percentile(50)), Stats.ms(calls.percentile(99)), statuses, created, other, stored, outbox);
        line("| baseline: one plain `COPY` of the same rows into `engagement_activity` (JDBC CopyManager, one transaction) "
                + "| %,d | %.1f | %s | 100 %% | | | | |", copied, copySeconds, Stats.num(copyRate));
        line("");
        line("Ratio: the import stores %s rows/s, %.1f× slower than COPY (%s of COPY's rate).", Stats.num(importRate),
                copyRate / Math.max(1e-9, importRate), Stats.pct(importRate / copyRate));
        line("");
    }

    private record Row(UUID client, LocalDateTime local, String zone, String subject, String notes, String outcome) {
    }

    private static Row row(int i) {
        LocalDateTime local = LocalDateTime.of(2025, 12, 1, 8, 0).plusHours((long) i * 7 % (24 * 330)).withHour(8 + i % 9);
        return new Row(id("import-client", i % IMPORT_CLIENTS), local, ZONES[i % ZONES.length], "CRM meeting " + i,
                "Roadmap reviewed; open tickets " + i % 13 + "; adoption " + (40 + i % 60) + " %",
                i % 4 == 0 ? "Renewal at risk: follow-up agreed" : "On track");
    }

    // --- helpers ---

    private void section(String title) {
        report.append("\n#### ").append(title).append("\n\n");
        Progress.log(title);
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static UUID id(String kind, int n) {
        return UUID.nameUUIDFromBytes(("calendar-bench-" + kind + "-" + n).getBytes(StandardCharsets.UTF_8));
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
