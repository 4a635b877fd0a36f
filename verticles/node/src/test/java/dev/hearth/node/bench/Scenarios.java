package dev.hearth.node.bench;

import dev.hearth.node.bench.BenchNodes.Topology;
import dev.hearth.node.bench.Plot.Point;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmarks themselves. Each plays bots against freshly started nodes and hands the
 * {@link Report} its table, notes and plots. Players are bot accounts {@code bot0001}...;
 * bot number b always plays in bench room group (b - 1) / 20, so any run finds its bots
 * already in their rooms (the first one walks them there).
 */
final class Scenarios {
    private static final int ROOM = 20;

    private final BenchNodes nodes;
    private final BenchPlan plan;
    private final Path runs;
    private final PrintStream log;
    private final Report report;
    /** The most players the capacity mix held on one all node within its p99 bound (0 until measured). */
    private int capacity;
    /** Bots 1..placed have walked to their rooms of 20 in this bench world. */
    private int placed;

    Scenarios(BenchNodes nodes, BenchPlan plan, Path runs, PrintStream log, Report report) throws IOException {
        this.nodes = nodes;
        this.plan = plan;
        this.runs = Files.createDirectories(runs);
        this.log = log;
        this.report = report;
    }

    void run(String scenario) throws Exception {
        switch (scenario) {
            case "memory" -> memory();
            case "capacity" -> capacity(Topology.ALL, plan.capacitySteps());
            case "split" -> {
                memoryOn(Topology.SPLIT, plan.memorySteps());
                capacity(Topology.SPLIT, plan.splitSteps());
            }
            case "chat" -> chat();
            case "rtt" -> roundTrip();
            case "login" -> loginStorm();
            case "reconnect" -> reconnectStorm();
            case "soak" -> soak();
            default -> throw new IllegalArgumentException(scenario);
        }
    }

    // ---- memory per connected player

    private void memory() throws Exception {
        memoryOn(Topology.ALL, plan.memorySteps());
    }

    /**
     * For each step: a fresh node, its memory with no one on, then with N idle players
     * connected. What a player costs is the slope between the first and the last step: each
     * step's growth also holds costs that come once (code the JIT compiles, classes loaded,
     * pools that grow in chunks), and those cancel out in the difference.
     */
    private void memoryOn(Topology topology, List<Integer> steps) throws Exception {
        List<String[]> rows = new ArrayList<>();
        List<long[]> growth = new ArrayList<>(); // players, bytes grown
        for (int players : steps) {
            place(players, topology);
            nodes.start(topology);
            JvmMemory baseline = JvmMemory.of(nodes.gateway().pid(), runs.resolve(topology + "-memory-" + players + "-before.txt"));
            CompletableFuture<BotRun> idle = BotRun.start(topology.name().toLowerCase(Locale.ROOT) + "-memory-" + players, nodes, runs, log,
                    "--players", "" + players, "--duration", "30", "--mix", "idle", "--rooms-of", "" + ROOM, "--enter-limit", "600",
                    "--ramp", "" + ramp(players));
            awaitSessions(players, idle, Duration.ofMinutes(12));
            JvmMemory loaded = JvmMemory.of(nodes.gateway().pid(), runs.resolve(topology + "-memory-" + players + "-with.txt"));
            BotRun run = idle.get(15, TimeUnit.MINUTES);
            growth.add(new long[]{players, loaded.totalBytes() - baseline.totalBytes()});
            rows.add(new String[]{topology.description, count(players), mb(baseline.heapAfterGcBytes()), mb(baseline.nativeBytes()),
                    mb(loaded.heapAfterGcBytes()), mb(loaded.nativeBytes()), kb(loaded.perPlayer(baseline, players)), run.errorText()});
        }
        long[] first = growth.getFirst(), last = growth.getLast();
        double perPlayer = growth.size() > 1 ? (double) (last[1] - first[1]) / (last[0] - first[0]) : (double) last[1] / last[0];
        report.memory(topology, (int) last[0], perPlayer);
        report.table("memory-" + topology, "Memory per connected player, " + topology.description,
                "Idle players (pings only) connected to a fresh node; memory read with jcmd after a full GC: heap in use plus "
                        + "native memory (NMT committed, less the heap's own). \"KB per player\" is each step's growth over its own "
                        + "empty node; what a player costs is the slope between the steps: **" + kb(perPlayer) + " KB** (KiB). "
                        + "jcmd's full output for each reading is kept with the runs.",
                new String[]{"topology", "players", "heap before MB", "native before MB", "heap with MB", "native with MB", "growth KB per player",
                        "errors"},
                rows);
    }

