package io.rhythm.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.AppInfoParser;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The health-service benchmark of issue 4, against a running {@code ./rhythm up} environment:
 * <ol>
 *   <li>raw Kafka baseline: plain producer and consumer on a scratch topic ({@link RawKafkaBaseline});</li>
 *   <li>clients through the gateway's bulk endpoint ({@link RhythmApi});</li>
 *   <li>end-to-end: usage signals into signals.ingest.v1, HealthScoreChanged out of health.scores.v1,
 *       as fast as possible and then at a fixed rate ({@link EndToEnd});</li>
 *   <li>full recompute on model activation (measured once its endpoint exists).</li>
 * </ol>
 * Writes a Markdown section of the figures ({@code --report}); bench/run-health.sh appends it to
 * bench/RESULTS.md with the machine facts. Exit status 0 when every requested phase ran (whether or
 * not the targets were met), 1 when one failed, 64 for bad options.
 */
public final class HealthBench {

    static final double TARGET_RATIO = 0.20;
    static final long TARGET_P99_NANOS = 1_000_000_000L;
    static final double TARGET_RECOMPUTE_SECONDS = 30;
    static final String DEADLETTER_TOPIC = "health.deadletter.v1";

    private final Options o;
    private RawKafkaBaseline.Result raw;
    private String rawFailure;
    private RhythmApi.Clients clients;
    private String clientsFailure;
    private Map<String, Long> clientsLagLeft;
    private Map<String, Long> signalGroupsBefore;
    private EndToEnd.Run warmup;
    private EndToEnd.Run throughput;
    private EndToEnd.Run paced;
    private String e2eFailure;
    private long deadLettered = -1;
    private long otherEvents;
    private long duplicateEvents;
    private String recomputeNote;
    private RecomputeBench.Result recomputeResult;

