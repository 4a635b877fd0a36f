package dev.hearth.node.it;

import dev.hearth.runtime.db.DatabaseUrl;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Hearth node in its own JVM, started from the packaged jar exactly as
 * scripts/run.sh does, with its output in a log file. Closing it sends SIGTERM (the
 * graceful path) and only kills it if it does not stop in time.
 */
final class NodeProcess implements AutoCloseable {
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int managementPort;
    final int httpPort;
    final Path log;
    private final Process process;

    private NodeProcess(String name, int managementPort, int httpPort, Path log, Process process) {
        this.name = name;
        this.managementPort = managementPort;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    static NodeProcess start(String name, Map<String, String> env, Path workDir) throws IOException {
        String jar = System.getProperty("hearth.node.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("hearth.node.jar not set or missing: " + jar + " (run through Maven's verify phase)");
        }
        Map<String, String> full = new HashMap<>(env);
        full.putIfAbsent("HEARTH_NODE_NAME", name);
        full.putIfAbsent("HEARTH_MANAGEMENT_PORT", String.valueOf(freePort()));
        full.putIfAbsent("HEARTH_HTTP_PORT", String.valueOf(freePort()));
        full.putIfAbsent("HEARTH_DATA_DIR", workDir.resolve(name + "-data").toString());
        full.putIfAbsent("HEARTH_PASSWORD_HASHING", "cheap");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Arrays.asList(System.getProperty("hearth.jvm.flags", "").split("\\s+")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("-Xmx256m", "-jar", jar));
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(full);
        return new NodeProcess(name, Integer.parseInt(full.get("HEARTH_MANAGEMENT_PORT")),
                Integer.parseInt(full.get("HEARTH_HTTP_PORT")), log, builder.start());
    }

    NodeProcess awaitHealthy(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!process.isAlive()) throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
            try {
                if (get("/health").statusCode() == 200) return this;
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) throw new AssertionError(name + " not healthy within " + limit + ":\n" + logTail());
            LockSupport.parkNanos(100_000_000);
        }
    }

    JsonObject status() {
        try {
            return new JsonObject(get("/status").body());
        } catch (IOException e) {
            throw new AssertionError(name + " status unavailable: " + e.getMessage());
        }
    }

    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError(name + " still running after " + limit);
        return process.exitValue();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String logTail() {
        String text = logText();
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy(); // SIGTERM: the node's shutdown hook runs
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGKILL: no shutdown hook, no goodbye to the cluster, as when a machine dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The environment of a node in a test cluster that uses an external test database. */
    static Map<String, String> env(String role, int clusterPort, String members, DatabaseUrl db, int failureSeconds) {
        return Map.of(
                "HEARTH_ROLE", role,
                "HEARTH_DB_URL", "postgresql://" + db.user() + "@" + db.host() + ":" + db.port() + "/" + db.database(),
                "HEARTH_CLUSTER_PORT", String.valueOf(clusterPort),
                "HEARTH_CLUSTER_MEMBERS", members,
                "HEARTH_CLUSTER_FAILURE_SECONDS", String.valueOf(failureSeconds));
    }

    private HttpResponse<String> get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
