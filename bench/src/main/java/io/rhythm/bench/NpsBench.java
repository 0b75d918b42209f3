package io.rhythm.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.AppInfoParser;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The nps-service benchmark of issue 5, against a running {@code ./rhythm up} environment, or ({@code --service}) against
 * one nps-service alone that bench/run-nps.sh starts on the shared test infrastructure:
 * <ol>
 *   <li>baselines measured in the same run: raw Kafka produce/consume of response-sized records
 *       ({@link RawKafkaBaseline}) and the cheapest authenticated GET through the gateway ({@link GetBaseline});</li>
 *   <li>set-up: the bench portfolio on {@code clients.v1} ({@link NpsPortfolio}), until the consumers caught up;</li>
 *   <li>N responses through the HubSpot import ({@link ImportPath});</li>
 *   <li>N responses through the public survey link, tokens read from the mail sink ({@link PublicPath});</li>
 *   <li>NPS aggregation over 1,000,000 stored responses ({@link AggregationBench}).</li>
 * </ol>
 * Latencies run from the submission to the {@code SurveyResponseSubmitted} on nps.responses.v1 ({@link ResponseEvents}).
 * Writes a Markdown section ({@code --report}); bench/run-nps.sh appends it to bench/RESULTS.md with the machine
 * facts. Exit status 0 when every requested phase ran (targets met or not), 1 when one failed, 64 for bad options.
 */
public final class NpsBench {

