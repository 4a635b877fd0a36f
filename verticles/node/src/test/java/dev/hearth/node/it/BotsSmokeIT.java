package dev.hearth.node.it;

import dev.hearth.loadtest.LoadRun;
import dev.hearth.loadtest.Summary;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smoke run: a few hundred scripted bots (verticles/loadtest, the seed of the load
 * tool) play the default mix on one real {@code all} node, over the documented protocol
 * alone, and finish without an error: all enter (at most a minute), then play for 20 s.
 * Latency is only checked for sanity here; measuring it is the benchmarks' job.
 */
class BotsSmokeIT {
    private static final int PLAYERS = 300;
    private static final int SECONDS = 20;

    @Test
    void threeHundredBotsPlayTheDefaultMixForTwentySecondsWithoutAnError() throws Exception {
        Path workDir = Files.createTempDirectory("hearth-bots-it");
        DatabaseUrl database = TestDatabase.fresh();
        int clusterPort = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.start("all-1",
                NodeProcess.env("all", clusterPort, "127.0.0.1:" + clusterPort, database, 15), workDir)) {
            node.awaitHealthy(Duration.ofSeconds(90));

            Summary run = LoadRun.run(List.of("--players", String.valueOf(PLAYERS), "--duration", String.valueOf(SECONDS),
                    "--enter-limit", "60", "--gateway", "http://127.0.0.1:" + node.httpPort, "--db", NodeProcess.url(database),
                    "--json", "target/bots-smoke.json"), System.out);
            String report = run.table();
            System.out.print(report);

            assertThat(run.loggedIn()).as("bots logged in\n%s", report).isEqualTo(PLAYERS);
            assertThat(run.entered()).as("bots in the world\n%s", report).isEqualTo(PLAYERS);
            assertThat(run.errors()).as("errors\n%s", report).isZero();
            assertThat(run.answered()).as("commands answered\n%s", report).isGreaterThanOrEqualTo(5L * PLAYERS);
            assertThat(run.deliveries()).as("events pushed\n%s", report).isGreaterThan(run.answered());
            assertThat(run.closedCleanly()).as("sockets closed cleanly\n%s", report).isEqualTo(PLAYERS);
            assertThat(run.p99Millis()).as("command p99 (a sanity bound)\n%s", report).isLessThan(5_000);

            node.awaitHealthy(Duration.ofSeconds(5));
            Await.within(Duration.ofSeconds(15), "the node has let every bot go",
                    () -> node.status().getInteger("sessions") == 0);
            assertThat(node.logText()).as("the node's log").doesNotContain(" ERROR ");
        }
    }
}
