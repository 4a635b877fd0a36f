package dev.hearth.node.bench;

import dev.hearth.node.bench.BenchNodes.Topology;
import dev.hearth.node.bench.Plot.Point;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The load benchmarks' part of docs/benchmarks.md: the machine, the command, a targets
 * table (met or not, from what the scenarios measured), then each scenario's table and
 * plot. It replaces only what lies between its two markers, so the hand-written parts of
 * the file (the entity runtime's analysis, build times) stay.
 */
final class Report {
    static final String BEGIN = "<!-- scripts/bench.sh writes from here -->";
    static final String END = "<!-- scripts/bench.sh writes up to here -->";

    private record Section(String title, String text) {
    }

    private record Target(String what, String target, String measured, Boolean met) {
    }

    private final Path markdown;
    private final Path plotDir;
    private final BenchPlan plan;
    private final Path entities;
    private final String startedAt = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    private final String loadAtStart = loadAverage();
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<Integer, List<double[]>> chat = new LinkedHashMap<>();

    Report(Path markdown, Path plotDir, BenchPlan plan, Path entities) {
        this.markdown = markdown;
        this.plotDir = plotDir;
        this.plan = plan;
        this.entities = entities;
    }

    Path plotDir() {
        return plotDir;
    }

    void table(String key, String title, String text, String[] header, List<String[]> rows) {
        StringBuilder md = new StringBuilder(text).append("\n\n| ").append(String.join(" | ", header)).append(" |\n|");
        md.append(" --- |".repeat(header.length)).append('\n');
        for (String[] row : rows) md.append("| ").append(String.join(" | ", row)).append(" |\n");
        Section plotted = sections.get("plot:" + key);
        sections.put(key, new Section(title, md.toString()));
        if (plotted != null) { // keep a scenario's plot after its table
            sections.remove("plot:" + key);
            sections.put("plot:" + key, plotted);
        }
    }

    void plot(String name, Plot plot) throws IOException {
        Files.createDirectories(plotDir);
        Files.writeString(plotDir.resolve(name + ".svg"), plot.svg());
        String relative = markdown.toAbsolutePath().getParent().relativize(plotDir.resolve(name + ".svg").toAbsolutePath()).toString();
        sections.put("plot:" + name, new Section(null, "![" + name + "](" + relative + ")\n"));
    }

    void failed(String scenario, Throwable e) {
        sections.put("failed:" + scenario, new Section("Scenario " + scenario + " did not finish",
                "It failed with `" + e.toString().replace('`', '\'') + "`; see the suite's log (bench.log in its work folder).\n"));
    }

    // ---- what the targets are checked against

    void memory(Topology topology, int players, double perPlayerBytes) {
        if (players < 15_000 && plan == BenchPlan.FULL) return;
        targets.put("memory-" + topology, new Target("connected players and memory per player, " + topology.description,
                "≥ 15,000 players, ≤ 32 KB each", Scenarios.count(players) + " players, " + Scenarios.kb(perPlayerBytes) + " KB each",
                players >= 15_000 && perPlayerBytes <= 32 * 1024));
    }

    void capacity(Topology topology, int held, List<Point> p99) throws IOException {
        targets.put("capacity-" + topology, new Target("capacity under the mix, " + topology.description, "(reported) p99 ≤ 50 ms",
                Scenarios.count(held) + " players", null));
        plot("capacity-" + topology, new Plot("Capacity, " + topology.description + ": command p99 by players", "players", "p99 (ms)")
                .series("capacity mix", p99).mark("50 ms", BenchPlan.CAPACITY_P99_MS));
    }

    void chat(int players, double deliveries, double p99) {
        chat.computeIfAbsent(players, p -> new ArrayList<>()).add(new double[]{deliveries, p99});
        double at100 = best(players, 100), at250 = best(players, 250);
        if (players == 1_000) {
            targets.put("chat-1000-100", new Target("chat fan-out, 1,000 players in rooms of 20, p99 < 100 ms", "≥ 300,000 deliveries/s",
                    Scenarios.num(at100) + "/s", at100 >= 300_000));
            targets.put("chat-1000-250", new Target("chat fan-out, 1,000 players in rooms of 20, p99 < 250 ms", "≥ 450,000 deliveries/s",
                    Scenarios.num(at250) + "/s", at250 >= 450_000));
        } else if (players == 5_000) {
            targets.put("chat-5000-250", new Target("chat fan-out, 5,000 players in rooms of 20, p99 < 250 ms", "≥ 230,000 deliveries/s",
                    Scenarios.num(at250) + "/s", at250 >= 230_000));
        }
    }

    /** The most deliveries/s a series reached with its p99 under {@code boundMs}. */
    private double best(int players, double boundMs) {
        return chat.getOrDefault(players, List.of()).stream().filter(r -> r[1] < boundMs).mapToDouble(r -> r[0]).max().orElse(0);
    }

    void bigRoom(int linesPerSecond, double p99) {
        if (linesPerSecond != 2) return;
        targets.put("big-room", new Target("one room of " + plan.bigRoom() + ", 2 lines/s", "p99 < 250 ms", Scenarios.ms(p99) + " ms", p99 < 250));
    }

    void roundTrip(int percent, double p50, double p99, double p999) {
        if (percent != 50) return;
        targets.put("rtt", new Target("command round trip at half of capacity", "p99 ≤ 10 ms",
                "p50 " + Scenarios.ms(p50) + ", p99 " + Scenarios.ms(p99) + ", p99.9 " + Scenarios.ms(p999) + " ms", p99 <= 10));
    }

    void loginStorm(double loginsPerSecond, double othersP99) {
        targets.put("login", new Target("login storm: other players' p99 meanwhile", "≤ 50 ms",
                Scenarios.ms(othersP99) + " ms (" + Scenarios.num(loginsPerSecond) + " logins/s)", othersP99 <= 50));
    }

    void reconnect(int players, JsonObject reconnect) {
        double rate = reconnect.getDouble("perSecond", 0.0);
        targets.put("reconnect", new Target("reconnect storm of " + Scenarios.count(players) + " players", "≥ 2,000 resumed per second",
                Scenarios.num(rate) + "/s", players >= 10_000 && rate >= 2_000));
    }

    void soak(JvmMemory before, JvmMemory after, int subscriptionsBefore, int subscriptionsAfter) {
        targets.put("soak", new Target("10-minute soak: subscription map back to its baseline", "same as before",
                subscriptionsBefore + " → " + subscriptionsAfter, subscriptionsBefore == subscriptionsAfter));
    }

    // ---- writing

    void write() throws IOException {
        StringBuilder md = new StringBuilder(BEGIN).append("\n## Load benchmarks (").append(startedAt).append(")\n\n");
        md.append("Written by `scripts/bench.sh").append(plan == BenchPlan.QUICK ? " --quick" : "").append("`, which starts every node ")
                .append("itself (from the packaged jar, durable embedded PostgreSQL 17, node JVMs `")
                .append(String.join(" ", plan.gatewayJvm())).append("`) and plays the bots of `verticles/loadtest` from its own JVM ")
                .append("on the same machine, over 127.0.0.1. Machine: ").append(machine()).append(". Load average when it began: ")
                .append(loadAtStart).append(".\n\n");
        if (plan == BenchPlan.QUICK) md.append("**A quick run** (a few hundred bots): it checks the suite, not the targets.\n\n");
        md.append("| what | target | measured | met |\n| --- | --- | --- | --- |\n");
        for (Target t : targets.values()) {
            md.append("| ").append(t.what).append(" | ").append(t.target).append(" | ").append(t.measured).append(" | ")
                    .append(t.met == null ? "—" : t.met ? "yes" : "**no**").append(" |\n");
        }
        md.append('\n');
        for (Section s : sections.values()) {
            if (s.title != null) md.append("### ").append(s.title).append("\n\n");
            md.append(s.text).append('\n');
        }
        if (entities != null && Files.isRegularFile(entities)) {
            md.append("### Entity runtime, this run\n\nThe output of `scripts/bench-entities.sh` in this suite (analysis: the section above).\n\n```\n")
                    .append(Files.readString(entities).strip()).append("\n```\n\n");
        }
        md.append(END);
        String existing = Files.exists(markdown) ? Files.readString(markdown) : "# Benchmarks\n";
        int begin = existing.indexOf(BEGIN), end = existing.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? existing.substring(0, begin) + md + existing.substring(end + END.length())
                : existing.stripTrailing() + "\n\n" + md + "\n";
        Files.writeString(markdown, updated);
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the name is only for the reader
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB, %s %s, Java %s", Runtime.getRuntime().availableProcessors(), cpu,
                memory / (1024.0 * 1024 * 1024), System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
    }

    private static String loadAverage() {
        try {
            return List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3).stream().collect(Collectors.joining(" "));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
