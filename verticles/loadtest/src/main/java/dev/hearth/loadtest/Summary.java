package dev.hearth.loadtest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The result of a run: printed as a table, written as JSON, read by tests. Latencies are
 * command round trips (send to the reply with the same id), answered or refused alike.
 */
public final class Summary {
    private final BotOptions options;
    private final Mix mix;
    private final ServerFacts server;
    private final RunStats stats;
    private final Latencies latencies;
    private final Phases phases;
    private final Instant startedAt;
    private final JsonArray timeline;

    /**
     * The two parts of a run: entering (logins, first rooms) and play, which the rates are of.
     *
     * @param deliveriesBeforePlay events pushed while entering (arrivals, mostly), left out of the play's deliveries
     */
    record Phases(double enteringSeconds, double playingSeconds, long deliveriesBeforePlay) {
    }

    Summary(BotOptions options, Mix mix, ServerFacts server, RunStats stats, Phases phases, Instant startedAt, JsonArray timeline) {
        this.options = options;
        this.mix = mix;
        this.server = server;
        this.stats = stats;
        this.latencies = stats.latencies();
        this.phases = phases;
        this.startedAt = startedAt;
        this.timeline = timeline;
    }

    /** Where the result was written ({@code --json}). */
    public Path jsonFile() {
        return options.json();
    }

    public int players() {
        return options.players();
    }

    public long loggedIn() {
        return stats.loggedIn.sum();
    }

    /** Bots that entered the world: hello answered, session registered, first room received. */
    public long entered() {
        return stats.entered.sum();
    }

    public long closedCleanly() {
        return stats.closedCleanly.sum();
    }

    /** Commands answered ok or refused by the game (a refusal is an answer). */
    public long answered() {
        return stats.answered();
    }

    /** Commands sent, answered or not. */
    public long sent() {
        long sent = 0;
        for (Action action : Action.values()) sent += stats.of(action).sent.sum();
        return sent;
    }

    public double commandsPerSecond() {
        return answered() / phases.playingSeconds();
    }

    /** Events pushed to the bots during play. */
    public long deliveries() {
        return stats.deliveries.sum() - phases.deliveriesBeforePlay();
    }

    public double deliveriesPerSecond() {
        return deliveries() / phases.playingSeconds();
    }

    public double p50Millis() {
        return latencies.percentile(50) / 1000.0;
    }

    public double p99Millis() {
        return latencies.percentile(99) / 1000.0;
    }

    public long errors() {
        return stats.errors();
    }

    public Map<String, Long> errorsByKind() {
        return stats.errorsByKind();
    }

    /** The first errors, each with the bot and what happened. */
    public List<String> errorSamples() {
        return stats.errorSamples();
    }

    /** With --rooms-of: bots that walked to their bench room. */
    public long placed() {
        return stats.placed.sum();
    }

    /** With --rooms-of: bots whose walk ended in another room than theirs, without an error. */
    public long placedElsewhere() {
        return stats.elsewhere.sum();
    }

    /** With --reconnect-at: bots that dropped their socket. */
    public long dropped() {
        return stats.dropped.sum();
    }

    /** With --reconnect-at: bots back in the world after the drop. */
    public long reconnected() {
        return stats.reconnected.sum();
    }

    /** Seconds from the drop to the last bot back. */
    public double reconnectSeconds() {
        return stats.reconnectSeconds();
    }

    public double reconnectsPerSecond() {
        double seconds = reconnectSeconds();
        return seconds == 0 ? 0 : reconnected() / seconds;
    }

    /** Commands the bots sent that this server does not list in its help, answered unknown_command (not errors). */
    public long unsupported() {
        return stats.unsupported.sum();
    }

