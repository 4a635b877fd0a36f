package dev.hearth.node.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code scripts/bench.sh}: the load benchmarks of docs/benchmarks.md, run against real
 * nodes in their own JVMs on a durable embedded PostgreSQL, with this JVM as the load
 * generator. Writes the report between the markers in docs/benchmarks.md, its plots
 * (SVG) next to it in docs/bench/, and every run's JSON under the work folder.
 *
 * <pre>
 * BenchSuite [--quick] [--out docs/benchmarks.md] [--work target/bench] [--entities FILE [--only-entities]] [scenario ...]
 * scenarios: memory capacity split chat rtt login reconnect soak (default: all of them, in that order)
 * </pre>
 */
public final class BenchSuite {
    static final List<String> SCENARIOS = List.of("memory", "capacity", "split", "chat", "rtt", "login", "reconnect", "soak");

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path out = Path.of("docs/benchmarks.md");
        Path work = Path.of("target/bench/" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path entities = null;
        boolean onlyEntities = false;
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--entities" -> entities = Path.of(args[++i]);
                case "--only-entities" -> onlyEntities = true;
                default -> {
                    if (!SCENARIOS.contains(args[i])) {
                        System.err.println("Unknown scenario or option '" + args[i] + "'; scenarios: " + String.join(" ", SCENARIOS));
                        System.exit(2);
                    }
                    chosen.add(args[i]);
                }
            }
        }
        if (chosen.isEmpty() && !onlyEntities) chosen.addAll(SCENARIOS);
        Files.createDirectories(work);
        PrintStream log = new PrintStream(Files.newOutputStream(work.resolve("bench.log")), true);
        PrintStream both = new Tee(System.out, log);
        BenchPlan plan = quick ? BenchPlan.QUICK : BenchPlan.FULL;
        Report report = new Report(out, out.toAbsolutePath().getParent().resolve("bench"), plan, entities);
        if (chosen.isEmpty()) {
            report.write();
            both.println("Report written to " + out);
            return;
        }
        try (BenchNodes nodes = BenchNodes.create(work.resolve("world"), plan.benchRooms(), plan.gatewayJvm(), plan.gameJvm())) {
            // Ctrl-C or a kill of the suite stops the nodes and the database it started, too.
            Thread cleanup = new Thread(() -> {
                try {
                    nodes.close();
                } catch (Exception e) {
                    System.err.println("Could not stop the benchmark's nodes: " + e);
                }
            });
            Runtime.getRuntime().addShutdownHook(cleanup);
            Scenarios scenarios = new Scenarios(nodes, plan, work.resolve("runs"), both, report);
            for (String scenario : chosen) {
                long start = System.nanoTime();
                both.println("#### scenario " + scenario);
                try {
                    scenarios.run(scenario);
                } catch (Exception | AssertionError e) { // a node that died or stopped answering fails its scenario, not the suite
                    e.printStackTrace(both);
                    report.failed(scenario, e);
                }
                both.printf("#### scenario %s took %.0f s%n", scenario, (System.nanoTime() - start) / 1e9);
                report.write(); // after each, so a long suite that dies keeps what it measured
            }
        }
        both.println("Report written to " + out + " (plots in " + report.plotDir() + "); runs in " + work);
        System.exit(0); // the load tool's and PostgreSQL's threads do not hold the JVM
    }

    /** Prints to the terminal and the suite's log at once. */
    private static final class Tee extends PrintStream {
        private final PrintStream second;

        Tee(PrintStream first, PrintStream second) {
            super(first, true);
            this.second = second;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            super.write(buf, off, len);
            second.write(buf, off, len);
        }

        @Override
        public void write(int b) {
            super.write(b);
            second.write(b);
        }

        @Override
        public void flush() {
            super.flush();
            second.flush();
        }
    }
}
