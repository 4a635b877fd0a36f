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
 * scripts/run.sh does (or from a test main class on the test class path), with its output
 * in a log file. Closing it sends SIGTERM (the graceful path) and only kills it if it does
 * not stop in time.
 */
public final class NodeProcess implements AutoCloseable {
    /** Test clusters start several nodes on two cores: small heaps. */
    private static final String DEFAULT_HEAP = "-Xmx256m";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final int managementPort;
    public final int httpPort;
    public final Path log;
    private final Process process;
    private volatile boolean frozen;

    private NodeProcess(String name, int managementPort, int httpPort, Path log, Process process) {
        this.name = name;
        this.managementPort = managementPort;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    public static NodeProcess start(String name, Map<String, String> env, Path workDir) throws IOException {
        return start(name, env, workDir, List.of(DEFAULT_HEAP));
    }

    /** As {@link #start(String, Map, Path)}, with these JVM options (heap size, NMT...) instead of the tests' small heap. */
    public static NodeProcess start(String name, Map<String, String> env, Path workDir, List<String> jvmOptions) throws IOException {
        String jar = System.getProperty("hearth.node.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("hearth.node.jar not set or missing: " + jar + " (run through Maven's verify phase)");
        }
        return launch(name, jvmOptions, List.of("-jar", jar), env, workDir);
    }

    /**
     * Runs a test launcher ({@code main(String[])}) in its own JVM on this test's class path,
     * with the same JVM flags and environment defaults as a packaged node.
     */
    public static NodeProcess startMain(String name, Class<?> mainClass, Map<String, String> env, Path workDir) throws IOException {
        // Surefire/failsafe may start this JVM from a manifest-only jar; they publish the real path here.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return launch(name, List.of(DEFAULT_HEAP), List.of("-cp", classPath, mainClass.getName()), env, workDir);
    }

    private static NodeProcess launch(String name, List<String> jvmOptions, List<String> launchArgs, Map<String, String> env,
                                      Path workDir) throws IOException {
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
        command.addAll(jvmOptions);
        command.addAll(launchArgs);
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(full);
        return new NodeProcess(name, Integer.parseInt(full.get("HEARTH_MANAGEMENT_PORT")),
                Integer.parseInt(full.get("HEARTH_HTTP_PORT")), log, builder.start());
    }

    public NodeProcess awaitHealthy(Duration limit) {
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

    public JsonObject status() {
        try {
            return new JsonObject(get("/status").body());
        } catch (IOException e) {
            throw new AssertionError(name + " status unavailable: " + e.getMessage());
        }
    }

    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError(name + " still running after " + limit);
        return process.exitValue();
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String logTail() {
        String text = logText();
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!process.isAlive()) return;
        if (frozen) thaw(); // a stopped process would not act on SIGTERM
        process.destroy(); // SIGTERM: the node's shutdown hook runs
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, without waiting: what an operator's graceful stop sends. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook, no goodbye to the cluster, as when a machine dies. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the process stays, silent, as in a long GC pause or a VM that was suspended. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT: a frozen process runs on, unaware that time has passed. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
        frozen = false;
    }

    // ProcessHandle can only terminate or kill; stop and continue need kill(1).
    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes());
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed: " + output);
        }
    }

    /** The environment of a node in a test cluster that uses an external test database. */
    public static Map<String, String> env(String role, int clusterPort, String members, DatabaseUrl db, int failureSeconds) {
        return Map.of(
                "HEARTH_ROLE", role,
                "HEARTH_DB_URL", url(db),
                "HEARTH_CLUSTER_PORT", String.valueOf(clusterPort),
                "HEARTH_CLUSTER_MEMBERS", members,
                "HEARTH_CLUSTER_FAILURE_SECONDS", String.valueOf(failureSeconds));
    }

    /** The test database as HEARTH_DB_URL names it (test databases have no password). */
    public static String url(DatabaseUrl db) {
        return "postgresql://" + db.user() + "@" + db.host() + ":" + db.port() + "/" + db.database();
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

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
