import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Rhythm's Kafka topics idempotently, or lists them.
 *
 * <pre>
 *   java -cp '&lt;kafka libs&gt;/*' CreateTopics.java 127.0.0.1:19092 deploy/kafka/topics.conf
 *   java -cp '&lt;kafka libs&gt;/*' CreateTopics.java 127.0.0.1:19092 --list
 * </pre>
 *
 * topics.conf: one "name partitions" per line; '#' starts a comment. Replication factor is 1
 * (single local broker). An existing topic with fewer partitions is grown; one with more is
 * left alone (partitions can never shrink). Waits up to 60 s for the broker to answer, so it
 * doubles as the readiness check used by ./rhythm.
 */
public class CreateTopics {

    private static final Duration WAIT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CreateTopics <bootstrap> <topics.conf | --list>");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "rhythm-create-topics");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = awaitTopicNames(admin);
            if ("--list".equals(args[1])) {
                list(admin, existing);
            } else {
                create(admin, existing, parse(Path.of(args[1])));
            }
        }
    }

    static Map<String, Integer> parse(Path file) throws Exception {
        Map<String, Integer> topics = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : Files.readAllLines(file)) {
            lineNo++;
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2 || !parts[1].matches("[1-9][0-9]*")) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": expected '<topic> <partitions>', got '" + raw + "'");
            }
            topics.put(parts[0], Integer.parseInt(parts[1]));
        }
        return topics;
    }

    static Set<String> awaitTopicNames(Admin admin) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return admin.listTopics().names().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("broker did not answer within " + WAIT.toSeconds() + " s", last);
    }

    static void create(Admin admin, Set<String> existing, Map<String, Integer> wanted) throws Exception {
        List<NewTopic> missing = new ArrayList<>();
        wanted.forEach((name, partitions) -> {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, partitions, (short) 1));
            }
        });
        int created = 0;
        for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
                entry.getValue().get(30, TimeUnit.SECONDS);
                created++;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        // Grow topics that exist with fewer partitions than configured.
        Map<String, TopicDescription> described = admin.describeTopics(wanted.keySet()).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<String, NewPartitions> grow = new TreeMap<>();
        described.forEach((name, d) -> {
            int want = wanted.get(name);
            if (d.partitions().size() < want) {
                grow.put(name, NewPartitions.increaseTo(want));
            }
        });
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
        }
        System.out.printf("topics: %d configured, %d created, %d grown, %d already present%n",
                wanted.size(), created, grow.size(), wanted.size() - created);
    }

    static void list(Admin admin, Set<String> names) throws Exception {
        Map<String, TopicDescription> described = new TreeMap<>(admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS));
        for (TopicDescription d : described.values()) {
            System.out.printf("%-32s %d%n", d.name(), d.partitions().size());
        }
    }
}
