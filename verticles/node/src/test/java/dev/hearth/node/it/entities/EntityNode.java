package dev.hearth.node.it.entities;

import dev.hearth.node.it.NodeProcess;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/** An {@link EntityNodeMain} process and calls through its control API. */
final class EntityNode implements AutoCloseable {
    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    /** How long an HTTP request may wait beyond the entity call's own timeout. */
    private static final Duration HTTP_GRACE = Duration.ofSeconds(3);
    /** The same for requests sent to a node that may be frozen: they wait for it to wake. */
    private static final Duration FROZEN_GRACE = Duration.ofSeconds(20);

    /** The answer to one call: its HTTP status (-1 when nothing answered) and body. */
    record Reply(int status, JsonObject body) {
        boolean ok() {
            return status == 200;
        }

        Integer value() {
            if (!ok()) throw new AssertionError("the call failed: " + this);
            return body.getInteger("value");
        }
    }

    final NodeProcess process;
    private String id;

    private EntityNode(NodeProcess process) {
        this.process = process;
    }

    /**
     * @param members every cluster member's address, this one's included
     * @param failureSeconds Hazelcast's heartbeat timeout: 5 s for failover tests (TOOLCHAIN.md)
     */
    static EntityNode start(String name, int clusterPort, String members, DatabaseUrl db, int failureSeconds, Path workDir)
            throws IOException {
        Map<String, String> env = new HashMap<>(NodeProcess.env("game", clusterPort, members, db, failureSeconds));
        env.put("HEARTH_TEST_LEASE_MS", "3000");
        return new EntityNode(NodeProcess.startMain(name, EntityNodeMain.class, env, workDir));
    }

    /** A node that calls entities and hosts none, as a gateway does (a Hazelcast lite member). */
    static EntityNode startCaller(String name, int clusterPort, String members, DatabaseUrl db, int failureSeconds, Path workDir)
            throws IOException {
        Map<String, String> env = new HashMap<>(NodeProcess.env("gateway", clusterPort, members, db, failureSeconds));
        return new EntityNode(NodeProcess.startMain(name, EntityNodeMain.class, env, workDir));
    }

    /** Until a caller listens and sees {@code hosts} nodes that host entities. */
    EntityNode awaitCalling(Duration limit, int hosts) {
        process.awaitHealthy(limit);
        Await.within(Duration.ofSeconds(10), name() + " sees " + hosts + " hosts",
                () -> health().getJsonArray("liveHosts").size() == hosts);
        id = health().getString("node");
        return this;
    }

    /** Until the node listens and holds a lease: it can host entities. */
    EntityNode awaitUp(Duration limit) {
        process.awaitHealthy(limit);
        Await.within(Duration.ofSeconds(10), name() + " holds a lease", () -> health().getBoolean("serving"));
        id = health().getString("node");
        return this;
    }

    /** The entity runtime's node id: what the owner column and the leases name. */
    String id() {
        return id;
    }

    String name() {
        return process.name;
    }

    JsonObject health() {
        Reply reply = send("GET", "/health", Duration.ofSeconds(5));
        if (!reply.ok()) throw new AssertionError(name() + " health unavailable: " + reply);
        return reply.body();
    }

    /**
     * Opens {@code count} kept-alive connections to the node: requests sent later over them
     * reach its event loops at once, without waiting for it to accept a connection.
     */
    void openConnections(int count) {
        List<CompletableFuture<Reply>> probes = IntStream.range(0, count)
                .mapToObj(i -> sendAsync("GET", "/health", Duration.ofSeconds(5))).toList();
        probes.forEach(CompletableFuture::join);
    }

    Reply increment(String key) {
        return increment(key, null, Duration.ofSeconds(10));
    }

    Reply increment(String key, String commandId, Duration timeout) {
        return send("POST", "/counter/increment?key=" + encode(key)
                + (commandId == null ? "" : "&commandId=" + encode(commandId)) + timeout(timeout), timeout.plus(HTTP_GRACE));
    }

    Reply move(String from, String to, int amount) {
        return send("POST", "/counter/move?key=" + encode(from) + "&to=" + encode(to) + "&amount=" + amount
                + timeout(Duration.ofSeconds(5)), Duration.ofSeconds(5).plus(HTTP_GRACE));
    }

    Reply value(String key, Duration timeout) {
        return send("GET", "/counter/value?key=" + encode(key) + timeout(timeout), timeout.plus(HTTP_GRACE));
    }

    CompletableFuture<Reply> valueLater(String key, Duration timeout) {
        return sendAsync("GET", "/counter/value?key=" + encode(key) + timeout(timeout), timeout.plus(FROZEN_GRACE));
    }

    CompletableFuture<Reply> incrementSlowlyLater(String key, Duration millis, Duration timeout) {
        return sendAsync("POST", "/counter/increment-slowly?key=" + encode(key) + "&millis=" + millis.toMillis() + timeout(timeout),
                timeout.plus(FROZEN_GRACE));
    }

    /** Adds one to the game's tally {@code key}, applied once per command id. */
    Reply addToTally(String key, String commandId, Duration timeout) {
        return send("POST", "/tally/add?key=" + encode(key) + "&commandId=" + encode(commandId) + timeout(timeout),
                timeout.plus(HTTP_GRACE));
    }

    Reply enterLevel(String player, int barrels) {
        return send("POST", "/player/enter-level?key=" + encode(player) + "&barrels=" + barrels, Duration.ofSeconds(20));
    }

    Reply score(String player) {
        return score(player, Duration.ofSeconds(10));
    }

    Reply score(String player, Duration timeout) {
        return send("GET", "/player/score?key=" + encode(player) + timeout(timeout), timeout.plus(HTTP_GRACE));
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    void freeze() throws IOException, InterruptedException {
        process.freeze();
    }

    void thaw() throws IOException, InterruptedException {
        process.thaw();
    }

    /** The end of each test: the database is fresh for the next one, so nothing needs a graceful stop. */
    @Override
    public void close() throws InterruptedException {
        process.kill();
    }

    private Reply send(String method, String path, Duration limit) {
        return sendAsync(method, path, limit).join();
    }

    private CompletableFuture<Reply> sendAsync(String method, String path, Duration limit) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.managementPort + path))
                .timeout(limit).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(), json(response.body())))
                .exceptionally(e -> new Reply(-1, new JsonObject().put("error", "no answer").put("message", String.valueOf(e))));
    }

    private static JsonObject json(String body) {
        try {
            return new JsonObject(body);
        } catch (RuntimeException e) {
            return new JsonObject().put("text", body);
        }
    }

    private static String timeout(Duration timeout) {
        return "&timeoutMs=" + timeout.toMillis();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name() + " (" + id + ")";
    }
}
