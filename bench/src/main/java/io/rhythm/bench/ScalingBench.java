package io.rhythm.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The scaling experiment of issue 16: 1, 2 and 3 instances of health-service in one consumer group
 * ({@code rhythm-health}) on the 6-partition {@code signals.ingest.v1}. For each instance count it shows how the
 * group spread the partitions over the instances, sends {@code --signals} signals as fast as the producer goes and
 * measures signals/s to their HealthScoreChanged ({@link EndToEnd}), CPU and RSS of every instance, and CPU of
 * PostgreSQL and the Kafka broker; then checks in health-service's database that every signal was stored exactly
 * once (observations per event id), that no signal produced two scores, that the outbox is drained and that the
 * group has no lag. A last step stops one instance in the middle of a run (a rebalance under load) and checks the
 * same. Run through bench/run-scaling.sh, which holds the test infrastructure's locks and resets the database.
 *
 * <p>Exit status 0 when every step ran and every check held, 1 otherwise, 64 for bad options.
 */
public final class ScalingBench {

    static final String GROUP = "rhythm-health";
    static final String SIGNALS = "signals.ingest.v1";
    static final String USAGE = """
            Usage: java -cp bench/target/rhythm-bench.jar io.rhythm.bench.ScalingBench [options]   (run it through bench/run-scaling.sh)
              --jar PATH             health-service/target/quarkus-app/quarkus-run.jar (required)
              --java PATH            java binary for the instances (this JVM's)
              --jvm-options "..."    JVM options of every instance (-Xms307m -Xmx537m: the pod's 40 %/70 % of 768 MiB)
              --work-dir DIR         working directories and logs of the instances (required)
              --bootstrap H:P        Kafka (127.0.0.1:29092)
              --db URL               health-service's database (jdbc:postgresql://127.0.0.1:25432/health; user health,
                                     password $RHYTHM_DB_PASSWORD)
              --ports LIST           one HTTP port per instance (28301,28302,28303); their count is the largest step
              --clients N            clients seeded in the database (10000)
              --warmup N             un-measured signals before the first step (20000)
              --signals N            signals per step (100000)
              --rebalance yes|no     last step: stop one instance in the middle of a run (yes)
              --kill-after S         seconds into that step when the instance is stopped (3)
              --pg-pid-file F        PostgreSQL postmaster pid file, for its CPU (optional)
              --kafka-pid-file F     Kafka broker pid file, for its CPU (optional)
              --skip-bench-events yes|no   afterwards, move idle consumer groups of health.scores.v1 past the events this
                                     run produced (yes; the test infrastructure is shared: see bench/README.md)
              --report FILE          write the Markdown section here
            """;

    record Assignment(Map<String, List<Integer>> partitionsByInstance, String state, boolean complete) {
        String describe() {
            return partitionsByInstance.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .collect(Collectors.joining(" · "));
        }
    }

    record DbCheck(long sent, long observed, long distinctObserved, long scores, long triggersScoredTwice, long unsentOutbox) {
        boolean ok() {
            return observed == sent && distinctObserved == sent && triggersScoredTwice == 0 && unsentOutbox == 0;
        }
    }

