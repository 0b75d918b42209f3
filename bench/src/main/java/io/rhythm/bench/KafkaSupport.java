package io.rhythm.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Client configurations shared by the raw baseline and the end-to-end runs, and consumer-lag checks. */
final class KafkaSupport {

    private KafkaSupport() {
    }

    /**
     * The producer both the raw baseline and the end-to-end runs use: a plain KafkaProducer with the
     * client's defaults (batch.size 16 KiB, linger.ms 5, idempotence on) and acks=all.
     */
    static Properties producer(String bootstrap, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    /** A plain consumer without a group (the bench assigns partitions itself and commits nothing). */
    static Properties consumer(String bootstrap, String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "rhythm-bench-admin");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(p);
    }

    static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        List<TopicPartition> out = new ArrayList<>();
        d.partitions().forEach(p -> out.add(new TopicPartition(topic, p.partition())));
        return out;
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        partitions.forEach(tp -> spec.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = admin.listOffsets(spec).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        r.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Lag (end offset minus committed offset) on {@code topic} of every consumer group that has committed on it. */
    static Map<String, Long> lagByGroup(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = partitions(admin, topic);
        Map<TopicPartition, Long> ends = endOffsets(admin, partitions);
        Map<String, Long> lag = new TreeMap<>();
        for (GroupListing g : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS)) {
            if (g.groupId().startsWith("rhythm-bench")) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.groupId())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            long groupLag = 0;
            boolean onTopic = false;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata om = committed.get(tp);
                if (om != null) {
                    onTopic = true;
                    groupLag += Math.max(0, ends.get(tp) - om.offset());
                }
            }
            if (onTopic) {
                lag.put(g.groupId(), groupLag);
            }
        }
        return lag;
    }

    /**
     * Waits (bounded) until every consumer group on {@code topic} has caught up, printing progress.
     * Returns the lag left (0 when caught up); an empty map means no group consumes the topic.
     */
    static Map<String, Long> awaitCaughtUp(Admin admin, String topic, Duration timeout) throws Exception {
        return awaitCaughtUp(admin, topic, timeout, group -> true);
    }

    /**
     * Waits (bounded) until the consumer groups on {@code topic} that {@code waitFor} accepts have caught up; returns
     * the lag left of every group on the topic.
     */
    static Map<String, Long> awaitCaughtUp(Admin admin, String topic, Duration timeout, java.util.function.Predicate<String> waitFor)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Progress progress = new Progress("waiting for consumers of " + topic);
        Map<String, Long> lag = lagByGroup(admin, topic);
        while (lag.entrySet().stream().filter(e -> waitFor.test(e.getKey())).mapToLong(Map.Entry::getValue).sum() > 0
                && System.nanoTime() < deadline) {
            Map<String, Long> shown = lag;
            progress.tick(() -> "lag " + shown);
            Thread.sleep(500);
            lag = lagByGroup(admin, topic);
        }
        return lag;
    }

    static long total(Map<String, Long> lag) {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    /** (Re)creates a scratch topic; only names starting with "bench." — the bench never touches Rhythm's own topics. */
    static void recreateTopic(Admin admin, String topic, int partitions) throws Exception {
        deleteTopic(admin, topic);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
                break;
            } catch (ExecutionException e) {
                // A just-deleted topic can still be "marked for deletion" for a moment.
                if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
        while (partitions(admin, topic).size() < partitions) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(topic + " not ready within 60 s");
            }
            Thread.sleep(200);
        }
        Progress.log("created scratch topic " + topic + " (" + partitions + " partitions)");
    }

    static void deleteTopic(Admin admin, String topic) throws Exception {
        if (!topic.startsWith("bench.")) {
            throw new IllegalArgumentException("refusing to delete " + topic + ": not a bench scratch topic");
        }
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        if (!names.contains(topic)) {
            return;
        }
        try {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Progress.log("deleted scratch topic " + topic);
    }
}
