package io.rhythm.bench;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Command-line options of {@link HealthBench}: {@code --name value}; see {@link #USAGE}. */
final class Options {

    static final String USAGE = """
            Usage: java -jar bench/target/rhythm-bench.jar [options]     (run it through bench/run-health.sh)

            Targets a running `./rhythm up` environment; every address must be a loopback address.
              --bootstrap H:P          Kafka (127.0.0.1:19092)
              --gateway URL            gateway (http://127.0.0.1:8080)
              --token-url URL          Keycloak token endpoint (http://127.0.0.1:18080/realms/rhythm/protocol/openid-connect/token)
              --client-id ID --client-secret S   client-credentials client (rhythm-integration / integration-secret)
              --signals-topic T        topic the signals go to (signals.ingest.v1); a name starting with "bench." is a scratch
                                       topic nobody consumes, created and deleted by the run (checks the "no event" failure)
              --phases LIST            comma list of raw,clients,e2e,rate,recompute (all)
              --raw-records N          records per measured raw run (1000000)
              --raw-runs N             measured raw runs, after one warm-up run of --raw-warmup records (3)
              --raw-warmup N           raw warm-up records (500000)
              --clients N              clients created through the bulk endpoint (10000)
              --signals N              signals in the end-to-end throughput run (100000; the issue's figure is 1000000)
              --warmup-per-client N    un-measured signals per client before the e2e runs (1)
              --rate N                 fixed rate of the latency run, signals/s (5000)
              --rate-seconds N         length of the latency run (30)
              --recompute-clients N    portfolio size for the full recompute (100000)
              --admin-user U --admin-password P  who activates the model version of the recompute (admin / rhythm)
              --health-db URL          health-service's database, where the recompute portfolio is seeded
                                       (jdbc:postgresql://127.0.0.1:15432/health; user health, password $RHYTHM_DB_PASSWORD)
              --first-event-timeout S  fail when no HealthScoreChanged arrives within S seconds of the first signal (60)
              --idle-timeout S         stop waiting when no new event arrives for S seconds (60)
              --phase-timeout S        longest wait for the events of one run (1800)
              --lag-timeout S          longest wait for consumers to catch up between runs (180)
              --report FILE            write the Markdown section of the results here
            """;

    final String bootstrap;
    final URI gateway;
    final URI tokenUrl;
    final String clientId;
    final String clientSecret;
    final String signalsTopic;
    final Set<String> phases;
    final int rawRecords;
    final int rawRuns;
    final int rawWarmup;
    final int clients;
    final int signals;
    final int warmupPerClient;
    final int rate;
    final int rateSeconds;
    final int recomputeClients;
    final String adminUser;
    final String adminPassword;
    final String healthDb;
    final Duration firstEventTimeout;
    final Duration idleTimeout;
    final Duration phaseTimeout;
    final Duration lagTimeout;
    final Path report;

    private Options(Map<String, String> m) {
        bootstrap = m.getOrDefault("bootstrap", "127.0.0.1:19092");
        gateway = URI.create(stripSlash(m.getOrDefault("gateway", "http://127.0.0.1:8080")));
        tokenUrl = URI.create(m.getOrDefault("token-url", "http://127.0.0.1:18080/realms/rhythm/protocol/openid-connect/token"));
        clientId = m.getOrDefault("client-id", "rhythm-integration");
        clientSecret = m.getOrDefault("client-secret", "integration-secret");
        signalsTopic = m.getOrDefault("signals-topic", "signals.ingest.v1");
        if (!signalsTopic.equals("signals.ingest.v1") && !signalsTopic.matches("bench\\.[a-z0-9._-]+")) {
            throw new IllegalArgumentException("--signals-topic must be signals.ingest.v1 or a scratch topic bench.<name>");
        }
        phases = new LinkedHashSet<>();
        for (String p : m.getOrDefault("phases", "raw,clients,e2e,rate,recompute").split(",")) {
            String phase = p.strip().toLowerCase(Locale.ROOT);
            if (!Set.of("raw", "clients", "e2e", "rate", "recompute").contains(phase)) {
                throw new IllegalArgumentException("unknown phase '" + p + "' (raw, clients, e2e, rate, recompute)");
            }
            phases.add(phase);
        }
        rawRecords = positive(m, "raw-records", 1_000_000);
        rawRuns = positive(m, "raw-runs", 3);
        rawWarmup = positive(m, "raw-warmup", 500_000);
        clients = positive(m, "clients", 10_000);
        signals = positive(m, "signals", 100_000);
        warmupPerClient = nonNegative(m, "warmup-per-client", 1);
        rate = positive(m, "rate", 5_000);
        rateSeconds = positive(m, "rate-seconds", 30);
        recomputeClients = positive(m, "recompute-clients", 100_000);
        adminUser = m.getOrDefault("admin-user", "admin");
        adminPassword = m.getOrDefault("admin-password", "rhythm");
        healthDb = m.getOrDefault("health-db", "jdbc:postgresql://127.0.0.1:15432/health");
        firstEventTimeout = Duration.ofSeconds(positive(m, "first-event-timeout", 60));
        idleTimeout = Duration.ofSeconds(positive(m, "idle-timeout", 60));
        phaseTimeout = Duration.ofSeconds(positive(m, "phase-timeout", 1800));
        lagTimeout = Duration.ofSeconds(positive(m, "lag-timeout", 180));
        report = m.containsKey("report") ? Path.of(m.get("report")) : null;
        if (clients > 99_999) {
            throw new IllegalArgumentException("--clients must be at most 99999 (the bulk rows are named Bench 00001..99999)");
        }
        requireLoopback(bootstrap.substring(0, bootstrap.lastIndexOf(':')), "--bootstrap");
        requireLoopback(gateway.getHost(), "--gateway");
        requireLoopback(tokenUrl.getHost(), "--token-url");
    }

    static Options parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new HelpRequested();
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + a + "'");
            }
            m.put(a.substring(2), args[++i]);
        }
        return new Options(m);
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static int positive(Map<String, String> m, String key, int def) {
        int v = nonNegative(m, key, def);
        if (v == 0) {
            throw new IllegalArgumentException("--" + key + " must be > 0");
        }
        return v;
    }

    private static int nonNegative(Map<String, String> m, String key, int def) {
        String s = m.get(key);
        if (s == null) {
            return def;
        }
        try {
            int v = Integer.parseInt(s.replace("_", ""));
            if (v < 0) {
                throw new IllegalArgumentException("--" + key + " must be >= 0");
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
