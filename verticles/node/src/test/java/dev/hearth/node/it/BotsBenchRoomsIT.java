package dev.hearth.node.it;

import dev.hearth.loadtest.BenchWorld;
import dev.hearth.loadtest.LoadRun;
import dev.hearth.loadtest.Summary;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load tool's benchmark features on one real {@code all} node: the bench world seeded
 * before the node starts (as the benchmark driver does), 60 bots walked to bench rooms of 20,
 * talking in 100-byte lines, and all of them dropping their sockets at once 5 s into the play
 * and entering again with their tokens. No errors, every bot placed and back, and the rooms
 * hold 20 each: in the world's saved state, and in the fan-out (each line said reaches the
 * 19 others of its room).
 */
class BotsBenchRoomsIT {
    private static final int PLAYERS = 60;
    private static final int ROOMS_OF = 20;
    private static final int SECONDS = 10;

    @Test
    void sixtyBotsTalkInBenchRoomsOfTwentyAndAllComeBackFromADrop() throws Exception {
        Path workDir = Files.createTempDirectory("hearth-bench-bots-it");
        DatabaseUrl database = TestDatabase.fresh();
        // The world reads its rooms once, as it starts: the bench world goes in first.
        TestDatabase.execute(database, BenchWorld.seedSql(40));
        int clusterPort = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.start("all-1",
                NodeProcess.env("all", clusterPort, "127.0.0.1:" + clusterPort, database, 15), workDir)) {
            node.awaitHealthy(Duration.ofSeconds(90));

            Path json = Path.of("target/bots-bench-rooms.json");
            Summary run = LoadRun.run(List.of("--players", String.valueOf(PLAYERS), "--duration", String.valueOf(SECONDS),
                    "--enter-limit", "60", "--rooms-of", String.valueOf(ROOMS_OF), "--mix", "say=1", "--line-bytes", "100",
                    "--reconnect-at", "5", "--gateway", "http://127.0.0.1:" + node.httpPort, "--db", NodeProcess.url(database),
                    "--json", json.toString()), System.out);
            String report = run.table();
            System.out.print(report);

            assertThat(run.errors()).as("errors\n%s", report).isZero();
            assertThat(run.entered()).as("bots in the world\n%s", report).isEqualTo(PLAYERS);
            assertThat(run.placed()).as("bots in their bench rooms\n%s", report).isEqualTo(PLAYERS);
            assertThat(run.dropped()).as("bots dropped\n%s", report).isEqualTo(PLAYERS);
            assertThat(run.reconnected()).as("bots back after the drop\n%s", report).isEqualTo(PLAYERS);
            assertThat(run.reconnectSeconds()).as("the storm's length\n%s", report).isBetween(0.0, 30.0);
            assertThat(run.closedCleanly()).as("sockets closed cleanly\n%s", report).isEqualTo(PLAYERS);
            // Each line said reaches the 19 others of its room; the rest of what is pushed (the drop's
            // left and arrived, channel history on entering again) is a few per bot.
            long said = run.answered();
            assertThat(said).as("lines said\n%s", report).isGreaterThan(3L * PLAYERS);
            assertThat(run.deliveries()).as("said fan-out in rooms of 20\n%s", report)
                    .isBetween((ROOMS_OF - 1) * said - 5L * PLAYERS, (ROOMS_OF - 1) * said + 60L * PLAYERS);

            JsonObject result = new JsonObject(Files.readString(json));
            assertThat(result.getInteger("lineBytes")).isEqualTo(100);
            assertThat(result.getJsonObject("placing").getLong("placed")).isEqualTo(PLAYERS);
            assertThat(result.getJsonObject("reconnect").getLong("reconnected")).isEqualTo(PLAYERS);
            JsonArray timeline = result.getJsonArray("timeline");
            JsonObject last = timeline.getJsonObject(timeline.size() - 1);
            assertThat(last.fieldNames()).contains("connected", "entered", "reconnected", "commands", "deliveries", "p50", "p99");
            assertThat(last.getLong("entered")).isEqualTo(PLAYERS);

            Await.within(Duration.ofSeconds(15), "the node has let every bot go", () -> node.status().getInteger("sessions") == 0);
            Map<String, Long> expected = Map.of("bench_h1_r1", 20L, "bench_h1_r2", 20L, "bench_h1_r3", 20L);
            Await.within(Duration.ofSeconds(15), "the world has saved every bot in its bench room", () -> botsByRoom(database).equals(expected));
            // Dropped connections are ordinary: the node logs no error for them (logback.xml quiets the bridge's).
            assertThat(node.logText()).as("the node's log").doesNotContain(" ERROR ");
        }
    }

    /** Where the world's saved characters of the bots are, by room. */
    private static Map<String, Long> botsByRoom(DatabaseUrl db) {
        Map<String, Long> rooms = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT state->>'room', count(*) FROM entities WHERE state->>'name' LIKE 'bot%' AND state->>'room' IS NOT NULL GROUP BY 1")) {
            while (rs.next()) rooms.put(rs.getString(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the characters", e);
        }
        return rooms;
    }
}
