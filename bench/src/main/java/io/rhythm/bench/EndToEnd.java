package io.rhythm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Signals into {@code signals.ingest.v1}, HealthScoreChanged out of {@code health.scores.v1}, matched by
 * {@code trigger.id}. A listener thread reads the scores topic from its end (positioned before the first
 * signal is sent) for the whole life of this object; each run sends its signals and waits, bounded, for
 * their events.
 */
final class EndToEnd implements AutoCloseable {

    static final String SCORES_TOPIC = "health.scores.v1";
    static final String CE_TYPE = "io.rhythm.health.HealthScoreChanged.v1";

    /** What one run measured. {@code failure} is set when it did not complete (the figures are then partial). */
    record Run(String name, long signals, double sendSeconds, long matched, double wallSeconds, Stats latency,
               double maxScheduleSlipMs, String failure) {
        double throughput() {
            return wallSeconds > 0 ? matched / wallSeconds : 0;
        }

        double sendRate() {
            return sendSeconds > 0 ? signals / sendSeconds : 0;
        }
    }

    private final Options options;
    private final Signals signals;
    private final long[] sentNanos;
    private final long[] receivedNanos;
    /** Per signal, its client; per client, its signals not yet carried by an event (in send order). */
    private final int[] clientOfSeq;
    private final ArrayDeque<Long>[] pending;
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong otherEvents = new AtomicLong();
    private final AtomicReference<Throwable> listenerFailure = new AtomicReference<>();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final AtomicLong acked = new AtomicLong();
    private final CountDownLatch listenerReady = new CountDownLatch(1);
    private final KafkaProducer<String, String> producer;
    private final Thread listener;
    private volatile boolean stopping;
    private long nextSeq;

