package dev.hearth.node.bench;

import dev.hearth.loadtest.LoadRun;
import dev.hearth.loadtest.Summary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One run of the load tool ({@code verticles/loadtest}) inside this JVM, which is the load
 * generator: the same options as {@code scripts/loadtest.sh}, its JSON kept for the report.
 */
record BotRun(String label, JsonObject result) {

    /** Runs and waits; {@code args} are the load tool's options, gateway, database and JSON file added. */
    static BotRun play(String label, BenchNodes nodes, Path resultDir, PrintStream log, String... args) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        Path json = resultDir.resolve(label.replaceAll("[^A-Za-z0-9._-]+", "-") + ".json");
        all.addAll(List.of("--gateway", nodes.gatewayUrl(), "--db", nodes.databaseUrl(), "--json", json.toString()));
        log.println("== " + label + ": bots " + String.join(" ", args));
        Summary summary = LoadRun.run(all, log);
        log.print(summary.table());
        return new BotRun(label, summary.toJson());
    }

    /** As {@link #play}, on another thread: for a storm while other players play. */
    static CompletableFuture<BotRun> start(String label, BenchNodes nodes, Path resultDir, PrintStream log, String... args) {
        CompletableFuture<BotRun> done = new CompletableFuture<>();
        Thread.ofPlatform().name("bots-" + label).start(() -> {
            try {
                done.complete(play(label, nodes, resultDir, log, args));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    int players() {
        return result.getInteger("players");
    }

    long entered() {
        return result.getLong("entered", 0L);
    }

    long errors() {
        return result.getJsonObject("errors").getLong("total", 0L);
    }

    JsonObject errorsByKind() {
        return result.getJsonObject("errors").getJsonObject("byKind", new JsonObject());
    }

    double commandsPerSecond() {
        return result.getDouble("commandsPerSecond", 0.0);
    }

    double deliveriesPerSecond() {
        return result.getDouble("deliveriesPerSecond", 0.0);
    }

    JsonObject latency() {
        return result.getJsonObject("latencyMs");
    }

    double p50() {
        return latency().getDouble("p50", 0.0);
    }

    double p99() {
        return latency().getDouble("p99", 0.0);
    }

    double p999() {
        return latency().getDouble("p999", 0.0);
    }

    double enteringSeconds() {
        return result.getDouble("enteringSeconds", 0.0);
    }

    Instant startedAt() {
        return Instant.parse(result.getString("startedAt"));
    }

    /** The per-second lines of the run (second, phase, connected, commands, deliveries, p50, p99, errors). */
    List<JsonObject> timeline() {
        JsonArray timeline = result.getJsonArray("timeline", new JsonArray());
        List<JsonObject> seconds = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) seconds.add(timeline.getJsonObject(i));
        return seconds;
    }

    /** "0" or "3 (timeout 2, socket_closed 1)". */
    String errorText() {
        if (errors() == 0) return "0";
        StringBuilder text = new StringBuilder().append(errors()).append(" (");
        errorsByKind().forEach(e -> text.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
        text.setLength(text.length() - 2);
        return text.append(')').toString();
    }
}
