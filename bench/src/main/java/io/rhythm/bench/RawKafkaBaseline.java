package io.rhythm.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ceiling the end-to-end figures are compared with: a plain KafkaProducer writing signal-sized
 * JSON records (acks=all) to a scratch topic with as many partitions as signals.ingest.v1, then a
 * plain KafkaConsumer reading them back. One warm-up run, then {@code runs} measured runs; the
 * scratch topic is deleted at the end.
 */
final class RawKafkaBaseline {

    static final String TOPIC = "bench.raw.v1";
    static final int PARTITIONS = 6;

    record Result(int recordsPerRun, int runs, double[] produceRates, double[] consumeRates, double avgValueBytes) {
        double produce() {
            return Stats.median(produceRates);
        }

        double consume() {
            return Stats.median(consumeRates);
        }

        /** A producer → broker → consumer pipeline cannot go faster than its slower half. */
        double pipeline() {
            return Math.min(produce(), consume());
        }
    }

    /** Where the raw run sends to and how much: the same settings whichever bench uses it. */
    record Settings(String bootstrap, int warmup, int records, int runs, Duration phaseTimeout) {
    }

    /** The records of the raw run: the key and the value of record number {@code seq}, in order. */
    interface Records {
        String[] next(long seq);
    }

    private final Settings options;
    private final Records source;

    /** Health bench: signal-sized records from the same generator and with as many keys as the e2e run. */
    RawKafkaBaseline(Options options) {
        this(new Settings(options.bootstrap, options.rawWarmup, options.rawRecords, options.rawRuns, options.phaseTimeout),
                signals(options.clients));
    }

    RawKafkaBaseline(Settings settings, Records source) {
        this.options = settings;
        this.source = source;
    }

    private static Records signals(int clients) {
        String[] keys = new String[clients];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = UUID.randomUUID().toString();
        }
        Signals signals = new Signals(keys);
        return seq -> {
            int client = (int) (seq % keys.length);
            return new String[] {keys[client], signals.next(client, seq)};
        };
    }

    Result run() throws Exception {
        try (Admin admin = KafkaSupport.admin(options.bootstrap())) {
            KafkaSupport.recreateTopic(admin, TOPIC, PARTITIONS);
            try {
                return measure();
            } finally {
                KafkaSupport.deleteTopic(admin, TOPIC);
            }
        }
    }

    private Result measure() throws Exception {
        double[] produceRates = new double[options.runs()];
        double[] consumeRates = new double[options.runs()];
        long totalBytes = 0;
        long seq = 0;
        long written = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaSupport.producer(options.bootstrap(), "rhythm-bench-raw"))) {
            for (int run = 0; run <= options.runs(); run++) {
                int n = run == 0 ? options.warmup() : options.records();
                String label = run == 0 ? "raw produce warm-up" : "raw produce run " + run + "/" + options.runs();
                AtomicLong acked = new AtomicLong();
                AtomicReference<Exception> failure = new AtomicReference<>();
                Progress progress = new Progress(label);
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    String[] record = source.next(seq++);
                    String value = record[1];
                    totalBytes += value.length();
                    producer.send(new ProducerRecord<>(TOPIC, record[0], value), (md, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        } else {
                            acked.incrementAndGet();
                        }
                    });
                    if ((i & 1023) == 0) {
                        int sent = i;
                        progress.tick(() -> String.format("sent %,d acked %,d (%s)", sent, acked.get(),
                                Progress.rate(acked.get() / ((System.nanoTime() - t0) / 1e9))));
                        if (failure.get() != null) {
                            break;
                        }
                    }
                }
                producer.flush();
                long t1 = System.nanoTime();
                if (failure.get() != null) {
                    throw new IllegalStateException("raw produce failed: " + failure.get(), failure.get());
                }
                written += n;
                double rate = n / ((t1 - t0) / 1e9);
                Progress.log(String.format("%s: %,d records in %.2f s = %s", label, n, (t1 - t0) / 1e9, Progress.rate(rate)));
                if (run > 0) {
                    produceRates[run - 1] = rate;
                }
            }
        }
        // Read everything back: one warm-up pass, then the measured passes, each a fresh consumer from the start.
        for (int run = 0; run <= options.runs(); run++) {
            String label = run == 0 ? "raw consume warm-up" : "raw consume run " + run + "/" + options.runs();
            double rate = consumeAll(written, label);
            if (run > 0) {
                consumeRates[run - 1] = rate;
            }
        }
        return new Result(options.records(), options.runs(), produceRates, consumeRates, (double) totalBytes / seq);
    }

    private double consumeAll(long expected, String label) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(KafkaSupport.consumer(options.bootstrap(), "rhythm-bench-raw-consumer"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Progress progress = new Progress(label);
            long count = 0;
            long bytes = 0;
            long t0 = System.nanoTime();
            long deadline = t0 + options.phaseTimeout().toNanos();
            while (count < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(String.format("%s: read %,d of %,d records within %s", label, count, expected,
                            options.phaseTimeout()));
                }
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> r : records) {
                    bytes += r.value().length(); // touch every value, as a real consumer would
                }
                count += records.count();
                long c = count;
                progress.tick(() -> String.format("read %,d of %,d (%s)", c, expected, Progress.rate(c / ((System.nanoTime() - t0) / 1e9))));
            }
            long t1 = System.nanoTime();
            double rate = count / ((t1 - t0) / 1e9);
            Progress.log(String.format("%s: %,d records (%,d value bytes) in %.2f s = %s", label, count, bytes, (t1 - t0) / 1e9,
                    Progress.rate(rate)));
            return rate;
        }
    }
}
