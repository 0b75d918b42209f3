package io.rhythm.k8s;

import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.EventType;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the rest of the repository says the manifests must agree with: the topic list
 * (deploy/kafka/topics.conf), the topics each service reads and writes (its application.properties,
 * the client directory it may depend on, its dead-letter topic, and the event catalogue), and the
 * Keycloak realm file.
 */
public final class Repo {

    private final Path root;

    public Repo(Path root) {
        this.root = root;
    }

    /** The repository root: the {@code rhythm.root} system property, or the first parent holding deploy/kafka/topics.conf. */
    public static Repo locate() {
        String property = System.getProperty("rhythm.root");
        if (property != null && Files.isRegularFile(Path.of(property, "deploy/kafka/topics.conf"))) {
            return new Repo(Path.of(property).toAbsolutePath());
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/kafka/topics.conf"))) {
                return new Repo(p);
            }
        }
        throw new IllegalStateException("cannot find the repository root (deploy/kafka/topics.conf)");
    }

    public Path root() {
        return root;
    }

    public Path k8s() {
        return root.resolve("deploy/k8s");
    }

    /** topic → partitions, from deploy/kafka/topics.conf. */
    public Map<String, Integer> topics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String line : lines(root.resolve("deploy/kafka/topics.conf"))) {
            String[] f = line.replaceAll("#.*", "").trim().split("\\s+");
            if (f.length == 2) {
                topics.put(f[0], Integer.parseInt(f[1]));
            }
        }
        return topics;
    }

    /**
     * The consumer groups a service joins: rhythm-&lt;service&gt; (the platform default) when it consumes at all, plus
     * any group an incoming channel names itself ({@code mp.messaging.incoming.<channel>.group.id}).
     */
    public Set<String> groups(String service) {
        Set<String> groups = new TreeSet<>();
        if (reads(service).isEmpty()) {
            return groups;
        }
        Properties p = properties(service);
        groups.add("rhythm-" + p.getProperty("rhythm.service"));
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                groups.add(p.getProperty(key));
            }
        }
        return groups;
    }

    /** The topics a service (module directory name, e.g. health-service) consumes. */
    public Set<String> reads(String service) {
        Set<String> reads = new TreeSet<>(channelTopics(service, "incoming"));
        if (usesClientDirectory(service)) {
            reads.addAll(channelTopics(load(root.resolve("platform/client-directory/src/main/resources/META-INF/microprofile-config.properties")), "incoming"));
        }
        return reads;
    }

    /** The topics a service produces to: its events (by CloudEvents source), outgoing channels, and its dead-letter topic if it consumes. */
    public Set<String> writes(String service) {
        Set<String> writes = new TreeSet<>(channelTopics(service, "outgoing"));
        for (EventType e : EventCatalogue.all()) {
            if (e.source().equals("/rhythm/" + service)) {
                writes.add(e.topic());
            }
        }
        if (!reads(service).isEmpty()) {
            // failure-strategy rhythm-dead-letter: ${rhythm.service}.deadletter.v1 (platform/data defaults)
            writes.add(properties(service).getProperty("rhythm.service") + ".deadletter.v1");
        }
        return writes;
    }

    /** The topics a service names anywhere (reads and writes). */
    public Set<String> uses(String service) {
        Set<String> all = new TreeSet<>(reads(service));
        all.addAll(writes(service));
        return all;
    }

    public Properties properties(String service) {
        return load(root.resolve(service).resolve("src/main/resources/application.properties"));
    }

    public boolean isModule(String service) {
        return Files.isRegularFile(root.resolve(service).resolve("src/main/resources/application.properties"));
    }

    public Path realm() {
        return root.resolve("deploy/keycloak/rhythm-realm.json");
    }

    private boolean usesClientDirectory(String service) {
        try {
            return Files.readString(root.resolve(service).resolve("pom.xml")).contains("<artifactId>rhythm-client-directory</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> channelTopics(String service, String direction) {
        return channelTopics(properties(service), direction);
    }

    private static Set<String> channelTopics(Properties p, String direction) {
        Set<String> topics = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("mp.messaging." + direction + ".") && key.endsWith(".topic")) {
                topics.add(p.getProperty(key));
            }
        }
        return topics;
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return p;
    }

    private static java.util.List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