    EndToEnd(Options options, String[] clientIds, long capacity) throws InterruptedException {
        this.options = options;
        this.signals = new Signals(clientIds);
        this.sentNanos = new long[Math.toIntExact(capacity)];
        this.clientOfSeq = new int[Math.toIntExact(capacity)];
        @SuppressWarnings("unchecked")
        ArrayDeque<Long>[] queues = new ArrayDeque[signals.clients()];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new ArrayDeque<>();
        }
        this.pending = queues;
        this.receivedNanos = new long[Math.toIntExact(capacity)];
        this.producer = new KafkaProducer<>(KafkaSupport.producer(options.bootstrap, "rhythm-bench-signals"));
        this.listener = new Thread(this::listen, "health-scores-listener");
        listener.setDaemon(true);
        listener.start();
        if (!listenerReady.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not position a consumer on " + SCORES_TOPIC + " within 60 s");
        }
        if (listenerFailure.get() != null) {
            throw new IllegalStateException("listener on " + SCORES_TOPIC + " failed: " + listenerFailure.get(), listenerFailure.get());
        }
    }

    long otherEvents() {
        return otherEvents.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** What every event id of this run's signals starts with (the run's half of the UUID), for SQL {@code like}. */
    String eventIdPrefix() {
        return signals.eventId(0).substring(0, 19);
    }

    /** Signals sent so far by this object (warm-up included). */
    long sent() {
        return nextSeq;
    }

    /** Sends {@code n} signals as fast as the producer takes them (round-robin over the clients) and waits for their events. */
    Run flood(String name, long n) throws InterruptedException {
        return flood(name, n, options.idleTimeout);
    }

    /**
     * As {@link #flood(String, long)}, giving up on the missing events after {@code idleTimeout} without a new one
     * (the warm-up uses a short one: its first signal per client may repeat the value an earlier run left, which
     * changes nothing and so has no event).
     */
    Run flood(String name, long n, Duration idleTimeout) throws InterruptedException {
        long first = nextSeq;
        Progress progress = new Progress(name);
        long t0 = System.nanoTime();
        long ackedBefore = acked.get();
        for (long i = 0; i < n && sendFailure.get() == null; i++) {
            send((int) (i % signals.clients()));
            if ((i & 1023) == 0) {
                long sent = i;
                progress.tick(() -> String.format("sent %,d of %,d, acked %,d, events %,d (%s sent)", sent, n, acked.get() - ackedBefore,
                        matchedIn(first, sent), Progress.rate(sent / ((System.nanoTime() - t0) / 1e9))));
            }
        }
        producer.flush();
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        Progress.log(String.format("%s: %,d signals sent in %.2f s (%s), waiting for their HealthScoreChanged", name, n, sendSeconds,
                Progress.rate(n / sendSeconds)));
        return await(name, first, n, t0, sendSeconds, 0, idleTimeout);
    }

    /** Sends at a fixed rate for {@code seconds} (latency is measured from the actual send; the schedule slip is reported). */
    Run paced(String name, int rate, int seconds) throws InterruptedException {
        long n = (long) rate * seconds;
        long first = nextSeq;
        Progress progress = new Progress(name);
        double intervalNanos = 1e9 / rate;
        long maxSlip = 0;
        long t0 = System.nanoTime();
        for (long i = 0; i < n && sendFailure.get() == null; ) {
            long due = t0 + (long) (i * intervalNanos);
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(Math.min(due - now, 1_000_000L));
                continue;
            }
            maxSlip = Math.max(maxSlip, now - due);
            send((int) (i % signals.clients()));
            i++;
            long sent = i;
            progress.tick(() -> {
                long m = matchedIn(first, sent);
                return String.format("sent %,d of %,d, events %,d, behind %,d", sent, n, m, sent - m);
            });
        }
        producer.flush();
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        Progress.log(String.format("%s: %,d signals sent in %.2f s (%s, largest slip behind schedule %.1f ms)", name, n, sendSeconds,
                Progress.rate(n / sendSeconds), maxSlip / 1e6));
        return await(name, first, n, t0, sendSeconds, maxSlip / 1e6, options.idleTimeout);
    }

    private void send(int client) {
        long seq = nextSeq++;
        String value = signals.next(client, seq);
        clientOfSeq[(int) seq] = client;
        synchronized (pending[client]) {
            pending[client].addLast(seq);
        }
        sentNanos[(int) seq] = System.nanoTime();
        producer.send(new ProducerRecord<>(options.signalsTopic, signals.clientId(client), value), (md, e) -> {
            if (e != null) {
                sendFailure.compareAndSet(null, e);
            } else {
                acked.incrementAndGet();
            }
        });
    }

    private Run await(String name, long first, long n, long t0, double sendSeconds, double maxSlipMs, Duration idleTimeout)
            throws InterruptedException {
        Progress progress = new Progress(name);
        long lastCount = matchedIn(first, n);
        long lastChange = System.nanoTime();
        String failure = null;
        while (lastCount < n) {
            if (sendFailure.get() != null) {
                failure = "producing to " + options.signalsTopic + " failed: " + sendFailure.get();
                break;
            }
            if (listenerFailure.get() != null) {
                failure = "reading " + SCORES_TOPIC + " failed: " + listenerFailure.get();
                break;
            }
            long now = System.nanoTime();
            if (lastCount == 0 && now - t0 > options.firstEventTimeout.toNanos()) {
                failure = "no HealthScoreChanged within " + options.firstEventTimeout.toSeconds() + " s of the first signal ("
                        + otherEvents.get() + " other events seen on " + SCORES_TOPIC + "); is health-service consuming "
                        + options.signalsTopic + "?";
                break;
            }
            if (lastCount > 0 && now - lastChange > idleTimeout.toNanos()) {
                failure = String.format("no new HealthScoreChanged for %d s; %,d of %,d signals have one",
                        idleTimeout.toSeconds(), lastCount, n);
                break;
            }
            if (now - t0 > options.phaseTimeout.toNanos()) {
                failure = String.format("run not finished within %d s; %,d of %,d signals have a HealthScoreChanged",
                        options.phaseTimeout.toSeconds(), lastCount, n);
                break;
            }
            Thread.sleep(200);
            long count = matchedIn(first, n);
            if (count != lastCount) {
                lastCount = count;
                lastChange = System.nanoTime();
            }
            long c = lastCount;
            progress.tick(() -> String.format("events %,d of %,d (%s since the first signal)", c, n,
                    Progress.rate(c / ((System.nanoTime() - t0) / 1e9))));
        }
        long[] latencies = new long[(int) n];
        int count = 0;
        long lastReceipt = 0;
        for (int seq = (int) first; seq < first + n; seq++) {
            long r = receivedNanos[seq];
            if (r != 0) {
                latencies[count++] = r - sentNanos[seq];
                lastReceipt = Math.max(lastReceipt, r);
            }
        }
        double wall = count == 0 ? 0 : (lastReceipt - sentNanos[(int) first]) / 1e9;
        Run run = new Run(name, n, sendSeconds, count, wall, new Stats(latencies, count), maxSlipMs, failure);
        Stats s = run.latency();
        Progress.log(String.format("%s: %,d of %,d signals → HealthScoreChanged in %.2f s = %s; latency p50 %s, p99 %s, max %s%s",
                name, count, n, wall, Progress.rate(run.throughput()), Stats.ms(s.percentile(50)), Stats.ms(s.percentile(99)),
                Stats.ms(s.max()), failure == null ? "" : " — " + failure));
        return run;
    }

    private long matchedIn(long first, long n) {
        matched.get(); // volatile read: the listener's writes to receivedNanos before its last increment are visible
        long c = 0;
        for (int seq = (int) first; seq < first + n; seq++) {
            if (receivedNanos[seq] != 0) {
                c++;
            }
        }
        return c;
    }

    private void listen() {
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(KafkaSupport.consumer(options.bootstrap, "rhythm-bench-scores"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(SCORES_TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(SCORES_TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before any signal is sent
            listenerReady.countDown();
            while (!stopping) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> r : records) {
                    Header type = r.headers().lastHeader("ce_type");
                    if (type == null || !CE_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8)) || r.value() == null) {
                        otherEvents.incrementAndGet();
                        continue;
                    }
                    JsonNode trigger = json.readTree(r.value()).path("trigger");
                    long seq = "signal".equals(trigger.path("kind").asText()) ? signals.seqOf(trigger.path("id").asText(null)) : -1;
                    if (seq < 0 || seq >= receivedNanos.length) {
                        otherEvents.incrementAndGet();
                    } else if (receivedNanos[(int) seq] != 0) {
                        duplicates.incrementAndGet();
                    } else {
                        // the event carries this signal and every earlier one of the client folded into the same rescore
                        ArrayDeque<Long> waiting = pending[clientOfSeq[(int) seq]];
                        synchronized (waiting) {
                            while (!waiting.isEmpty() && waiting.peekFirst() <= seq) {
                                int covered = (int) (long) waiting.pollFirst();
                                if (receivedNanos[covered] == 0) {
                                    receivedNanos[covered] = now;
                                    matched.incrementAndGet();
                                }
                            }
                        }
                    }
                }
            }
        } catch (Throwable t) {
            listenerFailure.set(t);
            listenerReady.countDown();
        }
    }

    @Override
    public void close() {
        stopping = true;
        producer.close(Duration.ofSeconds(30));
        try {
            listener.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
