package io.rhythm.bench;

import io.rhythm.platform.events.CloudEvent;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.EventSchemas;
import io.rhythm.platform.events.KafkaCloudEvents;
import io.rhythm.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Listens to {@code nps.responses.v1} from its end (positioned before anything is submitted) and notes, for every
 * {@code SurveyResponseSubmitted}, when this JVM first received it, by {@link #key cycle and contact} (a contact
 * answers a cycle once) — so an answer is matched with its event even when the call that submitted it did not get
 * its answer back (an import call that outlived the gateway's timeout). Every event is checked against its JSON
 * Schema; repeats of a response id are counted as duplicates.
 */
final class ResponseEvents implements AutoCloseable {

    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final Set<String> responseIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong lastEventNanos = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicReference<String> firstProblem = new AtomicReference<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private final String bootstrap;
    private volatile boolean stopping;

    ResponseEvents(String bootstrap) throws InterruptedException {
        this.bootstrap = bootstrap;
        thread = new Thread(this::listen, "nps-responses-listener");
        thread.setDaemon(true);
        thread.start();
        if (!ready.await(60, TimeUnit.SECONDS) || failure.get() != null) {
            throw new IllegalStateException("could not position a consumer on " + Topics.NPS_RESPONSES + ": " + failure.get());
        }
    }

    private void listen() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(KafkaSupport.consumer(bootstrap, "rhythm-bench-nps-responses"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NPS_RESPONSES).stream()
                    .map(p -> new TopicPartition(Topics.NPS_RESPONSES, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before anything is sent
            ready.countDown();
            while (!stopping) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> r : records) {
                    events.incrementAndGet();
                    lastEventNanos.set(now);
                    CloudEvent event;
                    try {
                        event = KafkaCloudEvents.fromRecord(r);
                    } catch (RuntimeException e) {
                        invalid.incrementAndGet();
                        firstProblem.compareAndSet(null, e.getMessage());
                        continue;
                    }
                    if (!EventCatalogue.SURVEY_RESPONSE_SUBMITTED.type().equals(event.type())) {
                        continue;
                    }
                    List<String> problems = EventSchemas.problems(event);
                    if (!problems.isEmpty()) {
                        invalid.incrementAndGet();
                        firstProblem.compareAndSet(null, String.join("; ", problems));
                    }
                    if (!responseIds.add(event.data().path("responseId").asText())) {
                        duplicates.incrementAndGet();
                    }
                    received.putIfAbsent(key(event.data().path("cycleId").asText(), event.data().path("contactId").asText()), now);
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            ready.countDown();
        }
    }

    /** The key of an answer: its cycle and its respondent. */
    static String key(String cycleId, Object contactId) {
        return cycleId + "/" + contactId;
    }

    /** When the event of this answer ({@link #key}) was first received (System.nanoTime), or null. */
    Long receivedAt(String key) {
        return received.get(key);
    }

    long duplicates() {
        return duplicates.get();
    }

    long invalid() {
        return invalid.get();
    }

    String firstProblem() {
        return firstProblem.get();
    }

    long events() {
        return events.get();
    }

    /**
     * Waits until every one of {@code ids} has its event, or none arrived for {@code idle}, or {@code limit} passed.
     * Returns how many are still missing.
     */
    long await(Collection<String> ids, Duration idle, Duration limit, String label) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long lastProgress = System.nanoTime();
        long lastCount = -1;
        Progress progress = new Progress(label + " events");
        while (true) {
            if (failure.get() != null) {
                throw new IllegalStateException("listener on " + Topics.NPS_RESPONSES + " failed: " + failure.get(), failure.get());
            }
            long have = ids.stream().filter(received::containsKey).count();
            if (have == ids.size()) {
                return 0;
            }
            long now = System.nanoTime();
            if (have != lastCount) {
                lastCount = have;
                lastProgress = now;
            }
            if (now - lastProgress > idle.toNanos() || now > deadline) {
                Progress.log(String.format(Locale.ROOT, "%s: %,d of %,d events arrived; giving up waiting (%s)", label, have, ids.size(),
                        now > deadline ? "phase timeout" : "no new event for " + idle.toSeconds() + " s"));
                return ids.size() - have;
            }
            long h = have;
            progress.tick(() -> String.format(Locale.ROOT, "%,d of %,d", h, ids.size()));
            Thread.sleep(250);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(5_000);
    }
}