    /**
     * Seconds over which a run's players start: entering is not what most scenarios measure
     * (the login storm does), and thousands at once overrun a two-core node for a minute.
     */
    private static int ramp(int players) {
        return Math.max(0, players / ENTERING_PER_SECOND);
    }

    private static final int ENTERING_PER_SECOND = 150;

    /** Waits until the gateway holds {@code players} sessions (or the bots' run ends first, or time is up). */
    private void awaitSessions(int players, CompletableFuture<BotRun> bots, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && !bots.isDone()) {
            if (sessions() >= players) return;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        if (!bots.isDone()) throw new IllegalStateException("the gateway never held " + players + " sessions in " + limit);
    }

    /**
     * Walks bots 1..players that have never played in this bench world to their rooms of 20,
     * at a steady {@value #PLACING_PER_SECOND} a second: every new character starts in the
     * tavern, and thousands arriving there at once would make it a room of thousands (each
     * arrival told to everyone in it). Measurements then start with every bot in its room,
     * as returning players log in where they left. Leaves the nodes running; the caller
     * restarts them.
     */
    private void place(int players, Topology topology) throws Exception {
        if (players <= placed) return;
        nodes.start(topology);
        int count = players - placed;
        // A bot that did not get there (the world was busy) is somewhere on the way; another pass walks it on.
        for (int pass = 1; ; pass++) {
            BotRun run = BotRun.play("place-" + (placed + 1) + "-" + players + "-pass-" + pass, nodes, runs, log, "--players", "" + count,
                    "--first", "" + (placed + 1), "--duration", "1", "--mix", "idle", "--rooms-of", "" + ROOM,
                    "--ramp", "" + Math.max(1, count / PLACING_PER_SECOND), "--enter-limit", "" + Math.max(600, 3 * count / PLACING_PER_SECOND));
            if (run.errors() == 0) break;
            if (pass == PLACING_PASSES) {
                throw new IllegalStateException("placing bots " + (placed + 1) + ".." + players + " failed: " + run.errorText());
            }
        }
        placed = players;
    }

    private static final int PLACING_PER_SECOND = 100;
    private static final int PLACING_PASSES = 3;

    // ---- capacity under the mix

    private void capacity(Topology topology, List<Integer> steps) throws Exception {
        List<String[]> rows = new ArrayList<>();
        List<Point> p99 = new ArrayList<>();
        int held = 0;
        for (int players : steps) {
            place(players, topology);
            nodes.start(topology);
            BotRun run = mixRun(topology.name().toLowerCase(Locale.ROOT) + "-capacity-" + players, players);
            boolean within = run.p99() <= BenchPlan.CAPACITY_P99_MS && run.errors() == 0 && run.entered() == players;
            rows.add(new String[]{count(players), ms(run.enteringSeconds()), num(run.commandsPerSecond()), num(run.deliveriesPerSecond()),
                    ms(run.p50()), ms(run.p99()), ms(run.p999()), run.errorText(), within ? "yes" : "**no**"});
            p99.add(new Point(players, run.p99()));
            if (!within) break;
            held = players;
        }
        if (topology == Topology.ALL) capacity = held;
        report.capacity(topology, held, p99);
        report.table("capacity-" + topology, "Capacity, " + topology.description,
                "Players in rooms of 20 playing the capacity mix (`" + plan.capacityMix() + "`, a command every " + plan.thinkMillis()
                        + " ms on average), " + plan.playSeconds() + " s of play per step on freshly started nodes; the bound is command p99 ≤ "
                        + BenchPlan.CAPACITY_P99_MS + " ms with no errors. Sustained: **" + count(held) + " players**.",
                new String[]{"players", "all in after s", "commands/s", "deliveries/s", "p50 ms", "p99 ms", "p99.9 ms", "errors", "within"}, rows);
    }

