package io.rhythm.bench;

import io.rhythm.platform.events.Topics;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Command-line options of {@link NpsBench}: {@code --name value}; see {@link #USAGE}. */
final class NpsOptions {

    static final String USAGE = """
            Usage: java -cp bench/target/rhythm-bench.jar io.rhythm.bench.NpsBench [options]   (run it through bench/run-nps.sh)

            Targets a running `./rhythm up` environment, or with --service one nps-service alone (bench/run-nps.sh);
            every address must be a loopback address.
              --bootstrap H:P          Kafka (127.0.0.1:19092)
              --gateway URL            gateway (http://127.0.0.1:8080)
              --service URL            nps-service alone, no gateway in front: every call goes straight to it (replaces
                                       --gateway and --nps-url)
              --clients-topic T        topic the portfolio is published on, which nps-service's client directory reads
                                       (clients.v1; any other must be a bench scratch topic, bench.…)
              --nps-group G            nps-service's consumer group on that topic, waited for after publishing (rhythm-nps)
              --token-url URL          Keycloak token endpoint (http://127.0.0.1:18080/realms/rhythm/protocol/openid-connect/token)
              --client-id ID --client-secret S   client-credentials client for the import (rhythm-integration / integration-secret)
              --admin-user U --admin-password P  the leader who creates cycles, builds, signs off and freezes lists, sends (admin / rhythm)
              --nps-url URL            nps-service itself, for one untimed-out call when the gateway gives up on the results (http://127.0.0.1:8082)
              --mail-api URL           the mail sink's REST API, where the invitations land (http://127.0.0.1:18025)
              --db-url URL             nps database of env up, for seeding the aggregation (jdbc:postgresql://127.0.0.1:15432/nps);
                                       user --db-user (nps), password from the environment variable RHYTHM_BENCH_DB_PASSWORD
              --phases LIST            comma list of raw,get,setup,import,public,aggregate (all)
              --raw-records N          response-sized records per measured raw Kafka run (300000)
              --raw-runs N             measured raw runs, after one warm-up run of --raw-warmup records (3)
              --raw-warmup N           raw warm-up records (100000)
              --get-seconds S          length of the authenticated-GET baseline (15), with --threads threads
              --clients N              bench clients published on clients.v1 (10000)
              --contacts-per-client N  contacts per client (10); clients × contacts must cover --responses and --public-responses
              --responses N            responses through the HubSpot import (100000)
              --import-threads N       concurrent import calls (2)
              --import-rows N          rows per import call (1000, the endpoint's maximum)
              --public-responses N     responses through the public survey link (10000; the issue's figure is 100000)
              --threads N              concurrent respondents on the public link, and GET-baseline threads (8)
              --stored N               stored responses for the aggregation (1000000)
              --stored-clients N       clients they belong to (10000; at most --clients)
              --aggregate-calls N      measured calls per aggregation query, after 2 warm-up calls (7)
              --submit-budget S        stop submitting import rows / public answers after S seconds and report what was done (none)
              --idle-timeout S         stop waiting for events when none arrives for S seconds (60)
              --phase-timeout S        longest wait for one phase's events or mails (1800)
              --lag-timeout S          longest wait for consumers of clients.v1 to catch up (600)
              --report FILE            write the Markdown section of the results here
            """;

    static final Set<String> PHASES = Set.of("raw", "get", "setup", "import", "public", "aggregate");

    final String bootstrap;
    /** Where every API call goes: the gateway, or nps-service itself with --service. */
    final URI gateway;
    /** True with --service: no gateway in front of nps-service. */
    final boolean direct;
    final String clientsTopic;
    final String npsGroup;
    final URI tokenUrl;
    final String clientId;
    final String clientSecret;
    final String adminUser;
    final String adminPassword;
    final URI mailApi;
    final URI npsUrl;
    final String dbUrl;
    final String dbUser;
    final String dbPassword;
    final Set<String> phases;
    final int rawRecords;
    final int rawRuns;
    final int rawWarmup;
    final int getSeconds;
    final int clients;
    final int contactsPerClient;
    final int responses;
    final int importThreads;
    final int importRows;
    final int publicResponses;
    final int threads;
    final int stored;
    final int storedClients;
    final int aggregateCalls;
    final Duration submitBudget;
    final Duration idleTimeout;
    final Duration phaseTimeout;
    final Duration lagTimeout;
    final Path report;

    private NpsOptions(Map<String, String> m) {
        bootstrap = m.getOrDefault("bootstrap", "127.0.0.1:19092");
        direct = m.containsKey("service");
        if (direct && (m.containsKey("gateway") || m.containsKey("nps-url"))) {
            throw new IllegalArgumentException("--service replaces --gateway and --nps-url: give one or the other");
        }
        gateway = URI.create(stripSlash(direct ? m.get("service") : m.getOrDefault("gateway", "http://127.0.0.1:8080")));
        clientsTopic = m.getOrDefault("clients-topic", Topics.CLIENTS);
        if (!clientsTopic.equals(Topics.CLIENTS) && !clientsTopic.startsWith("bench.")) {
            throw new IllegalArgumentException("--clients-topic must be " + Topics.CLIENTS
                    + " or a bench scratch topic (bench.…), got '" + clientsTopic + "'");
        }
        npsGroup = m.getOrDefault("nps-group", "rhythm-nps");
        tokenUrl = URI.create(m.getOrDefault("token-url", "http://127.0.0.1:18080/realms/rhythm/protocol/openid-connect/token"));
        clientId = m.getOrDefault("client-id", "rhythm-integration");
        clientSecret = m.getOrDefault("client-secret", "integration-secret");
        adminUser = m.getOrDefault("admin-user", "admin");
        adminPassword = m.getOrDefault("admin-password", "rhythm");
        mailApi = URI.create(stripSlash(m.getOrDefault("mail-api", "http://127.0.0.1:18025")));
        npsUrl = direct ? gateway : URI.create(stripSlash(m.getOrDefault("nps-url", "http://127.0.0.1:8082")));
        dbUrl = m.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:15432/nps");
        dbUser = m.getOrDefault("db-user", "nps");
        dbPassword = System.getenv("RHYTHM_BENCH_DB_PASSWORD");
        phases = new LinkedHashSet<>();
        for (String p : m.getOrDefault("phases", "raw,get,setup,import,public,aggregate").split(",")) {
            String phase = p.strip().toLowerCase(Locale.ROOT);
            if (!PHASES.contains(phase)) {
                throw new IllegalArgumentException("unknown phase '" + p + "' (raw, get, setup, import, public, aggregate)");
            }
            phases.add(phase);
        }
        rawRecords = positive(m, "raw-records", 300_000);
        rawRuns = positive(m, "raw-runs", 3);
        rawWarmup = positive(m, "raw-warmup", 100_000);
        getSeconds = positive(m, "get-seconds", 15);
        clients = positive(m, "clients", 10_000);
        contactsPerClient = positive(m, "contacts-per-client", 10);
        responses = positive(m, "responses", 100_000);
        importThreads = positive(m, "import-threads", 2);
        importRows = positive(m, "import-rows", ImportPath.MAX_ROWS);
        if (importRows > ImportPath.MAX_ROWS) {
            throw new IllegalArgumentException("--import-rows must be at most " + ImportPath.MAX_ROWS + " (the endpoint's maximum)");
        }
        publicResponses = positive(m, "public-responses", 10_000);
        threads = positive(m, "threads", 8);
        stored = positive(m, "stored", 1_000_000);
        storedClients = positive(m, "stored-clients", 10_000);
        aggregateCalls = positive(m, "aggregate-calls", 7);
        submitBudget = m.containsKey("submit-budget") ? Duration.ofSeconds(positive(m, "submit-budget", 1)) : null;
        idleTimeout = Duration.ofSeconds(positive(m, "idle-timeout", 60));
        phaseTimeout = Duration.ofSeconds(positive(m, "phase-timeout", 1800));
        lagTimeout = Duration.ofSeconds(positive(m, "lag-timeout", 600));
        report = m.containsKey("report") ? Path.of(m.get("report")) : null;
        long contacts = (long) clients * contactsPerClient;
        if (clients > 99_999) {
            throw new IllegalArgumentException("--clients must be at most 99999 (the clients are named NPS Bench 00001..99999)");
        }
        if (runs("import") && responses > contacts) {
            throw new IllegalArgumentException("--responses " + responses + " needs as many contacts; --clients × --contacts-per-client = " + contacts);
        }
        if (runs("public") && publicResponses > contacts) {
            throw new IllegalArgumentException("--public-responses " + publicResponses + " needs as many contacts; --clients × --contacts-per-client = " + contacts);
        }
        if (publicResponses > 16_000_000) {
            throw new IllegalArgumentException("--public-responses must be at most 16000000 (one loopback address each)");
        }
        if (runs("aggregate") && storedClients > clients) {
            throw new IllegalArgumentException("--stored-clients must be at most --clients");
        }
        if (runs("aggregate") && (dbPassword == null || dbPassword.isBlank())) {
            throw new IllegalArgumentException("the aggregate phase needs the nps database password in RHYTHM_BENCH_DB_PASSWORD "
                    + "(bench/run-nps.sh reads it from .rhythm/up/secrets.env)");
        }
        requireLoopback(bootstrap.substring(0, bootstrap.lastIndexOf(':')), "--bootstrap");
        requireLoopback(gateway.getHost(), "--gateway");
        requireLoopback(tokenUrl.getHost(), "--token-url");
        requireLoopback(mailApi.getHost(), "--mail-api");
        requireLoopback(npsUrl.getHost(), "--nps-url");
        requireLoopback(URI.create(dbUrl.substring("jdbc:".length())).getHost(), "--db-url");
    }

    static NpsOptions parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new Options.HelpRequested();
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + a + "'");
            }
            m.put(a.substring(2), args[++i]);
        }
        return new NpsOptions(m);
    }

    /** How the API was reached, for the report. */
    String via() {
        return direct ? "straight at nps-service (no gateway in front)" : "through the gateway";
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** System.nanoTime() after which no more rows or answers are submitted (Long.MAX_VALUE without a budget). */
    long submitDeadline(long start) {
        return submitBudget == null ? Long.MAX_VALUE : start + submitBudget.toNanos();
    }

    RawKafkaBaseline.Settings raw() {
        return new RawKafkaBaseline.Settings(bootstrap, rawWarmup, rawRecords, rawRuns, phaseTimeout);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static int positive(Map<String, String> m, String key, int def) {
        String s = m.get(key);
        if (s == null) {
            return def;
        }
        try {
            int v = Integer.parseInt(s.replace("_", "").replace(",", ""));
            if (v <= 0) {
                throw new IllegalArgumentException("--" + key + " must be > 0");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + s + "'");
        }
    }

    private static void requireLoopback(String host, String option) {
        try {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            for (InetAddress address : InetAddress.getAllByName(h)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException(option + ": " + host + " is not a loopback address; the bench only "
                            + "targets a local ./rhythm up environment");
                }
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(option + ": unknown host " + host);
        }
    }
}