    private HealthBench(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested e) {
            System.out.print(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("rhythm-bench: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(64);
            return;
        }
        HealthBench bench = new HealthBench(options);
        boolean ok = bench.run();
        String section = bench.markdown();
        if (options.report != null) {
            Files.writeString(options.report, section);
            Progress.log("results section written to " + options.report);
        } else {
            System.out.println(section);
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean run() {
        boolean ok = true;
        if (o.runs("raw")) {
            Progress.log("== raw Kafka baseline: " + o.rawRuns + " × " + num(o.rawRecords) + " records to " + RawKafkaBaseline.TOPIC);
            try {
                raw = new RawKafkaBaseline(o).run();
            } catch (Exception e) {
                rawFailure = describe(e);
                Progress.log("raw baseline FAILED: " + rawFailure);
                ok = false;
            }
        }
        RhythmApi api = new RhythmApi(o);
        boolean e2e = o.runs("e2e") || o.runs("rate");
        if (o.runs("clients") || e2e) {
            Progress.log("== " + num(o.clients) + " clients through POST /api/v1/clients/bulk");
            try (Admin admin = KafkaSupport.admin(o.bootstrap)) {
                clients = api.ensureClients(o.clients);
                // Other services project clients.v1; let them finish before measuring anything else.
                clientsLagLeft = KafkaSupport.awaitCaughtUp(admin, "clients.v1", o.lagTimeout);
                Progress.log("clients.v1 consumers: lag " + clientsLagLeft);
            } catch (Exception e) {
                clientsFailure = describe(e);
                Progress.log("clients FAILED: " + clientsFailure);
                ok = false;
            }
        }
        if (e2e && clients != null) {
            ok &= runEndToEnd();
        } else if (e2e) {
            e2eFailure = "not run: no clients";
        }
        if (o.runs("recompute")) {
            recomputeNote = recompute(api);
        }
        return ok;
    }

    private boolean runEndToEnd() {
        long warm = (long) o.warmupPerClient * o.clients;
        long capacity = warm + (o.runs("e2e") ? o.signals : 0) + (o.runs("rate") ? (long) o.rate * o.rateSeconds : 0) + 1;
        boolean scratch = o.signalsTopic.startsWith("bench.");
        try (Admin admin = KafkaSupport.admin(o.bootstrap)) {
            if (scratch) {
                KafkaSupport.recreateTopic(admin, o.signalsTopic, RawKafkaBaseline.PARTITIONS);
            }
            try {
                return runEndToEnd(admin, warm, capacity);
            } finally {
                if (scratch) {
                    KafkaSupport.deleteTopic(admin, o.signalsTopic);
                }
            }
        } catch (Exception e) {
            e2eFailure = describe(e);
            Progress.log("end-to-end FAILED: " + e2eFailure);
            return false;
        }
    }

    private boolean runEndToEnd(Admin admin, long warm, long capacity) {
        try (EndToEnd e2e = new EndToEnd(o, clients.ids(), capacity)) {
            long dlqBefore = deadLetterEnd(admin);
            signalGroupsBefore = KafkaSupport.awaitCaughtUp(admin, o.signalsTopic, o.lagTimeout);
            if (signalGroupsBefore.isEmpty()) {
                Progress.log("note: no consumer group has committed offsets on " + o.signalsTopic + " yet");
            }
            try {
                if (warm > 0) {
                    Progress.log("== end-to-end warm-up: " + num(warm) + " signals (" + o.warmupPerClient + " per client), not measured");
                    warmup = e2e.flood("e2e warm-up", warm, Duration.ofSeconds(Math.min(10, o.idleTimeout.toSeconds())));
                    if (warmup.matched() == 0) {
                        e2eFailure = warmup.failure();
                        return false;
                    }
                }
                if (o.runs("e2e")) {
                    KafkaSupport.awaitCaughtUp(admin, o.signalsTopic, o.lagTimeout);
                    Progress.log("== end-to-end throughput: " + num(o.signals) + " signals as fast as the producer goes");
                    throughput = e2e.flood("e2e throughput", o.signals);
                }
                if (o.runs("rate")) {
                    Map<String, Long> left = KafkaSupport.awaitCaughtUp(admin, o.signalsTopic, o.lagTimeout);
                    if (KafkaSupport.total(left) > 0) {
                        Progress.log("note: consumers of " + o.signalsTopic + " still behind: " + left);
                    }
                    Progress.log("== end-to-end at a fixed rate: " + num(o.rate) + " signals/s for " + o.rateSeconds + " s");
                    paced = e2e.paced("e2e fixed rate", o.rate, o.rateSeconds);
                }
            } finally {
                otherEvents = e2e.otherEvents();
                duplicateEvents = e2e.duplicates();
                long dlqAfter = deadLetterEnd(admin);
                deadLettered = dlqBefore < 0 || dlqAfter < 0 ? -1 : dlqAfter - dlqBefore;
            }
            return (throughput == null || throughput.failure() == null) && (paced == null || paced.failure() == null);
        } catch (Exception e) {
            e2eFailure = describe(e);
            Progress.log("end-to-end FAILED: " + e2eFailure);
            return false;
        }
    }

    private static long deadLetterEnd(Admin admin) {
        try {
            List<TopicPartition> partitions = KafkaSupport.partitions(admin, DEADLETTER_TOPIC);
            return KafkaSupport.endOffsets(admin, partitions).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private String recompute(RhythmApi api) {
        try {
            recomputeResult = RecomputeBench.run(o, api);
            RecomputeBench.Result r = recomputeResult;
            return String.format(Locale.ROOT, "**%.1f s** = %s clients/s (job's own start → finish; %.1f s wall, polled) — "
                            + "model v%d → v%d activated, %s of %s clients done, %s rescored and published, status %s%s; "
                            + "portfolio of %s clients seeded in health-service's database in %.1f s (%s first inputs added)",
                    r.serverSeconds(), num(r.clientsPerSecond()), r.wallSeconds(), r.fromVersion(), r.toVersion(), num(r.done()),
                    num(r.total()), num(r.changed()), r.status(), r.error() == null ? "" : " (" + r.error() + ")",
                    num(r.clients()), r.seedSeconds(), num(r.seeded()));
        } catch (Exception e) {
            Progress.log("recompute FAILED: " + describe(e));
            return "FAILED: " + describe(e);
        }
    }

    // ---------------------------------------------------------------- report

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("#### Set-up\n\n");
        md.append("- Kafka client `kafka-clients ").append(AppInfoParser.getVersion()).append("` (the services' version, from the Quarkus BOM), ")
                .append("bootstrap `").append(o.bootstrap).append("`; producer: plain `KafkaProducer`, `acks=all`, client defaults ")
                .append("otherwise (idempotent, `linger.ms` 5, `batch.size` 16 KiB), String serializers; consumer: plain `KafkaConsumer`, ")
                .append("assigned partitions, defaults.\n");
        md.append("- Bench JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs visible.\n");
        if (o.runs("raw")) {
            md.append("- Raw baseline: scratch topic `").append(RawKafkaBaseline.TOPIC).append("` (").append(RawKafkaBaseline.PARTITIONS)
                    .append(" partitions, created and deleted by the run), one warm-up run of ").append(num(o.rawWarmup)).append(" records, then ")
                    .append(o.rawRuns).append(" measured runs of ").append(num(o.rawRecords))
                    .append(" records; records are signals from the same generator as the end-to-end run");
            if (raw != null) {
                md.append(String.format(Locale.ROOT, " (%.0f bytes of JSON on average)", raw.avgValueBytes()));
            }
            md.append(". Each consume run is a fresh consumer reading the whole topic from the start.\n");
        }
        if (o.runs("e2e") || o.runs("rate")) {
            md.append("- End-to-end: ").append(num(o.clients)).append(" clients (`Bench 00001`…, source `bench`, MATURE, owner `cse`); ")
                    .append("warm-up ").append(o.warmupPerClient).append(o.warmupPerClient == 1 ? " signal" : " signals").append(" per client (not measured), then ")
                    .append(num(o.signals)).append(" signals as fast as the producer goes, then ").append(num(o.rate)).append(" signals/s for ")
                    .append(o.rateSeconds).append(" s. Signals round-robin over the clients; each client's `usage.active_users_pct` climbs ")
                    .append("by 0.1 per signal from ").append(Signals.LOW).append(" and wraps at ").append(Signals.HIGH)
                    .append(" (score 75–100: no alert rule fires) with strictly increasing `occurredAt`, so every signal changes its client's ")
                    .append("score. health-service consumes a poll's batch at a time and rescores a client once per batch, so one ")
                    .append("HealthScoreChanged (its `trigger.id` = the newest signal) can carry several signals of a client: a signal counts ")
                    .append("as arrived when the first event of its client with a trigger at or after it arrives. Latency = that receipt minus ")
                    .append("the time the signal was handed to the producer, both in this JVM. Throughput = signals arrived / (last event − ")
                    .append("first signal).");
            if (!o.runs("e2e")) {
                md.append(" (This run skipped the as-fast-as-possible part.)");
            }
            md.append('\n');
        }
        md.append('\n');

        md.append("#### Figures\n\n| measurement | result |\n|---|---|\n");
        if (raw != null) {
            md.append("| raw produce, records/s (median of ").append(raw.runs()).append(") | **").append(num(raw.produce())).append("** (runs: ")
                    .append(list(raw.produceRates())).append(") |\n");
            md.append("| raw consume, records/s (median of ").append(raw.runs()).append(") | **").append(num(raw.consume())).append("** (runs: ")
                    .append(list(raw.consumeRates())).append(") |\n");
            md.append("| raw pipeline ceiling = min(produce, consume) | ").append(num(raw.pipeline())).append(" records/s |\n");
        } else if (o.runs("raw")) {
            md.append("| raw baseline | FAILED: ").append(esc(rawFailure)).append(" |\n");
        }
        if (clients != null) {
            md.append(String.format(Locale.ROOT, "| %s clients via bulk endpoint (%d call%s) | %.1f s = %s rows/s (%s created, %s updated, %s unchanged) |\n",
                    num(o.clients), (o.clients + RhythmApi.MAX_ROWS - 1) / RhythmApi.MAX_ROWS,
                    o.clients > RhythmApi.MAX_ROWS ? "s" : "", clients.seconds(),
                    num(o.clients / clients.seconds()), num(clients.created()), num(clients.updated()), num(clients.unchanged())));
            if (clientsLagLeft != null && KafkaSupport.total(clientsLagLeft) > 0) {
                md.append("| clients.v1 consumers still behind after ").append(o.lagTimeout.toSeconds()).append(" s | ")
                        .append(esc(clientsLagLeft.toString())).append(" |\n");
            }
        } else if (clientsFailure != null) {
            md.append("| clients via bulk endpoint | FAILED: ").append(esc(clientsFailure)).append(" |\n");
        }
        if (warmup != null) {
            md.append("| e2e warm-up (not measured) | ").append(String.format(Locale.ROOT,
                    "%s of %s signals got an event%s, sent in %.1f s", num(warmup.matched()), num(warmup.signals()),
                    warmup.matched() < warmup.signals() ? " (the others repeated the value an earlier run left)" : "",
                    warmup.sendSeconds())).append(" |\n");
        }
        if (throughput != null) {
            md.append("| **e2e throughput**, signals/s | **").append(num(throughput.throughput())).append("** — ").append(runLine(throughput)).append(" |\n");
            md.append("| e2e latency under that flood | p50 ").append(Stats.ms(throughput.latency().percentile(50))).append(", p99 ")
                    .append(Stats.ms(throughput.latency().percentile(99))).append(", max ").append(Stats.ms(throughput.latency().max()))
                    .append(" (queueing: all signals are sent up front) |\n");
            if (raw != null) {
                md.append("| e2e ÷ raw produce / ÷ raw consume | ").append(Stats.pct(throughput.throughput() / raw.produce())).append(" / ")
                        .append(Stats.pct(throughput.throughput() / raw.consume())).append(" |\n");
            }
        }
        if (paced != null) {
            md.append("| **e2e at ").append(num(o.rate)).append(" signals/s for ").append(o.rateSeconds).append(" s** | p50 ")
                    .append(Stats.ms(paced.latency().percentile(50))).append(", **p99 ").append(Stats.ms(paced.latency().percentile(99)))
                    .append("**, p99.9 ").append(Stats.ms(paced.latency().percentile(99.9))).append(", max ").append(Stats.ms(paced.latency().max()))
                    .append(" — ").append(runLine(paced)).append(String.format(Locale.ROOT, "; sent at %s/s, largest slip behind schedule %.1f ms |\n",
                            num(paced.sendRate()), paced.maxScheduleSlipMs()));
        }
        if (e2eFailure != null) {
            md.append("| end-to-end | FAILED: ").append(esc(e2eFailure)).append(" |\n");
        }
        if (warmup != null || throughput != null || paced != null) {
            md.append("| other events on health.scores.v1 / duplicate events / new dead letters on ").append(DEADLETTER_TOPIC).append(" | ")
                    .append(num(otherEvents)).append(" / ").append(num(duplicateEvents)).append(" / ")
                    .append(deadLettered < 0 ? "n/a" : num(deadLettered)).append(" |\n");
        }
        if (signalGroupsBefore != null && signalGroupsBefore.isEmpty()) {
            md.append("| committed consumer offsets on ").append(o.signalsTopic).append(" before the run | none (no consumer group had committed on it yet) |\n");
        }
        if (recomputeNote != null) {
            md.append("| full recompute of ").append(num(o.recomputeClients)).append(" clients | ").append(esc(recomputeNote)).append(" |\n");
        }

        md.append("\n#### Targets (issue 4)\n\n| target | measured | met |\n|---|---|---|\n");
        if (throughput != null && raw != null && throughput.matched() > 0) {
            double ratio = throughput.throughput() / raw.pipeline();
            md.append("| end-to-end ≥ 20 % of raw Kafka throughput | ").append(Stats.pct(ratio)).append(" of the raw ceiling (")
                    .append(num(throughput.throughput())).append(" vs ").append(num(raw.pipeline())).append(" records/s)")
                    .append(throughput.failure() == null ? "" : "; run incomplete").append(" | ")
                    .append(ratio >= TARGET_RATIO && throughput.failure() == null ? "**yes**" : "**no**").append(" |\n");
        } else {
            md.append("| end-to-end ≥ 20 % of raw Kafka throughput | not measured | — |\n");
        }
        if (paced != null && paced.matched() > 0) {
            long p99 = paced.latency().percentile(99);
            boolean complete = paced.failure() == null;
            boolean atTargetRate = o.rate >= 5000;
            md.append("| p99 signal → HealthScoreChanged < 1 s at ").append(num(o.rate)).append(" signals/s | ").append(Stats.ms(p99))
                    .append(complete ? "" : " (of the signals that got an event; run incomplete)").append(" | ")
                    .append(!atTargetRate ? "— (the target is at 5,000 signals/s; at this rate p99 is "
                            + (p99 < TARGET_P99_NANOS ? "under" : "already over") + " 1 s)"
                            : p99 < TARGET_P99_NANOS && complete ? "**yes**" : "**no**").append(" |\n");
        } else {
            md.append("| p99 signal → HealthScoreChanged < 1 s at ").append(num(o.rate)).append(" signals/s | not measured | — |\n");
        }
        if (recomputeResult != null && "DONE".equals(recomputeResult.status())) {
            boolean full = recomputeResult.done() >= 100_000;
            md.append("| full recompute of 100,000 clients < 30 s | ").append(String.format(Locale.ROOT, "%.1f s for %s clients",
                            recomputeResult.serverSeconds(), num(recomputeResult.done()))).append(" | ")
                    .append(!full ? "— (fewer than 100,000 clients)" : recomputeResult.serverSeconds() < 30 ? "**yes**" : "**no**")
                    .append(" |\n");
        } else {
            md.append("| full recompute of 100,000 clients < 30 s | not measured | — |\n");
        }
        return md.toString();
    }

    private static String runLine(EndToEnd.Run r) {
        return String.format(Locale.ROOT, "%s of %s signals got their event in %.1f s (sent in %.1f s = %s/s)%s", num(r.matched()),
                num(r.signals()), r.wallSeconds(), r.sendSeconds(), num(r.sendRate()),
                r.failure() == null ? "" : "; **incomplete: " + esc(r.failure()) + "**");
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

}
