package io.rhythm.platform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL, Kafka and Keycloak of the {@code test} environment, as started by
 * {@code ./rhythm infra up --env test} (ports 25432, 29092, 28080). {@code ./rhythm test} starts them
 * before the suite and stops them after; a test run from an IDE starts them through the same
 * launcher on first use (stop them with {@code ./rhythm infra down --env test}).
 */
public final class TestInfrastructure {

    public static final int POSTGRES_PORT = Integer.getInteger("rhythm.test.pg.port", 25432);
    public static final int KAFKA_PORT = Integer.getInteger("rhythm.test.kafka.port", 29092);
    public static final int KEYCLOAK_PORT = Integer.getInteger("rhythm.test.keycloak.port", 28080);

    public static final String KAFKA_BOOTSTRAP = "127.0.0.1:" + KAFKA_PORT;
    public static final String KEYCLOAK_URL = "http://127.0.0.1:" + KEYCLOAK_PORT;

    private static volatile boolean ensured;

    private TestInfrastructure() {
    }

    /** Makes sure the infrastructure answers; starts it through the launcher when it does not. */
    public static synchronized void ensureRunning() {
        if (ensured) {
            return;
        }
        if (!(open(POSTGRES_PORT) && open(KAFKA_PORT) && open(KEYCLOAK_PORT))) {
            launcher("infra", "up", "--env", "test");
        }
        ensured = true;
    }

    /** Stops only the Kafka broker (data kept), for outage tests. */
    public static void stopKafka() {
        launcher("infra", "stop", "kafka", "--env", "test");
    }

    /** Starts the Kafka broker again and returns once it accepts requests. */
    public static void startKafka() {
        launcher("infra", "start", "kafka", "--env", "test");
    }

    static boolean open(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void launcher(String... args) {
        Path rhythm = root().resolve("rhythm");
        List<String> command = new java.util.ArrayList<>(List.of(rhythm.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + rhythm, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + rhythm, e);
        }
    }

    /** The repository root: set by the build ({@code rhythm.root}), else found upwards from the working directory. */
    static Path root() {
        String configured = System.getProperty("rhythm.root");
        if (configured != null && Files.isExecutable(Path.of(configured, "rhythm"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("rhythm"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the ./rhythm launcher above " + Path.of("").toAbsolutePath());
    }
}