    static final String RUN_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now());
    static final long TARGET_AGGREGATION_NANOS = 1_000_000_000L;

    private final NpsOptions o;
    private final NpsPortfolio portfolio;
    private final List<String> failures = new ArrayList<>();
    private RawKafkaBaseline.Result raw;
    private double rawRecordBytes;
    private GetBaseline.Result get;
    private String setupNote;
    private Map<String, Long> clientsLag;
    private ImportPath.Result imported;
    private PublicPath.Result answered;
    private AggregationBench.Result aggregation;
    private long duplicates = -1;
    private long invalid = -1;
    private String invalidExample;

    private NpsBench(NpsOptions o) {
        this.o = o;
        this.portfolio = new NpsPortfolio(o.clients, o.contactsPerClient);
    }

    public static void main(String[] args) throws Exception {
        NpsOptions options;
        try {
            options = NpsOptions.parse(args);
        } catch (Options.HelpRequested e) {
            System.out.print(NpsOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("rhythm-bench (nps): " + e.getMessage());
            System.err.print(NpsOptions.USAGE);
            System.exit(64);
            return;
        }
        NpsBench bench = new NpsBench(options);
        bench.run();
        String section = bench.markdown();
        if (options.report != null) {
            Files.writeString(options.report, section);
            Progress.log("results section written to " + options.report);
        } else {
            System.out.println(section);
        }
        System.exit(bench.failures.isEmpty() ? 0 : 1);
    }

    private void run() {
        RhythmApi api = new RhythmApi(o.gateway, o.tokenUrl, o.clientId, o.clientSecret);
        AdminSession admin = new AdminSession(api, o.adminUser, o.adminPassword);
        if (o.runs("raw")) {
            Progress.log("== raw Kafka baseline: " + o.rawRuns + " × " + num(o.rawRecords) + " response-sized records to " + RawKafkaBaseline.TOPIC);
            try {
                ResponseRecords records = new ResponseRecords(o.clients);
                raw = new RawKafkaBaseline(o.raw(), records).run();
                rawRecordBytes = raw.avgValueBytes();
            } catch (Exception e) {
                fail("raw baseline", e);
            }
        }
        if (o.runs("get")) {
            Progress.log("== GET baseline: " + o.threads + " threads × " + o.getSeconds + " s of GET " + GetBaseline.PATH);
            try {
                get = GetBaseline.run(admin, o.threads, o.getSeconds);
            } catch (Exception e) {
                fail("GET baseline", e);
            }
        }
        if (o.runs("setup")) {
            Progress.log("== set-up: " + num(o.clients) + " clients × " + o.contactsPerClient + " contacts on " + o.clientsTopic);
            try {
                setup();
            } catch (Exception e) {
                fail("set-up", e);
            }
        }
        if (o.runs("import") || o.runs("public")) {
            try (ResponseEvents events = new ResponseEvents(o.bootstrap)) {
                try {
                    if (o.runs("import")) {
                        Progress.log("== import: " + num(o.responses) + " responses through the HubSpot import");
                        imported = ImportPath.run(o, api, admin, portfolio, events);
                        if (imported.failure() != null && !imported.failure().startsWith("stopped after the submit budget")) {
                            failures.add("import: " + imported.failure());
                        }
                    }
                } catch (Exception e) {
                    fail("import", e);
                }
                try {
                    if (o.runs("public")) {
                        Progress.log("== public link: " + num(o.publicResponses) + " responses through /api/v1/surveys/respond/{token}");
                        answered = PublicPath.run(o, admin, portfolio, events);
                        if (answered.failure() != null && !answered.failure().startsWith("stopped after the submit budget")) {
                            failures.add("public link: " + answered.failure());
                        }
                    }
                } catch (Exception e) {
                    fail("public link", e);
                }
                duplicates = events.duplicates();
                invalid = events.invalid();
                invalidExample = events.firstProblem();
            } catch (Exception e) {
                fail("listener on nps.responses.v1", e);
            }
        }
        if (o.runs("aggregate")) {
            Progress.log("== aggregation over " + num(o.stored) + " stored responses of " + num(o.storedClients) + " clients");
            try {
                aggregation = AggregationBench.run(o, api, admin, new AdminSession(api, "cse", o.adminPassword));
            } catch (Exception e) {
                fail("aggregation", e);
            }
        }
    }

    /**
     * Publishes the portfolio unless nps-service already has all of it; then waits until nps-service's consumer group
     * has caught up (the other services' groups are reported, not waited for).
     */
    private void setup() throws Exception {
        long clientsKnown = -1;
        long contactsKnown = -1;
        if (o.dbPassword != null && !o.dbPassword.isBlank()) {
            try (Connection db = DriverManager.getConnection(o.dbUrl, o.dbUser, o.dbPassword)) {
                clientsKnown = count(db, "select count(*) from client_directory where client_id = any(?) and version >= " + NpsPortfolio.VERSION,
                        ids(true));
                contactsKnown = count(db, "select count(*) from contact_directory where contact_id = any(?) and version >= " + NpsPortfolio.VERSION,
                        ids(false));
            }
        }
        if (clientsKnown == o.clients && contactsKnown == portfolio.contacts()) {
            setupNote = String.format(Locale.ROOT, "nps-service already knew all %s clients and %s contacts (an earlier run published "
                    + "them): nothing published", num(o.clients), num(portfolio.contacts()));
            Progress.log(setupNote);
            return; // nothing to wait for (with --service the topic is a fresh scratch topic nobody has read yet)
        } else {
            NpsPortfolio.Published p = portfolio.publish(o.bootstrap, o.clientsTopic);
            setupNote = String.format(Locale.ROOT, "published %s ClientUpserted + %s ContactUpserted (each checked against its schema) "
                            + "on %s in %.1f s%s", num(p.clients()), num(p.contacts()), o.clientsTopic, p.seconds(),
                    clientsKnown < 0 ? "" : " (nps-service knew " + num(clientsKnown) + " clients and " + num(contactsKnown) + " contacts before)");
        }
        long t0 = System.nanoTime();
        try (Admin kafka = KafkaSupport.admin(o.bootstrap)) {
            clientsLag = KafkaSupport.awaitCaughtUp(kafka, o.clientsTopic, o.lagTimeout, o.npsGroup::equals);
            // a group that has not committed yet is not listed: wait for it to appear too
            while (!clientsLag.containsKey(o.npsGroup) && System.nanoTime() - t0 < o.lagTimeout.toNanos()) {
                Thread.sleep(500);
                clientsLag = KafkaSupport.awaitCaughtUp(kafka, o.clientsTopic, o.lagTimeout, o.npsGroup::equals);
            }
        }
        Long npsLag = clientsLag.get(o.npsGroup);
        if (npsLag == null || npsLag > 0) {
            throw new IllegalStateException("nps-service's consumer group " + o.npsGroup + " did not catch up on " + o.clientsTopic
                    + " within " + o.lagTimeout.toSeconds() + " s: lag " + clientsLag);
        }
        setupNote += String.format(Locale.ROOT, "; nps-service's consumer group %s caught up after %.1f s more (lag of every group on "
                + "%s then: %s)", o.npsGroup, (System.nanoTime() - t0) / 1e9, o.clientsTopic, clientsLag);
        Progress.log(setupNote);
    }

    private UUID[] ids(boolean clients) {
        UUID[] ids = new UUID[clients ? o.clients : portfolio.contacts()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = clients ? NpsPortfolio.clientId(i) : portfolio.contactId(i);
        }
        return ids;
    }

    private static long count(Connection db, String sql, UUID[] ids) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setArray(1, db.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void fail(String phase, Exception e) {
        String d = describe(e);
        failures.add(phase + ": " + d);
        Progress.log(phase + " FAILED: " + d);
    }

    // ---------------------------------------------------------------- report

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("#### Set-up\n\n");
        md.append("- Bench JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs visible; Kafka client `kafka-clients ")
                .append(AppInfoParser.getVersion()).append("`. Run stamp ").append(RUN_STAMP).append(" UTC (in the cycle names).\n");
        if (o.runs("raw")) {
            md.append("- Raw Kafka baseline: plain `KafkaProducer` (`acks=all`, client defaults) → scratch topic `").append(RawKafkaBaseline.TOPIC)
                    .append("` (").append(RawKafkaBaseline.PARTITIONS).append(" partitions like nps.responses.v1, created and deleted by the run), ")
                    .append("records shaped like a SurveyResponseSubmitted payload, key = client id")
                    .append(raw == null ? "" : String.format(Locale.ROOT, " (%.0f bytes of JSON on average; the real events also carry ~250 bytes of CloudEvents headers)", rawRecordBytes))
                    .append("; one warm-up run of ").append(num(o.rawWarmup)).append(", then ").append(o.rawRuns).append(" × ")
                    .append(num(o.rawRecords)).append("; each consume run is a fresh plain `KafkaConsumer` reading the topic from the start. Medians.\n");
        }
        if (o.runs("get")) {
            md.append("- GET baseline: `GET ").append(GetBaseline.PATH).append("` ").append(o.via()).append(" as `").append(o.adminUser)
                    .append(o.direct ? "` (bearer token checked by nps-service, one indexed row), "
                            : "` (bearer token checked by the gateway and by nps-service, one indexed row), ").append(o.threads)
                    .append(" threads back to back for ").append(o.getSeconds).append(" s after 3 s of warm-up (`java.net.http.HttpClient`, keep-alive).\n");
        }
        if (o.runs("setup")) {
            md.append("- Portfolio: ").append(num(o.clients)).append(" clients `NPS Bench 00001`… × ").append(o.contactsPerClient)
                    .append(" contacts (`r00001-01@").append(NpsPortfolio.EMAIL_DOMAIN).append("`…), ids derived from names, published by the bench ")
                    .append("as ClientUpserted/ContactUpserted CloudEvents on ").append(o.clientsTopic).append(" (the bench plays the client registry); ")
                    .append("5 business units, owner CSE cse/cse2/cse3, 3 tiers, 20 revenue steps.\n");
        }
        if (o.runs("import")) {
            md.append("- Import: a new cycle per run; ").append(num(o.responses)).append(" rows (`hs_survey_type` NPS, `hs_value`, `hs_response_group`, ")
                    .append("`hs_content` on 3 rows in 5 with phrases of the seeds' themes, `hs_submission_timestamp`, `email` of one bench contact each) ")
                    .append("in calls of ").append(num(o.importRows)).append(o.importRows == ImportPath.MAX_ROWS ? " rows (the endpoint's maximum), " : " rows, ").append(o.importThreads)
                    .append(" calls at a time, integration client's token. Latency = receipt of the row's SurveyResponseSubmitted ")
                    .append("(matched by cycle and contact) minus the start / the return of its call, both in this JVM.\n");
        }
        if (o.runs("public")) {
            md.append("- Public link: a new cycle per run; recipient lists built (`?clientId=` per bench client), signed off by `")
                    .append(o.adminUser).append("` and frozen; invitations sent over SMTP into the mail sink, each e-mail's link read ")
                    .append("through the sink's REST API and the mailbox deleted; then ").append(o.threads).append(" respondents at a time, ")
                    .append("**each from its own loopback address** (127.c.b.a; the gateway forwards the peer address as ")
                    .append("`X-Forwarded-For`, which the per-address rate limit counts), open their link (GET) and answer it (POST: ")
                    .append("score, comment on 3 in 5) over one fresh connection. Latency = receipt of the SurveyResponseSubmitted ")
                    .append("(matched by cycle and contact) minus the moment the POST was written. The rate limit itself is left ")
                    .append("as configured (10 requests a minute per address and per link); one address's view of it is probed first.\n");
        }
        if (o.runs("aggregate")) {
            md.append("- Aggregation: ").append(num(o.stored)).append(" responses of ").append(num(o.storedClients))
                    .append(" bench clients (with ").append(num(o.stored + o.stored / 4)).append(" invitations, so the response rate is computed too) ")
                    .append("COPYed into the nps database in a cycle of their own (kept for later runs); `GET /api/v1/nps/cycles/{id}/results` ")
                    .append("timed from this JVM ").append(o.via()).append(": 2 warm-up calls, then ").append(o.aggregateCalls).append(" measured.\n");
        }
        md.append('\n');

        md.append("#### Figures\n\n| measurement | result |\n|---|---|\n");
        if (raw != null) {
            md.append("| raw produce, records/s (median of ").append(raw.runs()).append(") | **").append(num(raw.produce())).append("** (runs: ")
                    .append(list(raw.produceRates())).append(") |\n");
            md.append("| raw consume, records/s (median of ").append(raw.runs()).append(") | **").append(num(raw.consume())).append("** (runs: ")
                    .append(list(raw.consumeRates())).append(") |\n");
        }
        if (get != null) {
            md.append("| GET baseline, requests/s (").append(get.threads()).append(" threads) | **").append(num(get.perSecond())).append("**; p50 ")
                    .append(Stats.ms(get.latency().percentile(50))).append(", p99 ").append(Stats.ms(get.latency().percentile(99)))
                    .append("; statuses ").append(get.statuses()).append(" |\n");
        }
        if (setupNote != null) {
            md.append("| set-up | ").append(esc(setupNote)).append(" |\n");
        }
        if (imported != null) {
            ImportPath.Result r = imported;
            md.append(String.format(Locale.ROOT, "| **import, responses/s** | **%s** (%s imported in %.1f s of calls; %d call(s)%s; row statuses %s) |\n",
                    num(r.rowsPerSecond()), num(r.imported()), r.callsSeconds(), r.calls(),
                    r.callsTimedOut() == 0 ? "" : ", " + r.callsTimedOut() + " of them outlived the gateway's 30 s timeout (nps-service went on importing; "
                            + "their rows are counted by their events, and the rate runs to the last event)", r.statuses()));
            md.append(String.format(Locale.ROOT, "| import, responses with their event/s | %s (first call → last event %.1f s; %s events, %s missing) |\n",
                    num(r.eventsPerSecond()), r.wallSeconds(), num(r.events()), num(r.missing())));
            md.append("| **import latency, call start → event** | p50 ").append(Stats.ms(r.fromCallStart().percentile(50))).append(", **p99 ")
                    .append(Stats.ms(r.fromCallStart().percentile(99))).append("**, max ").append(Stats.ms(r.fromCallStart().max()))
                    .append(" (a call imports its rows one after the other, each in its own transaction) |\n");
            md.append("| import latency, call return → event | p50 ").append(signedMs(r.fromCallReturn().percentile(50))).append(", p99 ")
                    .append(signedMs(r.fromCallReturn().percentile(99))).append(", max ").append(signedMs(r.fromCallReturn().max()))
                    .append(" (negative: the event came before the call returned) |\n");
            md.append("| import call of ").append(num(o.importRows)).append(" rows | p50 ").append(Stats.ms(r.callLatency().percentile(50))).append(", p99 ")
                    .append(Stats.ms(r.callLatency().percentile(99))).append(" |\n");
            if (raw != null) {
                md.append("| import ÷ raw Kafka (produce / consume) | ").append(Stats.pct(r.rowsPerSecond() / raw.produce())).append(" / ")
                        .append(Stats.pct(r.rowsPerSecond() / raw.consume())).append(" |\n");
            }
            if (get != null) {
                md.append("| import rows/s ÷ GET baseline requests/s | ").append(Stats.pct(r.rowsPerSecond() / get.perSecond())).append(" |\n");
            }
            if (r.failure() != null) {
                md.append("| import | **incomplete: ").append(esc(r.failure())).append("** |\n");
            }
        }
        if (answered != null) {
            PublicPath.Result r = answered;
            PublicPath.Setup s = r.setup();
            md.append("| rate limit seen from one address (12 GETs of an unknown link) | ").append(r.limitProbe()).append(" |\n");
            md.append(String.format(Locale.ROOT, "| public link set-up | %s clients' lists built + signed off + frozen in %.1f s (%s recipients); "
                            + "invitations sent and read back in %.1f s: %s e-mails read from the sink (%s/s), %s without a link (%d send call%s%s%s) |\n",
                    num(s.clients()), s.listSeconds(), num(s.recipients()), s.sendSeconds(), num(s.mails()), num(s.mails() / s.sendSeconds()),
                    num(s.mailsWithoutToken()), s.sendCalls(), s.sendCalls() == 1 ? "" : "s",
                    s.sendNote().isEmpty() ? "" : "; " + esc(s.sendNote()),
                    s.sendNote().isEmpty() ? "; invited according to the calls: " + num(s.invited()) : ""));
            md.append(String.format(Locale.ROOT, "| **public link, responses/s** | **%s** (%s answered in %.1f s by %d concurrent respondents; GET statuses %s, POST statuses %s; -1 = no link was read for that respondent) |\n",
                    num(r.answersPerSecond()), num(r.answered()), r.answerSeconds(), o.threads, r.getStatuses(), r.postStatuses()));
            md.append("| **public link latency, POST → event** | p50 ").append(Stats.ms(r.latency().percentile(50))).append(", **p99 ")
                    .append(Stats.ms(r.latency().percentile(99))).append("**, max ").append(Stats.ms(r.latency().max()))
                    .append(String.format(Locale.ROOT, " (%s events, %s missing) |\n", num(r.events()), num(r.missing())));
            md.append("| public link HTTP: GET question / POST answer | p50 ").append(Stats.ms(r.getLatency().percentile(50))).append(" / ")
                    .append(Stats.ms(r.postLatency().percentile(50))).append(", p99 ").append(Stats.ms(r.getLatency().percentile(99)))
                    .append(" / ").append(Stats.ms(r.postLatency().percentile(99))).append(" |\n");
            if (get != null) {
                md.append("| public answers/s ÷ GET baseline requests/s (each answer is 2 requests) | ")
                        .append(Stats.pct(r.answersPerSecond() / get.perSecond())).append(" |\n");
            }
            if (r.failure() != null) {
                md.append("| public link | **incomplete: ").append(esc(r.failure())).append("** |\n");
            }
        }
        if (duplicates >= 0) {
            md.append("| duplicate SurveyResponseSubmitted / events failing their schema | ").append(num(duplicates)).append(" / ")
                    .append(num(invalid)).append(invalidExample == null ? "" : " (" + esc(invalidExample) + ")").append(" |\n");
        }
        if (aggregation != null) {
            AggregationBench.Result a = aggregation;
            md.append(String.format(Locale.ROOT, "| aggregation data | cycle %s: %s responses, %s invitations, %s clients; %s |\n", a.cycleId(),
                    num(a.stored()), num(a.invited()), num(a.clients()),
                    a.loaded() ? String.format(Locale.ROOT, "loaded with COPY in %.1f s", a.loadSeconds()) : "loaded by an earlier run"));
            for (AggregationBench.Query q : a.queries()) {
                md.append("| **results, ").append(esc(q.label())).append("** | median **").append(q.calls() == 0 ? "n/a" : Stats.ms(q.latency().percentile(50)))
                        .append("**, p99 ").append(Stats.ms(q.latency().percentile(99))).append(", max ").append(Stats.ms(q.latency().max()))
                        .append(" of ").append(q.calls()).append(" calls; statuses ").append(q.statuses()).append("; ")
                        .append(num(q.bytes())).append(" bytes; ").append(esc(q.check())).append(" |\n");
            }
            md.append("| groupBy | ").append(esc(a.groupByNote())).append(" |\n");
            md.append(String.format(Locale.ROOT, "| the endpoint's reads, from this JVM over JDBC (median of 3) | every response row (`select client_id, score … "
                            + "where cycle_id = ?`, as CycleResults reads them): %,.0f ms; the same grouped in SQL (`… group by client_id, score`): %,.0f ms; "
                            + "%s single-client directory lookups (as CycleResults makes, one per client): %,.0f ms |\n",
                    a.jdbcFetchMs(), a.jdbcGroupedMs(), num(a.clients()), a.directoryLookupsMs()));
        }
        for (String f : failures) {
            md.append("| FAILED | ").append(esc(f)).append(" |\n");
        }

        md.append("\n#### Targets (issue 5)\n\n| target | measured | met |\n|---|---|---|\n");
        if (imported != null) {
            md.append("| 100,000 responses through the import; responses/s and p99 response → SurveyResponseSubmitted | ")
                    .append(num(imported.imported())).append(" imported, ").append(num(imported.rowsPerSecond())).append("/s, p99 ")
                    .append(Stats.ms(imported.fromCallStart().percentile(99))).append(" from call start | ")
                    .append(imported.imported() >= 100_000 ? "measured at full size" : "— (reduced size)").append(" (no numeric target) |\n");
        }
        if (answered != null) {
            md.append("| 100,000 responses through the public endpoint; responses/s and p99 | ").append(num(answered.answered()))
                    .append(" answered, ").append(num(answered.answersPerSecond())).append("/s, p99 ")
                    .append(Stats.ms(answered.latency().percentile(99))).append(" | ")
                    .append(answered.answered() >= 100_000 ? "measured at full size" : "— (reduced size: " + num(o.publicResponses) + ")")
                    .append(" (no numeric target) |\n");
        }
        if (aggregation != null) {
            for (AggregationBench.Query q : aggregation.queries()) {
                long median = q.latency().percentile(50);
                boolean allOk = q.statuses().stream().allMatch(s -> s == 200);
                md.append("| NPS aggregation over ").append(num(aggregation.stored())).append(" stored responses < 1 s: ")
                        .append(esc(q.label())).append(" | median ").append(Stats.ms(median)).append(", p99 ")
                        .append(Stats.ms(q.latency().percentile(99))).append(" | ")
                        .append(!allOk ? "**no** (errors)" : aggregation.stored() < 1_000_000 ? "— (fewer than 1,000,000)"
                                : q.latency().percentile(99) < TARGET_AGGREGATION_NANOS ? "**yes**" : "**no**").append(" |\n");
            }
        } else if (o.runs("aggregate")) {
            md.append("| NPS aggregation over 1,000,000 stored responses < 1 s | not measured | — |\n");
        }
        if (aggregation != null) {
            md.append("\nEXPLAIN (ANALYZE, BUFFERS) of the results endpoint's query, `select client_id, score from survey_response where cycle_id = ?`:\n\n```\n")
                    .append(String.join("\n", aggregation.plan())).append("\n```\n\nThe same grouped in SQL, `select client_id, score, count(*) … group by client_id, score`:\n\n```\n")
                    .append(String.join("\n", aggregation.sqlAggregatePlan())).append("\n```\n\nThe grouped query with a covering index `(cycle_id, client_id, score)` "
                            + "(built in a transaction that was rolled back):\n\n```\n")
                    .append(String.join("\n", aggregation.coveringIndexPlan())).append("\n```\n");
        }
        return md.toString();
    }

    private static String signedMs(long nanos) {
        return String.format(Locale.ROOT, "%,.1f ms", nanos / 1e6);
    }

    private static String list(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(num(v));
        }
        return String.join(", ", out);
    }

    private static String num(double v) {
        return Stats.num(v);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) {
            msg += " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        System.err.println(trace);
        return msg;
    }

    /** Raw-baseline records shaped like a SurveyResponseSubmitted payload, keyed by one of {@code clients} client ids. */
    static final class ResponseRecords implements RawKafkaBaseline.Records {
        private final String[] clients;
        private final String cycle = UUID.randomUUID().toString();

        ResponseRecords(int clients) {
            this.clients = new String[clients];
            for (int i = 0; i < clients; i++) {
                this.clients[i] = NpsPortfolio.clientId(i).toString();
            }
        }

        @Override
        public String[] next(long seq) {
            String client = clients[(int) (seq % clients.length)];
            int score = Answers.score(seq);
            String value = "{\"responseId\":\"" + UUID.randomUUID() + "\",\"cycleId\":\"" + cycle + "\",\"clientId\":\"" + client
                    + "\",\"contactId\":\"" + UUID.randomUUID() + "\",\"score\":" + score + ",\"category\":\"" + Answers.category(score)
                    + "\",\"themes\":[\"PRODUCT_PERCEPTION\"],\"sentiment\":{\"score\":-0.25,\"label\":\"NEGATIVE\"},\"channel\":\"IMPORT\","
                    + "\"respondedAt\":\"" + Instant.now() + "\"}";
            return new String[] {client, value};
        }
    }
}
