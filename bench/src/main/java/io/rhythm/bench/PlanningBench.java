package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * planning-service benchmark (issues 12 and 13), each figure beside a baseline measured in the same run:
 * <ol>
 *   <li><b>metrics</b>: {@code GET /api/v1/plans/metrics} over {@code --clients} plans and {@code --opportunities}
 *       opportunities (p50/p99 as a leader, who sees all of them, and as a CSE), next to the same aggregate as one SQL
 *       statement over JDBC;</li>
 *   <li><b>workflows</b>: {@code GET /api/v1/workflows?overdue=true} (first page) and the work list
 *       {@code GET /api/v1/workflows/my-steps} over {@code --instances} running instances, next to the overdue page and
 *       its steps as one SQL statement;</li>
 *   <li><b>readiness</b>: {@code POST /api/v1/readiness/assessments} of the whole portfolio ({@code --clients} clients),
 *       next to its facts query alone;</li>
 *   <li><b>throughput</b>: {@code --throughput} workflows started ({@code POST /api/v1/workflows}) and their first step
 *       completed, one caller, next to the cheapest authenticated read ({@code GET /api/v1/readiness/framework}).</li>
 * </ol>
 * The portfolio is written straight into the planning database with COPY (the figures are of reading it, not of
 * loading it); a later run with the same sizes reuses it.
 */
