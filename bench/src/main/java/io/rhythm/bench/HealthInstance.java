package io.rhythm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One health-service process started by the scaling experiment from its fast-jar
 * ({@code health-service/target/quarkus-app/quarkus-run.jar}), on its own port, in its own working directory,
 * with the environment of the caller (bench/run-scaling.sh exports the test infrastructure's RHYTHM_* values).
 * Its signal consumer gets the client id {@code <name>-signals}, so the consumer group's description shows which
 * instance holds which partition. Stopped by its own PID: SIGTERM, then SIGKILL after a grace period.
 */
final class HealthInstance implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private HealthInstance(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static HealthInstance start(String name, int port, Path java, Path jar, List<String> jvmOptions, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-Dmp.messaging.incoming.signals.client.id=" + name + "-signals");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        Process p = pb.start();
        Progress.log(name + ": started pid " + p.pid() + " on :" + port + " (log " + log + ")");
        return new HealthInstance(name, port, p, log);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for {@code /q/health/ready} to answer 200. */
    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + " (see " + log + ")");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Progress.log(name + ": ready");
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s (see " + log + ")");
    }

    /** SIGTERM (graceful: the consumer leaves its group), then SIGKILL after {@code grace}. */
    void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
            Progress.log(name + ": still running " + grace.toSeconds() + " s after SIGTERM, sending SIGKILL");
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Progress.log(name + ": stopped (pid " + process.pid() + ")");
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
