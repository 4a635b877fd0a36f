package dev.hearth.loadtest;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Bot players against a running node: {@code Bots --players N --duration S [options]}
 * (see {@link BotOptions#USAGE}, or scripts/loadtest.sh). The progress line, the summary
 * table and the usage are this tool's output, on stdout; its log goes to stderr.
 *
 * <p>Exit status: 0 when the run had no errors, 2 when it had some (the summary says
 * which), 1 when it could not run at all (bad options, no database, no gateway).
 */
public final class Bots {
    private Bots() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before the first logger: the bots' quiet configuration, unless one is given.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "hearth-bots-logback.xml");
        }
        PrintStream out = System.out;
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h") || arguments.isEmpty()) {
            out.print(BotOptions.USAGE);
            System.exit(arguments.isEmpty() ? 1 : 0);
        }
        Summary summary;
        try {
            summary = LoadRun.run(arguments, out);
        } catch (IllegalArgumentException e) {
            System.err.println("Bots: " + e.getMessage());
            System.err.print(BotOptions.USAGE);
            System.exit(1);
            return;
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("Bots: " + e.getMessage());
            System.exit(1);
            return;
        }
        out.println();
        out.print(summary.table());
        out.println("result: " + summary.jsonFile().toAbsolutePath());
        System.exit(summary.errors() == 0 ? 0 : 2);
    }
}