public final class PlanningBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL = Duration.ofSeconds(120);
    private static final String QBR_TEMPLATE = "6f1c2a8e-0001-4c3b-9a51-000000000001";
    private static final String[] CSES = {"cse", "cse2", "cse3"};
    private static final String[] STAGES = {"PROSPECTING", "QUALIFIED", "PROPOSAL", "NEGOTIATION", "COMMITTED", "PROSPECTING",
            "QUALIFIED", "PROPOSAL", "CLOSED_WON", "CLOSED_LOST"};
    private static final int[] PROBABILITIES = {10, 25, 50, 75, 90, 10, 25, 50, 100, 0};
    private static final String[] TYPES = {"UPSELL", "CROSS_SELL", "NEW_MODULE", "RENEWAL", "SERVICES"};

    record Timing(String label, int calls, List<Integer> statuses, Stats latency, String check) {
    }

    private final Map<String, String> o;
    private final StringBuilder report = new StringBuilder();

    private PlanningBench(Map<String, String> options) {
        this.o = options;
    }

    public static void main(String[] args) throws Exception {
        Optional<Map<String, String>> options = ServiceBenchArgs.parse(args, Map.of("clients", "10000", "opportunities", "100000",
                "instances", "10000",
                "calls", "30", "throughput", "300", "phases", "metrics,workflows,readiness,throughput",
                "user", "admin", "cse", "cse", "password", "rhythm"),
                """
                        PlanningBench --service URL --token-url URL --db-url JDBC [--db-user planning] [--report FILE]
                          [--clients 10000] [--opportunities 100000] [--instances 10000] [--calls 30] [--throughput 300]
                          [--phases metrics,workflows,readiness,throughput] [--user admin] [--cse cse] [--password rhythm]
                        The database password comes from RHYTHM_BENCH_DB_PASSWORD.""");
        if (options.isPresent()) {
            new PlanningBench(options.get()).run();
        }
    }

    private int num(String key) {
        return Integer.parseInt(o.get(key));
    }

    private void run() throws Exception {
        URI service = URI.create(o.get("service"));
        RhythmApi api = new RhythmApi(service, URI.create(o.get("token-url")), "unused", "unused");
        AdminSession leader = new AdminSession(api, o.get("user"), o.get("password"));
        AdminSession cse = new AdminSession(api, o.get("cse"), o.get("password"));
        Set<String> phases = Set.of(o.get("phases").split(","));
        int clients = num("clients");
        try (Connection db = DriverManager.getConnection(o.get("db-url"), o.getOrDefault("db-user", "planning"),
                System.getenv().getOrDefault("RHYTHM_BENCH_DB_PASSWORD", "rhythm"))) {
            seed(db, clients, num("opportunities"), num("instances"));
            if (phases.contains("metrics")) {
                metrics(db, leader, cse);
            }
            if (phases.contains("workflows")) {
                workflows(db, leader, cse);
            }
            if (phases.contains("readiness")) {
                readiness(db, leader);
            }
            if (phases.contains("throughput")) {
                throughput(leader, cse);
            }
        }
        String out = report.toString();
        if (o.containsKey("report")) {
            Files.writeString(Path.of(o.get("report")), out, StandardCharsets.UTF_8);
        }
        System.out.println(out);
    }

    // --- the portfolio ---

    private void seed(Connection db, int clients, int opportunities, int instances) throws Exception {
        long have = count(db, "select count(*) from client_directory where region = 'BENCH'");
        long opps = count(db, "select count(*) from plan_opportunity o join client_directory d on d.client_id = o.client_id "
                + "where d.region = 'BENCH'");
        long running = count(db, "select count(*) from workflow_instance where started_by = 'bench-seed'");
        if (have == clients && opps == opportunities && running == instances) {
            Progress.log(String.format(Locale.ROOT, "bench portfolio present: %,d clients, %,d opportunities, %,d running workflows: reused",
                    have, opps, running));
            line("Portfolio: reused (%,d clients, %,d opportunities, %,d running workflows already in the database).", have, opps, running);
            return;
        }
        long t0 = System.nanoTime();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            String bench = "(select client_id from client_directory where region = 'BENCH')";
            s.execute("delete from workflow_step where instance_id in (select id from workflow_instance where client_id in " + bench + ")");
            s.execute("delete from workflow_instance where client_id in " + bench);
            s.execute("delete from plan_risk_history where risk_id in (select id from plan_risk where client_id in " + bench + ")");
            s.execute("delete from plan_risk where client_id in " + bench);
            s.execute("delete from plan_opportunity_stage where opportunity_id in (select id from plan_opportunity where client_id in "
                    + bench + ")");
            s.execute("delete from plan_opportunity where client_id in " + bench);
            s.execute("delete from account_plan where client_id in " + bench);
            s.execute("delete from client_directory where region = 'BENCH'");
        }
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String now = Instant.now().toString();
        StringBuilder directory = new StringBuilder();
        StringBuilder plans = new StringBuilder();
        StringBuilder opp = new StringBuilder();
        StringBuilder stages = new StringBuilder();
        StringBuilder risks = new StringBuilder();
        StringBuilder history = new StringBuilder();
        int perClient = Math.max(1, opportunities / clients);
        for (int i = 0; i < clients; i++) {
            UUID client = id("client", i);
            UUID plan = id("plan", i);
            String owner = CSES[i % CSES.length];
            long arr = 100_000L + (i % 50) * 10_000L;
            directory.append(client).append('\t').append(String.format(Locale.ROOT, "Bench %05d", i)).append("\tBENCH\tHealth\t")
                    .append(owner).append("\tcam\t").append(i % 10 == 0 ? "Strategic" : i % 3 == 0 ? "Growth" : "Standard")
                    .append("\tMATURE\t").append(today.plusDays(i % 365)).append('\t').append(arr).append(".00\tAUD\t1\t").append(now).append('\n');
            plans.append(plan).append('\t').append(client).append("\tFY26\tBench plan\t").append(owner).append('\t').append(now)
                    .append('\t').append(now).append("\t0\tAUD\t").append(arr).append(".00\n");
            for (int k = 0; k < perClient && (long) i * perClient + k < opportunities; k++) {
                int n = i * perClient + k;
                UUID id = id("opportunity", n);
                String stage = STAGES[n % STAGES.length];
                boolean closed = stage.startsWith("CLOSED");
                opp.append(id).append('\t').append(plan).append('\t').append(client).append("\tOpportunity ").append(n).append('\t')
                        .append(TYPES[n % TYPES.length]).append('\t').append(10_000 + (n % 97) * 1_000).append(".00\tAUD\t").append(stage)
                        .append('\t').append(PROBABILITIES[n % PROBABILITIES.length]).append('\t').append(today.plusDays(30 + n % 300))
                        .append('\t').append(owner).append('\t').append(closed ? "bench" : "\\N").append('\t')
                        .append(closed ? today.toString() : "\\N").append("\t0\t").append(now).append('\n');
                stages.append(id).append("\t1\t").append(stage).append('\t').append(PROBABILITIES[n % PROBABILITIES.length])
                        .append("\tbench\t").append(now).append('\n');
            }
            for (int r = 0; r < 2; r++) {
                UUID risk = id("risk", i * 2 + r);
                String status = r == 0 ? "CONFIRMED" : "AT_RISK";
                String fy = "FY20" + (26 + (i + r) % 3);
                long amount = 5_000L + (i % 20) * 1_000L;
                risks.append(risk).append('\t').append(plan).append('\t').append(client).append("\tBench risk\t").append(amount)
                        .append(".00\tAUD\t").append(fy).append('\t').append(status).append('\t').append(r == 0 ? 100 : 30)
                        .append('\t').append(owner).append("\t0\t").append(now).append('\n');
                history.append(risk).append("\t1\t").append(status).append('\t').append(r == 0 ? 100 : 30).append('\t').append(amount)
                        .append(".00\tAUD\t").append(fy).append("\tbench\t").append(now).append('\n');
            }
        }
        copy(copy, "client_directory (client_id, name, region, business_unit, owner_cse, owner_cam, tier, lifecycle_stage, "
                + "renewal_date, arr_amount, arr_currency, version, updated_at)", directory);
        copy(copy, "account_plan (id, client_id, fiscal_year, title, owner, created_at, updated_at, version, currency, "
                + "maintenance_revenue)", plans);
        copy(copy, "plan_opportunity (id, plan_id, client_id, name, type, value_amount, currency, stage, probability, "
                + "expected_close, owner, close_reason, closed_on, version, created_at)", opp);
        copy(copy, "plan_opportunity_stage (opportunity_id, seq, stage, probability, changed_by, changed_at)", stages);
        copy(copy, "plan_risk (id, plan_id, client_id, description, amount, currency, fiscal_year, status, probability, owner, "
                + "version, created_at)", risks);
        copy(copy, "plan_risk_history (risk_id, seq, status, probability, amount, currency, fiscal_year, changed_by, changed_at)",
                history);
        StringBuilder inst = new StringBuilder();
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < instances; i++) {
            UUID id = id("workflow", i);
            UUID client = id("client", i % clients);
            inst.append(id).append('\t').append(client).append('\t').append(QBR_TEMPLATE).append("\tRUNNING\t1\tMANUAL\tbench-seed\t")
                    .append(Instant.now().minusSeconds(86_400L * (i % 30)).toString()).append('\n');
            for (int p = 1; p <= 6; p++) {
                // step 1 active, due from 10 days ago to 9 days ahead: half the portfolio is overdue
                steps.append(id).append('\t').append(p).append('\t').append(p == 1 ? "ACTIVE" : "PENDING").append('\t')
                        .append(p == 1 ? today.minusDays(10).plusDays(i % 20).toString() : "\\N").append('\n');
            }
        }
        copy(copy, "workflow_instance (id, client_id, template_id, status, active_position, trigger_kind, started_by, started_at)", inst);
        copy(copy, "workflow_step (instance_id, position, status, due_on)", steps);
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("vacuum (analyze) client_directory, account_plan, plan_opportunity, plan_opportunity_stage, plan_risk, "
                    + "plan_risk_history, workflow_instance, workflow_step");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Progress.log(String.format(Locale.ROOT, "seeded %,d clients, %,d opportunities, %,d risks, %,d running workflows in %.1f s",
                clients, opportunities, clients * 2, instances, seconds));
        line("Portfolio: seeded straight into the planning database with COPY in %.1f s: %,d clients (owners cse/cse2/cse3 in "
                        + "turn), one FY26 plan each, %,d opportunities (10 per plan, 8 of 10 open), %,d risks, %,d running QBR "
                        + "workflows (step 1 active, half of them overdue).", seconds, clients, opportunities, clients * 2, instances);
    }

    // --- phases ---

    private void metrics(Connection db, AdminSession leader, AdminSession cse) throws Exception {
        section("Portfolio metrics (issue 12)");
        int calls = num("calls");
        Timing all = time(leader, "GET /api/v1/plans/metrics as " + leader.user() + " (every plan)", "/api/v1/plans/metrics", calls,
                body -> "weighted pipeline " + body.path("weightedPipeline").path("amount").asText() + ", " + body.path("plans").asInt()
                        + " plans, " + body.path("openOpportunities").asInt() + " open opportunities, " + body.path("byClient").size()
                        + " clients in byClient (default top 20) of " + body.path("byClientTotal").asInt() + " with pipeline");
        Timing own = time(cse, "GET /api/v1/plans/metrics as " + cse.user() + " (own third)", "/api/v1/plans/metrics", calls,
                body -> body.path("plans").asInt() + " plans");
        Timing asOf = time(leader, "GET /api/v1/plans/metrics?asOf=<yesterday> as " + leader.user() + " (stage and risk history)",
                "/api/v1/plans/metrics?asOf=" + LocalDate.now(ZoneOffset.UTC).minusDays(1), calls,
                body -> "historical=" + body.path("historical").asBoolean());
        Timing clients = time(leader, "GET /api/v1/plans/metrics/clients (first page of 50) as " + leader.user(),
                "/api/v1/plans/metrics/clients?limit=50", calls, body -> body.path("items").size() + " clients, first "
                        + body.path("items").path(0).path("weightedPipeline").path("amount").asText());
        // the answer's shape: the top 20 clients by weighted pipeline (then id) with the count of clients, not every client
        String sql = """
                with opp as (select o.client_id, o.owner, o.value_amount v, o.probability pr, o.stage from account_plan p
                             join client_directory d on d.client_id = p.client_id join plan_opportunity o on o.plan_id = p.id
                             where o.currency = 'AUD'),
                     open as (select * from opp where stage not in ('CLOSED_WON', 'CLOSED_LOST')),
                     risk as (select r.fiscal_year, r.status, r.amount, r.probability from account_plan p
                              join client_directory d on d.client_id = p.client_id join plan_risk r on r.plan_id = p.id
                              where r.currency = 'AUD')
                (select 'client', client_id::text, w, v, count(*) over () from (select client_id, sum(v * pr / 100) w,
                          sum(v) v from open group by client_id) c order by w desc, client_id limit 20)
                union all select 'owner', owner, sum(v * pr / 100), sum(v), count(*) from open group by owner
                union all select 'total', null, sum(v * pr / 100), sum(v), count(*) from open
                union all select 'won', null, sum(v), sum(v), count(*) from opp where stage = 'CLOSED_WON'
                union all select 'risk ' || status, fiscal_year, sum(amount), sum(amount * probability / 100), count(*)
                          from risk where status <> 'MITIGATED' group by status, fiscal_year
                union all select 'maintenance', p.fiscal_year, sum(p.maintenance_revenue), null, count(*) from account_plan p
                          join client_directory d on d.client_id = p.client_id group by p.fiscal_year""";
        Stats baseline = sqlTimes(db, sql, calls);
        table(List.of(all, own, asOf, clients), baseline, "the same aggregate as one SQL statement over JDBC (the top 20 "
                + "clients with the count of clients, rows per owner, total, won, risks per status and label, maintenance per year)");
        target("portfolio metrics over the portfolio, p99 < 300 ms", all.latency().percentile(99), 300);
    }

    private void workflows(Connection db, AdminSession leader, AdminSession cse) throws Exception {
        section("Workflows: overdue list and work list (issue 13)");
        int calls = num("calls");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Timing overdue = time(leader, "GET /api/v1/workflows?overdue=true (first page of 50) as " + leader.user(),
                "/api/v1/workflows?overdue=true&limit=50", calls, body -> body.path("items").size() + " workflow summaries on the page, "
                        + "first active step due " + body.path("items").path(0).path("activeStep").path("dueOn").asText() + ", overdue "
                        + body.path("items").path(0).path("activeStep").path("overdue").asBoolean());
        Timing overdueCse = time(cse, "GET /api/v1/workflows?overdue=true (first page of 50) as " + cse.user(),
                "/api/v1/workflows?overdue=true&limit=50", calls, body -> body.path("items").size() + " workflows");
        Timing work = time(leader, "GET /api/v1/workflows/my-steps (first page of 50) as " + leader.user(),
                "/api/v1/workflows/my-steps?limit=50", calls, body -> body.path("items").size() + " steps, first due "
                        + body.path("items").path(0).path("dueOn").asText());
        Timing workCse = time(cse, "GET /api/v1/workflows/my-steps (first page of 50) as " + cse.user(),
                "/api/v1/workflows/my-steps?limit=50", calls, body -> body.path("items").size() + " steps");
        String sql = """
                with page as (select i.id, i.started_at from workflow_instance i join client_directory d on d.client_id = i.client_id
                              join workflow_template t on t.id = i.template_id
                              where exists (select 1 from workflow_step s where s.instance_id = i.id and s.status = 'ACTIVE'
                                            and s.due_on < '%s')
                              order by i.started_at desc, i.id desc limit 50)
                select i.*, d.name, s.* from page p join workflow_instance i on i.id = p.id
                join client_directory d on d.client_id = i.client_id
                left join workflow_step s on s.instance_id = i.id and s.position = i.active_position
                order by p.started_at desc, p.id desc""".formatted(today);
        Stats baseline = sqlTimes(db, sql, calls);
        table(List.of(overdue, overdueCse, work, workCse), baseline, "the overdue page (50 workflows) with client name and "
                + "active step as one SQL statement over JDBC");
        long running = count(db, "select count(*) from workflow_instance where status = 'RUNNING'");
        line("Running workflows in the database: %,d.", running);
        target("list of overdue steps over " + String.format(Locale.ROOT, "%,d", running) + " running instances, p99 < 200 ms",
                overdue.latency().percentile(99), 200);
    }

    private void readiness(Connection db, AdminSession leader) throws Exception {
        section("Readiness assessment (issue 13)");
        int runs = Math.max(3, num("calls") / 6);
        List<Integer> statuses = new ArrayList<>();
        long[] nanos = new long[runs];
        String check = null;
        for (int i = -1; i < runs; i++) {
            leader.token();
            long t0 = System.nanoTime();
            HttpResponse<String> r = leader.call("POST", "/api/v1/readiness/assessments", "{\"scope\": \"PORTFOLIO\"}", CALL);
            long t = System.nanoTime() - t0;
            statuses.add(r.statusCode());
            if (i >= 0) {
                nanos[i] = t;
            }
            if (r.statusCode() == 201 && check == null) {
                JsonNode body = JSON.readTree(r.body());
                check = body.path("clientCount").asInt() + " clients, overall " + body.path("executiveSummary").path("overall")
                        .path("maturity").asText() + ", PDF not included";
            }
        }
        Timing assessment = new Timing("POST /api/v1/readiness/assessments (PORTFOLIO) as " + leader.user(), runs, statuses,
                new Stats(nanos, runs), check);
        String facts = """
                select d.client_id, d.name, d.tier, d.owner_cse, d.owner_cam, d.renewal_date, d.arr_amount, d.arr_currency,
                       h.band, h.score,
                       (select count(*) from account_plan p where p.client_id = d.client_id),
                       (select count(*) from contact_directory c where c.client_id = d.client_id and c.active),
                       (select count(*) from workflow_instance i join workflow_template t on t.id = i.template_id
                            where i.client_id = d.client_id and t.template_key = 'qbr' and i.status = 'COMPLETED'),
                       (select count(*) from plan_opportunity o where o.client_id = d.client_id
                            and o.type in ('UPSELL', 'CROSS_SELL', 'NEW_MODULE') and o.stage <> 'CLOSED_LOST')
                from client_directory d left join readiness_client_health h on h.client_id = d.client_id
                order by d.arr_amount desc nulls last, d.name, d.client_id""";
        Stats baseline = sqlTimes(db, facts, runs);
        table(List.of(assessment), baseline, "the assessment's per-client facts query alone over JDBC (no issues, contacts, "
                + "retention, snapshot or storing)");
        target("readiness assessment of " + String.format(Locale.ROOT, "%,d",
                count(db, "select count(*) from client_directory")) + " clients generated in < 5 s (median)",
                assessment.latency().percentile(50), 5_000);
    }

    private void throughput(AdminSession leader, AdminSession cse) throws Exception {
        section("Workflow throughput (issue 13)");
        int n = num("throughput");
        String clientId = id("client", 0).toString(); // owned by cse
        long[] starts = new long[n];
        long[] completions = new long[n];
        List<String> ids = new ArrayList<>();
        int failures = 0;
        cse.token();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            HttpResponse<String> r = cse.call("POST", "/api/v1/workflows", "{\"clientId\": \"" + clientId + "\", \"templateKey\": \"qbr\"}",
                    CALL);
            starts[i] = System.nanoTime() - s;
            if (r.statusCode() == 201) {
                ids.add(JSON.readTree(r.body()).path("id").asText());
            } else {
                failures++;
            }
        }
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        String form = "{\"formData\": {\"renewalDate\": \"2027-06-30\", \"annualRecurringRevenue\": 578000, "
                + "\"keyWinsThisQuarter\": \"Bench\"}}";
        int done = 0;
        for (String id : ids) {
            long s = System.nanoTime();
            HttpResponse<String> r = cse.call("POST", "/api/v1/workflows/" + id + "/steps/1/completion", form, CALL);
            completions[done++] = System.nanoTime() - s;
            if (r.statusCode() != 200) {
                failures++;
            }
        }
        double completeSeconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        long[] reads = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            cse.call("GET", "/api/v1/readiness/framework", null, CALL);
            reads[i] = System.nanoTime() - s;
        }
        double readSeconds = (System.nanoTime() - t2) / 1e9;
        double baseline = n / readSeconds;
        Stats st = new Stats(starts, n);
        Stats sc = new Stats(completions, done);
        Stats sr = new Stats(reads, n);
        line("One caller (%s), one request at a time; %d failures.", cse.user(), failures);
        line("");
        line("| operation | per second | p50 | p99 | ÷ baseline |");
        line("|---|---|---|---|---|");
        line("| start a QBR (`POST /api/v1/workflows`: instance, 6 steps, WorkflowStarted in the outbox) | %s | %s | %s | %s |",
                Stats.num(n / startSeconds), Stats.ms(st.percentile(50)), Stats.ms(st.percentile(99)), Stats.pct(n / startSeconds / baseline));
        line("| complete its step 1 form (validation, record, WorkflowStepCompleted) | %s | %s | %s | %s |",
                Stats.num(done / completeSeconds), Stats.ms(sc.percentile(50)), Stats.ms(sc.percentile(99)),
                Stats.pct(done / completeSeconds / baseline));
        line("| baseline: `GET /api/v1/readiness/framework` (static, authenticated) | %s | %s | %s | 100 %% |",
                Stats.num(baseline), Stats.ms(sr.percentile(50)), Stats.ms(sr.percentile(99)));
    }

    // --- measuring ---

    interface Check {
        String of(JsonNode body);
    }

    private Timing time(AdminSession who, String label, String path, int calls, Check check) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        long[] nanos = new long[calls];
        String seen = null;
        for (int i = -3; i < calls; i++) {
            who.token();
            long t0 = System.nanoTime();
            HttpResponse<String> r = who.call("GET", path, null, CALL);
            long t = System.nanoTime() - t0;
            statuses.add(r.statusCode());
            if (i >= 0) {
                nanos[i] = t;
            }
            if (r.statusCode() == 200 && seen == null) {
                seen = check.of(JSON.readTree(r.body()));
            } else if (r.statusCode() != 200 && seen == null) {
                seen = "status " + r.statusCode() + ": " + RhythmApi.abbreviate(r.body());
            }
        }
        Progress.log(label + ": p99 " + Stats.ms(new Stats(nanos, calls).percentile(99)));
        return new Timing(label, calls, statuses, new Stats(nanos, calls), seen);
    }

    private static Stats sqlTimes(Connection db, String sql, int calls) throws SQLException {
        long[] nanos = new long[calls];
        for (int i = -3; i < calls; i++) {
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

    private void table(List<Timing> timings, Stats baseline, String what) {
        line("| call | calls | p50 | p99 | max | p50 ÷ baseline p50 | statuses | what came back |");
        line("|---|---|---|---|---|---|---|---|");
        for (Timing t : timings) {
            Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
            t.statuses().forEach(s -> byStatus.merge(s, 1, Integer::sum));
            line("| %s | %d | %s | **%s** | %s | %.1f× | %s | %s |", t.label(), t.calls(), Stats.ms(t.latency().percentile(50)),
                    Stats.ms(t.latency().percentile(99)), Stats.ms(t.latency().max()),
                    (double) t.latency().percentile(50) / Math.max(1, baseline.percentile(50)), byStatus, t.check());
        }
        line("| baseline: %s | %d | %s | %s | %s | 1.0× | | |", what, baseline.count, Stats.ms(baseline.percentile(50)),
                Stats.ms(baseline.percentile(99)), Stats.ms(baseline.max()));
        line("");
    }

    private void target(String what, long nanos, long limitMs) {
        line("Target: %s — measured %s: **%s**.", what, Stats.ms(nanos), nanos / 1e6 < limitMs ? "met" : "not met");
        line("");
    }

    private void section(String title) {
        report.append("\n#### ").append(title).append("\n\n");
        Progress.log(title);
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    // --- helpers ---

    private static UUID id(String kind, int n) {
        return UUID.nameUUIDFromBytes(("planning-bench-" + kind + "-" + n).getBytes(StandardCharsets.UTF_8));
    }

    private static void copy(CopyManager copy, String table, StringBuilder rows) throws SQLException, IOException {
        copy.copyIn("copy " + table + " from stdin", new StringReader(rows.toString()));
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