    /** A step of the capacity mix: {@link BenchPlan#playSeconds} of play, players entering over a ramp. */
    private BotRun mixRun(String label, int players, String... more) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--ramp", "" + ramp(players)));
        args.addAll(List.of(more));
        return BotRun.play(label, nodes, runs, log, mixArgs(players, plan.playSeconds(), args.toArray(String[]::new)));
    }

    /** The load tool's options for players playing the capacity mix, in rooms of 20, for {@code seconds}. */
    private String[] mixArgs(int players, int seconds, String... more) {
        List<String> args = new ArrayList<>(List.of("--players", "" + players, "--duration", "" + seconds, "--mix", plan.capacityMix(),
                "--think", "" + plan.thinkMillis(), "--rooms-of", "" + ROOM, "--enter-limit", "600", "--warmup", "" + plan.warmupSeconds()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    // ---- chat fan-out

    private void chat() throws Exception {
        List<String[]> rows = new ArrayList<>();
        Plot plot = new Plot("Chat fan-out: say p99 against deliveries", "deliveries per second", "say p99 (ms)")
                .mark("250 ms", BenchPlan.CHAT_P99_MS).mark("100 ms", 100);
        for (int series = 0; series < plan.chatPlayers().size(); series++) {
            int players = plan.chatPlayers().get(series);
            place(players, Topology.ALL);
            nodes.start(Topology.ALL);
            List<Point> points = new ArrayList<>();
            for (int think : plan.chatThinks().get(series)) {
                BotRun run = chatRun("chat-" + players + "-think-" + think, players, ROOM, think, 1);
                rows.add(chatRow(players + " in rooms of 20", think, run));
                points.add(new Point(run.deliveriesPerSecond(), run.p99()));
                report.chat(players, run.deliveriesPerSecond(), run.p99());
                if (run.p99() > BenchPlan.CHAT_P99_MS) break;
            }
            plot.series(players + " players, rooms of 20", points);
        }
        // The big room: bots of its own, the last numbers the bench rooms hold, which no other scenario plays.
        nodes.start(Topology.ALL);
        int first = plan.benchRooms() * ROOM - plan.bigRoom() + 1;
        List<Point> points = new ArrayList<>();
        for (int rate : plan.bigRoomRates()) {
            int think = plan.bigRoom() * 1000 / rate;
            BotRun run = chatRun("room-" + plan.bigRoom() + "-rate-" + rate, plan.bigRoom(), plan.bigRoom(), think, first, "--ramp", "5");
            rows.add(chatRow("one room of " + plan.bigRoom() + ", " + rate + " lines/s", think, run));
            points.add(new Point(run.deliveriesPerSecond(), run.p99()));
            report.bigRoom(rate, run.p99());
        }
        plot.series("one room of " + plan.bigRoom(), points);
        report.plot("chat", plot);
        report.table("chat", "Chat fan-out",
                "Every bot says 100-byte lines (`say`, one at a time, waiting for each reply) in its room; a shorter pause means more lines. "
                        + "Deliveries are the lines pushed to the other players of the room. Each series runs on a fresh all node, "
                        + plan.chatSeconds() + " s per step, until the say p99 passes " + BenchPlan.CHAT_P99_MS + " ms.",
                new String[]{"players", "pause ms", "lines/s", "deliveries/s", "p50 ms", "p99 ms", "p99.9 ms", "errors"}, rows);
    }

    private BotRun chatRun(String label, int players, int roomSize, int think, int first, String... more) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--players", "" + players, "--duration", "" + plan.chatSeconds(), "--mix", "say=1",
                "--line-bytes", "100", "--think", "" + think, "--rooms-of", "" + roomSize, "--first", "" + first, "--enter-limit", "600",
                "--warmup", "" + plan.warmupSeconds()));
        args.addAll(List.of(more));
        return BotRun.play(label, nodes, runs, log, args.toArray(String[]::new));
    }

    private static String[] chatRow(String who, int think, BotRun run) {
        return new String[]{who, count(think), num(run.commandsPerSecond()), num(run.deliveriesPerSecond()), ms(run.p50()), ms(run.p99()),
                ms(run.p999()), run.errorText()};
    }

    // ---- command round trip at fractions of capacity

    private void roundTrip() throws Exception {
        int base = capacity > 0 ? capacity : plan.capacitySteps().getFirst();
        List<String[]> rows = new ArrayList<>();
        for (int percent : List.of(25, 50, 75)) {
            int players = Math.max(1, base * percent / 100);
            place(players, Topology.ALL);
            nodes.start(Topology.ALL);
            BotRun run = mixRun("rtt-" + percent, players);
            rows.add(new String[]{percent + "%", count(players), num(run.commandsPerSecond()), ms(run.p50()), ms(run.p99()), ms(run.p999()),
                    ms(run.latency().getDouble("max", 0.0)), run.errorText()});
            report.roundTrip(percent, run.p50(), run.p99(), run.p999());
        }
        report.table("rtt", "Command round trip",
                "The capacity mix at a quarter, half and three quarters of the capacity measured above (" + count(base)
                        + " players), on a fresh all node each; latency is from a command's send to its reply, at the bot.",
                new String[]{"of capacity", "players", "commands/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors"}, rows);
    }

    // ---- login storm

    private void loginStorm() throws Exception {
        int base = capacity > 0 ? capacity : plan.capacitySteps().getFirst();
        int steady = Math.max(1, base / 4);
        place(steady + plan.stormPlayers(), Topology.ALL);
        nodes.start(Topology.ALL);
        int stormSeconds = 30;
        CompletableFuture<BotRun> playing = BotRun.start("login-steady", nodes, runs, log, mixArgs(steady, stormSeconds + 60));
        awaitSessions(steady, playing, Duration.ofMinutes(10));
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(10)); // let the steady players settle into play before the storm
        Instant stormStart = Instant.now();
        BotRun storm = BotRun.play("login-storm", nodes, runs, log, "--players", "" + plan.stormPlayers(), "--first", "" + (steady + 1),
                "--duration", "5", "--mix", "idle", "--rooms-of", "" + ROOM, "--enter-limit", "600");
        Instant stormEnd = storm.startedAt().plusMillis(Math.round(storm.enteringSeconds() * 1000));
        BotRun others = playing.get(15, TimeUnit.MINUTES);
        double loginsPerSecond = storm.entered() / Math.max(0.001, storm.enteringSeconds());
        List<Point> p99 = new ArrayList<>();
        double worst = 0;
        for (JsonObject second : others.timeline()) {
            Instant at = others.startedAt().plusSeconds(second.getInteger("second"));
            if (!"playing".equals(second.getString("phase"))) continue;
            double x = Duration.between(stormStart, at).toMillis() / 1000.0;
            p99.add(new Point(Math.max(0, x + 20), second.getDouble("p99", 0.0)));
            if (!at.isBefore(stormStart) && !at.isAfter(stormEnd.plusSeconds(1))) worst = Math.max(worst, second.getDouble("p99", 0.0));
        }
        report.loginStorm(loginsPerSecond, worst);
        report.plot("login", new Plot("Login storm: the other players' p99, second by second", "seconds (storm starts at 20)",
                "p99 of that second (ms)").series(count(steady) + " players playing", p99).mark("50 ms", 50));
        report.table("login", "Login storm",
                count(steady) + " players play the capacity mix while " + count(plan.stormPlayers()) + " more log in at once (16 logins in flight, what the gateway's hashing queue admits; beyond it answers 503 and Retry-After): "
                        + "HTTP login (Argon2id verify), WebSocket, hello, first room.",
                new String[]{"storm players", "entered", "seconds", "logins/s", "login p50 ms", "login p99 ms", "others' worst p99 ms (storm seconds)",
                        "others' p99 ms (whole run)", "errors"},
                List.<String[]>of(new String[]{count(plan.stormPlayers()), count(storm.entered()), ms(storm.enteringSeconds()),
                        num(loginsPerSecond), ms(storm.result().getJsonObject("loginMs").getDouble("p50", 0.0)),
                        ms(storm.result().getJsonObject("loginMs").getDouble("p99", 0.0)), ms(worst), ms(others.p99()),
                        storm.errorText() + " / " + others.errorText()}));
    }

    // ---- reconnect storm

    private void reconnectStorm() throws Exception {
        int players = plan.reconnectPlayers();
        place(players, Topology.ALL);
        nodes.start(Topology.ALL);
        BotRun run = mixRun("reconnect-" + players, players, "--reconnect-at", "15", "--duration", "45");
        JsonObject reconnect = run.result().getJsonObject("reconnect", new JsonObject());
        report.reconnect(players, reconnect);
        report.table("reconnect", "Reconnect storm",
                count(players) + " players playing the capacity mix all drop their connection at once, 15 s into play, and resume their "
                        + "session with the token they hold (new WebSocket, hello with the last seq seen, register, the events missed); no new login. "
                        + "Latency is from the drop to being back.",
                new String[]{"players", "back", "resumed", "all back after s", "reconnects/s", "p50 ms", "p99 ms", "errors"},
                List.<String[]>of(new String[]{count(players), count(reconnect.getLong("reconnected", 0L)), count(reconnect.getLong("resumed", 0L)),
                        String.format(Locale.ROOT, "%.2f", reconnect.getDouble("seconds", 0.0)), num(reconnect.getDouble("perSecond", 0.0)),
                        ms(reconnect.getJsonObject("latencyMs", new JsonObject()).getDouble("p50", 0.0)),
                        ms(reconnect.getJsonObject("latencyMs", new JsonObject()).getDouble("p99", 0.0)), run.errorText()}));
    }

    // ---- soak

    private void soak() throws Exception {
        int base = capacity > 0 ? capacity : plan.capacitySteps().getFirst();
        int players = Math.max(1, base / 2);
        place(players, Topology.ALL);
        nodes.start(Topology.ALL);
        JvmMemory before = JvmMemory.of(nodes.gateway().pid(), runs.resolve("soak-memory-before.txt"));
        int subscriptionsBefore = subscriptions(nodes.gatewayStatus());
        CompletableFuture<BotRun> soak = BotRun.start("soak", nodes, runs, log, mixArgs(players, plan.soakSeconds()));
        List<Point> heap = new ArrayList<>(), subs = new ArrayList<>();
        long start = System.nanoTime();
        while (!soak.isDone()) {
            JsonObject status;
            try {
                status = nodes.gatewayStatus();
            } catch (AssertionError slow) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(10));
                continue;
            }
            double t = (System.nanoTime() - start) / 1e9;
            heap.add(new Point(t, status.getJsonObject("memory").getLong("heapAfterLastGcBytes") / 1e6));
            subs.add(new Point(t, subscriptions(status)));
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(10));
        }
        BotRun run = soak.get();
        awaitNoSessions(Duration.ofMinutes(2));
        JvmMemory after = JvmMemory.of(nodes.gateway().pid(), runs.resolve("soak-memory-after.txt"));
        int subscriptionsAfter = subscriptions(nodes.gatewayStatus());
        report.plot("soak", new Plot("Soak: heap after the last GC, and the cluster's subscriptions", "seconds", "MB / entries")
                .series("heap after last GC (MB)", heap).series("subscription map entries", subs));
        report.soak(before, after, subscriptionsBefore, subscriptionsAfter);
        report.table("soak", "Soak",
                count(players) + " players (half the capacity) play the capacity mix for " + plan.soakSeconds() + " s on one all node. "
                        + "Memory after a full GC (jcmd) before the players come and after they have all left; the heap line of the plot is "
                        + "the heap after each GC as the node's /status reports it. Characters stay active for their idle age "
                        + "(10 minutes) after their player leaves, so some of the heap after is theirs.",
                new String[]{"players", "commands/s", "p50 ms", "p99 ms", "p99.9 ms", "heap before MB", "heap after MB", "native before MB",
                        "native after MB", "subscriptions before", "after", "errors"},
                List.<String[]>of(new String[]{count(players), num(run.commandsPerSecond()), ms(run.p50()), ms(run.p99()), ms(run.p999()),
                        mb(before.heapAfterGcBytes()), mb(after.heapAfterGcBytes()), mb(before.nativeBytes()), mb(after.nativeBytes()),
                        count(subscriptionsBefore), count(subscriptionsAfter), run.errorText()}));
    }

    /** The gateway's sessions now; -1 when a busy node does not answer its status in time (it is asked again). */
    private int sessions() {
        try {
            return nodes.gatewayStatus().getInteger("sessions", 0);
        } catch (AssertionError | RuntimeException slow) {
            log.println("(the gateway's status did not answer: " + slow.getMessage() + ")");
            return -1;
        }
    }

    private void awaitNoSessions(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (sessions() != 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    private static int subscriptions(JsonObject status) {
        return status.getJsonObject("cluster", new JsonObject()).getInteger("subscriptions", -1);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String num(double n) {
        return String.format(Locale.ROOT, "%,.0f", n);
    }

    static String ms(double n) {
        return String.format(Locale.ROOT, "%.1f", n);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    static String kb(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024);
    }
}