    public String table() {
        StringBuilder text = new StringBuilder();
        text.append("Hearth bots: %,d players for %d s on %s, mix %s, think %d ms%s%n".formatted(
                options.players(), options.durationSeconds(), options.gateway(), mix.describe(), options.thinkMillis(),
                options.lineBytes() > 0 ? ", lines of " + options.lineBytes() + " bytes" : ""));
        List<Action> skipped = options.mix().missingFrom(mix);
        if (!skipped.isEmpty()) {
            StringJoiner names = new StringJoiner(", ");
            skipped.forEach(action -> names.add(action.command));
            text.append("left out (not in the server's help): ").append(names).append('\n');
        }
        text.append("logged in %,d/%d, entered the world %,d in %.1f s (peak connected %,d), closed cleanly %,d%n".formatted(
                loggedIn(), options.players(), entered(), phases.enteringSeconds(), stats.peakConnected.get(), closedCleanly()));
        Latencies logins = stats.logins.snapshot();
        Latencies entries = stats.entries.snapshot();
        text.append("login p50 %s ms p99 %s ms; entering (socket to first room) p50 %s ms p99 %s ms%n".formatted(
                ms(logins.percentile(50)), ms(logins.percentile(99)), ms(entries.percentile(50)), ms(entries.percentile(99))));
        if (options.roomsOf() > 0) {
            Latencies placing = stats.placing.snapshot();
            text.append("placed in bench rooms of %d: %,d/%d%s; placing (first room to bench room) p50 %s ms p99 %s ms%n".formatted(
                    options.roomsOf(), placed(), options.players(), placedElsewhere() > 0 ? " (" + count(placedElsewhere()) + " ended elsewhere)" : "",
                    ms(placing.percentile(50)), ms(placing.percentile(99))));
        }
        if (options.reconnectAtSeconds() > 0) {
            Latencies reconnects = stats.reconnects.snapshot();
            text.append(("reconnect storm at %d s: dropped %,d, back %,d (%,d resumed) in %.2f s (%,.1f/s), failed %,d; drop to back p50 %s ms p99 %s ms;"
                    + " commands cut off %,d%n").formatted(options.reconnectAtSeconds(), dropped(), reconnected(), stats.resumed.sum(), reconnectSeconds(),
                    reconnectsPerSecond(), stats.reconnectFailed.sum(), ms(reconnects.percentile(50)), ms(reconnects.percentile(99)),
                    stats.interrupted.sum()));
        }
        text.append("played %.1f s: commands %,d (%,.1f/s), deliveries %,d (%,.1f/s), errors %,d%n%n".formatted(
                phases.playingSeconds(), answered(), commandsPerSecond(), deliveries(), deliveriesPerSecond(), errors()));
        String row = "%-10s %9s %9s %9s %7s %9s %9s %9s %9s%n";
        text.append(row.formatted("command", "sent", "ok", "refused", "errors", "p50 ms", "p99 ms", "p99.9 ms", "max ms"));
        for (Action action : Action.values()) {
            RunStats.PerAction numbers = stats.of(action);
            if (numbers.sent.sum() == 0) continue;
            Latencies l = numbers.latency.snapshot();
            text.append(row.formatted(action.command, count(numbers.sent.sum()), count(numbers.ok.sum()), count(numbers.refused.sum()),
                    count(numbers.errors.sum()), ms(l.percentile(50)), ms(l.percentile(99)), ms(l.percentile(99.9)), ms(l.max())));
        }
        long ok = 0;
        long refused = 0;
        long failed = 0;
        for (Action action : Action.values()) {
            ok += stats.of(action).ok.sum();
            refused += stats.of(action).refused.sum();
            failed += stats.of(action).errors.sum();
        }
        text.append(row.formatted("all", count(sent()), count(ok), count(refused), count(failed), ms(latencies.percentile(50)),
                ms(latencies.percentile(99)), ms(latencies.percentile(99.9)), ms(latencies.max())));
        text.append('\n');
        if (errors() == 0) {
            text.append("errors: none\n");
        } else {
            text.append("errors by kind:");
            errorsByKind().forEach((kind, count) -> text.append(" ").append(kind).append(" ").append(count));
            text.append("\nfirst errors:\n");
            errorSamples().forEach(sample -> text.append("  ").append(sample).append('\n'));
        }
        if (unsupported() > 0) text.append("unknown_command for commands not in the server's help: %,d%n".formatted(unsupported()));
        return text.toString();
    }

    public JsonObject toJson() {
        JsonObject byCommand = new JsonObject();
        for (Action action : Action.values()) {
            RunStats.PerAction numbers = stats.of(action);
            if (numbers.sent.sum() == 0) continue;
            byCommand.put(action.command, new JsonObject().put("sent", numbers.sent.sum()).put("ok", numbers.ok.sum())
                    .put("refused", numbers.refused.sum()).put("errors", numbers.errors.sum())
                    .put("latencyMs", numbers.latency.snapshot().toJson()));
        }
        JsonObject errorKinds = new JsonObject();
        errorsByKind().forEach(errorKinds::put);
        return new JsonObject()
                .put("tool", "hearth-bots")
                .put("startedAt", startedAt.toString())
                .put("gateway", options.gateway().toString())
                .put("players", options.players())
                .put("firstBot", options.botName(0))
                .put("durationSeconds", options.durationSeconds())
                .put("enteringSeconds", Math.round(phases.enteringSeconds() * 1000) / 1000.0)
                .put("playingSeconds", Math.round(phases.playingSeconds() * 1000) / 1000.0)
                .put("mix", mix.describe())
                .put("thinkMillis", options.thinkMillis())
                .put("lineBytes", options.lineBytes())
                .put("roomsOf", options.roomsOf())
                .put("reconnectAtSeconds", options.reconnectAtSeconds())
                .put("rampSeconds", options.rampSeconds())
                .put("sourceAddresses", options.sourceAddresses())
                .put("serverCommands", new JsonArray(server.commands().stream().sorted().toList()))
                .put("loggedIn", loggedIn())
                .put("entered", entered())
                .put("peakConnected", stats.peakConnected.get())
                .put("closedCleanly", closedCleanly())
                .put("loginMs", stats.logins.snapshot().toJson())
                .put("enterMs", stats.entries.snapshot().toJson())
                .put("placing", new JsonObject().put("roomsOf", options.roomsOf()).put("placed", placed()).put("elsewhere", placedElsewhere())
                        .put("latencyMs", stats.placing.snapshot().toJson()))
                .put("reconnect", new JsonObject().put("atSecond", options.reconnectAtSeconds()).put("dropped", dropped())
                        .put("reconnected", reconnected()).put("resumed", stats.resumed.sum()).put("failed", stats.reconnectFailed.sum())
                        .put("seconds", Math.round(reconnectSeconds() * 1000) / 1000.0).put("perSecond", round(reconnectsPerSecond()))
                        .put("latencyMs", stats.reconnects.snapshot().toJson()).put("interruptedCommands", stats.interrupted.sum()))
                .put("sent", sent())
                .put("commands", answered())
                .put("commandsPerSecond", round(commandsPerSecond()))
                .put("deliveries", deliveries())
                .put("deliveriesPerSecond", round(deliveriesPerSecond()))
                .put("latencyMs", latencies.toJson())
                .put("errors", new JsonObject().put("total", errors()).put("byKind", errorKinds)
                        .put("samples", new JsonArray(errorSamples())))
                .put("unsupported", unsupported())
                .put("byCommand", byCommand)
                .put("timeline", timeline);
    }

    private static String count(long value) {
        return "%,d".formatted(value);
    }

    private static String ms(long micros) {
        return "%.1f".formatted(micros / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