    record Step(String name, int instances, Assignment before, Assignment after, EndToEnd.Run run, double wallSeconds,
                Map<String, Double> cpuSecondsByInstance, Map<String, long[]> rssKibByInstance, double pgCpuSeconds,
                double kafkaCpuSeconds, double machineBusySeconds, long lagAfter, long duplicateEvents, DbCheck db, long walBytes,
                long dbGrowthBytes, String note) {

        double healthCpuSeconds() {
            return cpuSecondsByInstance.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        boolean ok() {
            return run.failure() == null && lagAfter == 0 && duplicateEvents == 0 && db.ok();
        }
    }

    private final Map<String, String> args;
    private final Options options;
    private final Path jar;
    private final Path java;
    private final List<String> jvmOptions;
    private final Path workDir;
    private final String db;
    private final String dbPassword;
    private final List<Integer> ports;
    private final int clients;
    private final int warmup;
    private final int signals;
    private final boolean rebalance;
    private final int killAfter;
    private final long pgPid;
    private final long kafkaPid;
    private final List<HealthInstance> running = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String failure;

    private ScalingBench(Map<String, String> a) {
        this.args = a;
        this.jar = Path.of(required(a, "jar"));
        this.workDir = Path.of(required(a, "work-dir"));
        this.java = Path.of(a.getOrDefault("java", ProcessHandle.current().info().command().orElse("java")));
        this.jvmOptions = List.of(a.getOrDefault("jvm-options", "-Xms307m -Xmx537m").trim().split("\\s+"));
        this.db = a.getOrDefault("db", "jdbc:postgresql://127.0.0.1:25432/health");
        this.dbPassword = System.getenv().getOrDefault("RHYTHM_DB_PASSWORD", "rhythm-test");
        this.ports = new ArrayList<>();
        for (String p : a.getOrDefault("ports", "28301,28302,28303").split(",")) {
            ports.add(Integer.parseInt(p.strip()));
        }
        this.clients = Integer.parseInt(a.getOrDefault("clients", "10000"));
        this.warmup = Integer.parseInt(a.getOrDefault("warmup", "20000"));
        this.signals = Integer.parseInt(a.getOrDefault("signals", "100000"));
        this.rebalance = a.getOrDefault("rebalance", "yes").equals("yes");
        this.killAfter = Integer.parseInt(a.getOrDefault("kill-after", "3"));
        this.pgPid = a.containsKey("pg-pid-file") ? ProcStats.pidFrom(Path.of(a.get("pg-pid-file"))) : -1;
        this.kafkaPid = a.containsKey("kafka-pid-file") ? ProcStats.pidFrom(Path.of(a.get("kafka-pid-file"))) : -1;
        if (clients < 1 || signals < 1 || warmup < 0 || ports.isEmpty()) {
            throw new IllegalArgumentException("--clients and --signals must be > 0, --ports must name at least one port");
        }
        this.options = Options.parse(new String[]{"--bootstrap", a.getOrDefault("bootstrap", "127.0.0.1:29092"),
                "--first-event-timeout", "120", "--idle-timeout", "60", "--phase-timeout", "900", "--lag-timeout", "300"});
        if (!db.startsWith("jdbc:postgresql://127.0.0.1:") && !db.startsWith("jdbc:postgresql://localhost:")) {
            throw new IllegalArgumentException("--db must be a loopback address");
        }
    }

    public static void main(String[] argv) throws Exception {
        ScalingBench bench;
        try {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < argv.length; i++) {
                if (argv[i].equals("-h") || argv[i].equals("--help")) {
                    System.out.print(USAGE);
                    return;
                }
                if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                    throw new IllegalArgumentException("expected --name value, got '" + argv[i] + "'");
                }
                a.put(argv[i].substring(2), argv[++i]);
            }
            bench = new ScalingBench(a);
        } catch (IllegalArgumentException e) {
            System.err.println("rhythm-bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(64);
            return;
        }
        boolean ok = bench.run();
        String section = bench.markdown();
        if (bench.args.containsKey("report")) {
            Files.writeString(Path.of(bench.args.get("report")), section);
            Progress.log("results section written to " + bench.args.get("report"));
        } else {
            System.out.println(section);
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean run() {
        Map<TopicPartition, Long> scoresStart = null;
        try (Admin admin = KafkaSupport.admin(options.bootstrap)) {
            scoresStart = KafkaSupport.endOffsets(admin, KafkaSupport.partitions(admin, EndToEnd.SCORES_TOPIC));
            try {
                experiment(admin);
            } catch (Exception e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                Progress.log("experiment FAILED: " + failure);
            } finally {
                stopAll();
                if (!"no".equals(args.get("skip-bench-events"))) {
                    skipBenchEvents(admin, scoresStart);
                }
            }
        } catch (Exception e) {
            failure = failure != null ? failure : e.getClass().getSimpleName() + ": " + e.getMessage();
            Progress.log("FAILED: " + failure);
            stopAll();
        }
        return failure == null && !steps.isEmpty() && steps.stream().allMatch(Step::ok);
    }

    private void experiment(Admin admin) throws Exception {
        startInstance(1);
        String[] ids = seedClients();
        Map<String, Long> left = KafkaSupport.awaitCaughtUp(admin, SIGNALS, options.lagTimeout, GROUP::equals);
        Progress.log("backlog on " + SIGNALS + " before the run: " + left);
        long capacity = (long) warmup + (long) signals * (ports.size() + (rebalance ? 1 : 0)) + 1;
        try (EndToEnd e2e = new EndToEnd(options, ids, capacity)) {
            if (warmup > 0) {
                Assignment a = awaitAssignment(admin);
                Progress.log("== warm-up: " + Stats.num(warmup) + " signals, not measured (" + a.describe() + ")");
                EndToEnd.Run w = e2e.flood("warm-up", warmup, Duration.ofSeconds(30));
                notes.add(String.format(Locale.ROOT, "Warm-up (not measured): %s signals on 1 instance, %s got their event, %s/s.",
                        Stats.num(warmup), Stats.num(w.matched()), Stats.num(w.throughput())));
            }
            for (int k = 1; k <= ports.size(); k++) {
                if (k > 1) {
                    startInstance(k);
                }
                steps.add(step(admin, e2e, k + (k == 1 ? " instance" : " instances"), null));
            }
            if (rebalance && running.size() > 1) {
                HealthInstance leaving = running.getLast();
                ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
                try {
                    timer.schedule(() -> {
                        Progress.log("stopping " + leaving.name + " (SIGTERM) in the middle of the run");
                        leaving.stop(Duration.ofSeconds(30));
                        return null;
                    }, killAfter, TimeUnit.SECONDS);
                    steps.add(step(admin, e2e, running.size() + " → " + (running.size() - 1) + " instances during the run",
                            leaving.name + " stopped (SIGTERM) " + killAfter + " s into the run: the group rebalanced under load"));
                } finally {
                    timer.shutdown();
                    timer.awaitTermination(60, TimeUnit.SECONDS);
                }
            }
        }
    }

    private void startInstance(int k) throws Exception {
        HealthInstance instance = HealthInstance.start("health-" + k, ports.get(k - 1), java, jar, jvmOptions, workDir.resolve("health-" + k));
        running.add(instance);
        instance.awaitReady(Duration.ofSeconds(240));
    }

    private Step step(Admin admin, EndToEnd e2e, String name, String note) throws Exception {
        Assignment before = awaitAssignment(admin);
        Progress.log("== " + name + ": " + Stats.num(signals) + " signals; partitions " + before.describe());
        long dupBefore = e2e.duplicates();
        List<HealthInstance> measured = List.copyOf(running);
        Map<String, Long> cpu0 = new LinkedHashMap<>();
        measured.forEach(i -> cpu0.put(i.name, ProcStats.cpuTicks(i.pid())));
        long pg0 = pgPid > 0 ? ProcStats.treeCpuTicks(pgPid) : -1;
        long kafka0 = kafkaPid > 0 ? ProcStats.cpuTicks(kafkaPid) : -1;
        long busy0 = ProcStats.machineBusyTicks();
        long[] storage0 = storage();
        Map<String, long[]> peakRss = new LinkedHashMap<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> measured.forEach(i -> {
            long[] r = ProcStats.rssKib(i.pid());
            peakRss.merge(i.name, r, (x, y) -> new long[]{Math.max(x[0], y[0]), Math.max(x[1], y[1])});
        }), 0, 250, TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        EndToEnd.Run run;
        Map<String, Long> lag;
        try {
            run = e2e.flood(name, signals);
            lag = KafkaSupport.awaitCaughtUp(admin, SIGNALS, Duration.ofSeconds(120), GROUP::equals);
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, long[]> rss = new LinkedHashMap<>();
        for (HealthInstance i : measured) {
            long c1 = ProcStats.cpuTicks(i.pid());
            // an instance stopped during the step: its CPU up to the end is unknown (the process is gone)
            cpu.put(i.name, c1 < 0 ? Double.NaN : (c1 - cpu0.get(i.name)) / (double) ProcStats.TICKS_PER_SECOND);
            rss.put(i.name, peakRss.getOrDefault(i.name, new long[]{-1, -1}));
        }
        double pg = pgPid > 0 ? (ProcStats.treeCpuTicks(pgPid) - pg0) / (double) ProcStats.TICKS_PER_SECOND : Double.NaN;
        double kafka = kafkaPid > 0 ? (ProcStats.cpuTicks(kafkaPid) - kafka0) / (double) ProcStats.TICKS_PER_SECOND : Double.NaN;
        double busy = (ProcStats.machineBusyTicks() - busy0) / (double) ProcStats.TICKS_PER_SECOND;
        long[] storage1 = storage();
        Assignment after = awaitAssignment(admin);
        DbCheck check = dbCheck(e2e);
        Step s = new Step(name, measured.size(), before, after, run, wall, cpu, rss, pg, kafka, busy, KafkaSupport.total(lag),
                e2e.duplicates() - dupBefore, check, storage1[0] - storage0[0], storage1[1] - storage0[1], note);
        Progress.log(String.format(Locale.ROOT, "%s: %s signals/s; health-service CPU %.1f s; observed %,d of %,d sent, "
                        + "%,d signals scored twice, %,d outbox rows unsent, lag %d, duplicate events %d → %s", name,
                Stats.num(run.throughput()), s.healthCpuSeconds(), check.observed(), check.sent(), check.triggersScoredTwice(),
                check.unsentOutbox(), s.lagAfter(), s.duplicateEvents(), s.ok() ? "OK" : "CHECK FAILED"));
        return s;
    }

    /**
     * Waits (bounded) until the group is stable with every running instance's signal consumer holding at least one
     * partition of signals.ingest.v1 and every partition held by exactly one of them; returns what it saw last.
     */
    private Assignment awaitAssignment(Admin admin) throws Exception {
        int partitions = KafkaSupport.partitions(admin, SIGNALS).size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Assignment last;
        do {
            ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP).get(30, TimeUnit.SECONDS);
            Map<String, List<Integer>> byInstance = new TreeMap<>();
            int held = 0;
            TreeSet<Integer> distinct = new TreeSet<>();
            for (MemberDescription m : g.members()) {
                List<Integer> mine = m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(SIGNALS))
                        .map(TopicPartition::partition).sorted().toList();
                if (!mine.isEmpty()) {
                    String instance = m.clientId().endsWith("-signals") ? m.clientId().substring(0, m.clientId().length() - 8) : m.clientId();
                    byInstance.merge(instance, mine, (x, y) -> { List<Integer> u = new ArrayList<>(x); u.addAll(y); u.sort(null); return u; });
                    held += mine.size();
                    distinct.addAll(mine);
                }
            }
            boolean complete = g.groupState() == GroupState.STABLE && held == partitions && distinct.size() == partitions
                    && byInstance.keySet().equals(running.stream().filter(HealthInstance::alive).map(i -> i.name)
                    .collect(Collectors.toCollection(TreeSet::new)));
            last = new Assignment(byInstance, g.groupState().toString(), complete);
            if (complete) {
                return last;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        Progress.log("group " + GROUP + " not settled within 120 s: " + last);
        return last;
    }

    /**
     * {WAL position in bytes, size of the health database in bytes}: the WAL is the whole cluster's (other test runs
     * write too, so the per-signal figure is an upper bound), the size is health-service's database only.
     */
    private long[] storage() throws Exception {
        try (Connection c = DriverManager.getConnection(db, "health", dbPassword)) {
            return longs(c, "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, pg_database_size(current_database())");
        }
    }

    /** Seeds {@code --clients} clients "Scaling 00001"… straight into health-service's database (idempotent). */
    private String[] seedClients() throws Exception {
        try (Connection c = DriverManager.getConnection(db, "health", dbPassword)) {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into client (id, name, region, owner_cse, owner_cam, lifecycle_stage)
                    select md5('rhythm-bench-scaling-' || n)::uuid, 'Scaling ' || lpad(n::text, 5, '0'), 'APAC', 'cse', 'cam', 'MATURE'
                    from generate_series(1, ?) n on conflict (id) do nothing""")) {
                insert.setInt(1, clients);
                Progress.log(String.format(Locale.ROOT, "seeded %,d clients (%,d new) in %s", clients, insert.executeUpdate(), db));
            }
            List<String> ids = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "select md5('rhythm-bench-scaling-' || n)::uuid::text from generate_series(1, ?) n order by n")) {
                q.setInt(1, clients);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            return ids.toArray(String[]::new);
        }
    }

    /** Cumulative since the run began: what the database holds for this run's signals (event ids share a prefix). */
    private DbCheck dbCheck(EndToEnd e2e) throws Exception {
        String like = e2e.eventIdPrefix() + "%";
        try (Connection c = DriverManager.getConnection(db, "health", dbPassword)) {
            long sent = e2e.sent();
            long[] obs = {0, 0};
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            do {
                obs = longs(c, "select count(*), count(distinct event_id) from signal_observation where event_id like ?", like);
                if (obs[0] >= sent) {
                    break;
                }
                Thread.sleep(500);
            } while (System.nanoTime() < deadline);
            long scores = longs(c, "select count(*) from health_score where trigger_id like ?", like)[0];
            long twice = longs(c, "select count(*) from (select trigger_id from health_score where trigger_id like ? "
                    + "group by trigger_id having count(*) > 1) d", like)[0];
            long unsent = 0;
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            do {
                unsent = longs(c, "select count(*) from rhythm_outbox where sent_at is null")[0];
                if (unsent == 0) {
                    break;
                }
                Thread.sleep(500);
            } while (System.nanoTime() < deadline);
            return new DbCheck(sent, obs[0], obs[1], scores, twice, unsent);
        }
    }

    private static long[] longs(Connection c, String sql, String... params) throws Exception {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setString(i + 1, params[i]);
            }
            try (ResultSet r = q.executeQuery()) {
                r.next();
                long[] out = new long[r.getMetaData().getColumnCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = r.getLong(i + 1);
                }
                return out;
            }
        }
    }

    private void stopAll() {
        for (HealthInstance i : running.reversed()) {
            try {
                i.stop(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The test infrastructure is shared: planning- and segmentation-service's test runs consume health.scores.v1
     * from their groups' committed offsets. Only health-service publishes there, and bench/run-scaling.sh holds the
     * health lock, so every event between the start offsets and the end is this run's. A group that is idle (no
     * members) and has committed on the topic is moved to its end on every partition, including those it never
     * committed on (it would read them from the beginning), so that its next test run does not read through
     * hundreds of thousands of events; older events it had not read are skipped too, which only test groups, whose
     * databases are reset every run, can afford. Active groups are left alone (and reported).
     */
    private void skipBenchEvents(Admin admin, Map<TopicPartition, Long> start) {
        try {
            Map<TopicPartition, Long> end = KafkaSupport.endOffsets(admin, new ArrayList<>(start.keySet()));
            for (GroupListing listing : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS)) {
                String group = listing.groupId();
                if (group.startsWith("rhythm-bench")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> moves = new HashMap<>();
                if (start.keySet().stream().noneMatch(committed::containsKey)) {
                    continue; // not a consumer of the topic (as far as its commits tell)
                }
                start.keySet().forEach(tp -> {
                    OffsetAndMetadata om = committed.get(tp);
                    // a partition it never committed on would be read from the start (auto.offset.reset=earliest)
                    if (om == null || om.offset() < end.get(tp)) {
                        moves.put(tp, new OffsetAndMetadata(end.get(tp)));
                    }
                });
                if (moves.isEmpty()) {
                    continue;
                }
                GroupState state = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(30, TimeUnit.SECONDS).groupState();
                if (state != GroupState.EMPTY) {
                    notes.add("Consumer group `" + group + "` was " + state + " on " + EndToEnd.SCORES_TOPIC + " and read this run's events itself.");
                    continue;
                }
                long skipped = moves.entrySet().stream().mapToLong(e -> e.getValue().offset()
                        - (committed.get(e.getKey()) == null ? 0 : committed.get(e.getKey()).offset())).sum();
                admin.alterConsumerGroupOffsets(group, moves).all().get(30, TimeUnit.SECONDS);
                notes.add(String.format(Locale.ROOT, "Idle consumer group `%s` moved past %,d unread events on %s (this run's and any older ones it had not read).", group, skipped,
                        EndToEnd.SCORES_TOPIC));
            }
        } catch (Exception e) {
            notes.add("Could not move idle consumer groups past this run's events: " + e.getMessage());
        }
        notes.forEach(Progress::log);
    }

    // ---------------------------------------------------------------- report

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("#### Set-up\n\n");
        md.append("- health-service from `").append(jar).append("` (prod profile), instances on ports ").append(ports)
                .append(" with JVM options `").append(String.join(" ", jvmOptions)).append("` (the Kubernetes pod's heap: 40 %/70 % of its ")
                .append("768 MiB limit), all in consumer group `").append(GROUP).append("` on `").append(SIGNALS).append("` (6 partitions); ")
                .append("each instance's signal consumer has the client id `health-N-signals`, so the group's description names the instance ")
                .append("holding each partition. The test infrastructure (PostgreSQL 25432, Kafka 29092, Keycloak 28080), shared with other ")
                .append("engineers' test runs, with health-service's database reset before the run.\n");
        md.append("- ").append(Stats.num(clients)).append(" clients seeded straight into the database; signals round-robin over them, ")
                .append("every signal changes its client's score (as in the health ingest benchmark), ").append(Stats.num(signals))
                .append(" signals per step as fast as the producer goes; throughput = signals / (last HealthScoreChanged − first signal). ")
                .append("Instances are added one at a time (each start is a rebalance); a step starts once the group is stable with every ")
                .append("partition held by exactly one instance.\n");
        md.append("- Checks after each step, cumulative over the run, in health-service's database: observations (`signal_observation`, ")
                .append("one row per signal event id) = signals sent, `health_score` rows per signal event id ≤ 1, outbox drained; ")
                .append("and the group's lag on `").append(SIGNALS).append("` = 0, no HealthScoreChanged received twice.\n");
        md.append("- CPU from `/proc` (utime + stime) over the step: every instance, PostgreSQL's postmaster and backends, the Kafka broker, ")
                .append("and the whole machine; RSS = the largest `VmRSS` sampled every 250 ms, `VmHWM` = the kernel's peak since start. WAL = ")
                .append("`pg_current_wal_lsn()` advance over the step (the whole cluster's: an upper bound while other test runs write); ")
                .append("database growth = `pg_database_size('health')` after − before.\n\n");
        md.append("#### Figures\n\n");
        md.append("| step | partitions per instance | signals/s | speed-up | latency p50 / p99 | health-service CPU per signal | ")
                .append("CPU per instance (s) | peak RSS per instance (MiB) | PostgreSQL / Kafka CPU per signal | WAL / database growth per signal | machine busy | checks |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        double base = steps.isEmpty() ? 0 : steps.getFirst().run().throughput();
        for (Step s : steps) {
            EndToEnd.Run r = s.run();
            long n = r.matched() > 0 ? r.matched() : r.signals();
            md.append("| ").append(s.name()).append(" | ").append(s.before().describe());
            if (!s.after().partitionsByInstance().equals(s.before().partitionsByInstance())) {
                md.append(" → ").append(s.after().describe());
            }
            md.append(" | **").append(Stats.num(r.throughput())).append("** | ")
                    .append(base > 0 ? String.format(Locale.ROOT, "%.2f×", r.throughput() / base) : "–").append(" | ")
                    .append(Stats.ms(r.latency().percentile(50))).append(" / ").append(Stats.ms(r.latency().percentile(99))).append(" | ")
                    .append(perSignal(s.healthCpuSeconds(), n)).append(" | ")
                    .append(s.cpuSecondsByInstance().entrySet().stream().map(e -> e.getKey() + " " + fmt(e.getValue()))
                            .collect(Collectors.joining(", "))).append(" | ")
                    .append(s.rssKibByInstance().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] / 1024 + " (HWM "
                            + e.getValue()[1] / 1024 + ")").collect(Collectors.joining(", "))).append(" | ")
                    .append(perSignal(s.pgCpuSeconds(), n)).append(" / ").append(perSignal(s.kafkaCpuSeconds(), n)).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d B / %,d B", s.walBytes() / n, s.dbGrowthBytes() / n)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f %% of %d cores", 100 * s.machineBusySeconds() / s.wallSeconds()
                            / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors())).append(" | ")
                    .append(String.format(Locale.ROOT, "%s: %,d observed of %,d sent (%,d distinct), %,d scored twice, %,d outbox unsent, "
                                    + "lag %d, %d events twice%s", s.ok() ? "**OK**" : "**FAILED**", s.db().observed(), s.db().sent(),
                            s.db().distinctObserved(), s.db().triggersScoredTwice(), s.db().unsentOutbox(), s.lagAfter(), s.duplicateEvents(),
                            r.failure() == null ? "" : "; " + r.failure()))
                    .append(" |\n");
        }
        md.append('\n');
        for (Step s : steps) {
            if (s.note() != null) {
                md.append("- ").append(s.name()).append(": ").append(s.note()).append(".\n");
            }
        }
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        if (failure != null) {
            md.append("- **The experiment failed:** ").append(failure).append('\n');
        }
        return md.toString();
    }

    private static String perSignal(double seconds, long signals) {
        return Double.isNaN(seconds) || signals == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f µs", seconds * 1e6 / signals);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a (stopped)" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String required(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }
}
