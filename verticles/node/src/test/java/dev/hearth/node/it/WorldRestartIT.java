package dev.hearth.node.it;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The world outlives its processes: two players carry, drop and win things, every node of
 * the cluster (a game node and a gateway, real processes) stops, new ones start on the same
 * database, and the players find rooms, inventories, scores and the leaderboard as they left them.
 */
class WorldRestartIT {
    private static final int FAILURE_SECONDS = 3;
    private final AtomicInteger ids = new AtomicInteger();

    /** What one player can see of their share of the world. */
    private record Seen(String room, JsonArray floor, JsonArray inventory, JsonObject score, JsonObject leaderboard) {
    }

    @Test
    void roomsInventoriesAndScoresAreTheSameAfterEveryNodeRestarts() throws Exception {
        Path workDir = Files.createTempDirectory("hearth-it-restart");
        DatabaseUrl database = TestDatabase.fresh();
        // A short match: one shot breaks a barrel, two barrels, a second of countdown.
        for (var setting : Map.of("lobby.countdown_seconds", "1", "match.barrels", "2", "match.barrel_hits", "1").entrySet()) {
            TestDatabase.execute(database, "INSERT INTO settings (key, value) VALUES ('" + setting.getKey() + "', '"
                    + setting.getValue() + "') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
        }
        String alice = Accounts.uniqueName("Alice");
        String bob = Accounts.uniqueName("Bob");
        Seen aliceBefore, bobBefore;
        try (Cluster cluster = Cluster.start(workDir, database, "1")) {
            int port = cluster.gateway.httpPort;
            try (BridgeClient a = BridgeClient.enter(port, Accounts.registerAndLogin(port, alice));
                 BridgeClient b = BridgeClient.enter(port, Accounts.registerAndLogin(port, bob))) {
                ok(a, "join arena");
                ok(b, "join arena");
                a.awaitEvent(e -> "match".equals(e.getString("type")) && "playing".equals(e.getJsonObject("match").getString("state")),
                        Duration.ofSeconds(20));
                ok(a, "shoot 1");
                ok(a, "shoot 2");
                a.awaitEvent(e -> "match".equals(e.getString("type")) && "ended".equals(e.getJsonObject("match").getString("state")),
                        Duration.ofSeconds(20));
                a.command(next(), "leave");
                b.command(next(), "leave");
                // Alice fetches bread from the kitchen and the lantern from the cellar, leaves the
                // bread on the tavern's floor and walks on to the square with the lantern.
                for (String line : new String[]{"north", "get bread", "south", "down", "get lantern", "up", "drop bread", "east"}) {
                    ok(a, line);
                }
                Await.within(Duration.ofSeconds(20), "the leaderboard lists Alice's two kills",
                        () -> seen(a).leaderboard().encode().contains(alice));
                aliceBefore = seen(a);
                bobBefore = seen(b);
            }
        }
        assertThat(aliceBefore.room()).isEqualTo("square");
        assertThat(aliceBefore.inventory().encode()).contains("lantern-1");
        assertThat(bobBefore.floor().encode()).contains("bread-1");
        assertThat(aliceBefore.score().encode()).contains("2");

        try (Cluster cluster = Cluster.start(workDir, database, "2")) {
            int port = cluster.gateway.httpPort;
            try (BridgeClient a = BridgeClient.enter(port, Accounts.login(port, alice));
                 BridgeClient b = BridgeClient.enter(port, Accounts.login(port, bob))) {
                assertThat(seen(a)).isEqualTo(aliceBefore);
                assertThat(seen(b)).isEqualTo(bobBefore);
            }
        }
    }

    private Seen seen(BridgeClient client) {
        JsonObject room = only(client, "look", "room").getJsonObject("room");
        return new Seen(room.getString("id"), room.getJsonArray("items"),
                only(client, "inventory", "inventory").getJsonArray("items"),
                only(client, "score", "score"), only(client, "top", "leaderboard"));
    }

    /** The one event of that type in the command's reply, without its sequence number. */
    private JsonObject only(BridgeClient client, String line, String type) {
        JsonObject reply = ok(client, line);
        for (Object event : reply.getJsonArray("events")) {
            JsonObject e = (JsonObject) event;
            if (type.equals(e.getString("type"))) {
                JsonObject copy = e.copy();
                copy.remove("seq");
                return copy;
            }
        }
        throw new AssertionError("no " + type + " event in the reply to '" + line + "': " + reply);
    }

    private JsonObject ok(BridgeClient client, String line) {
        JsonObject reply = client.command(next(), line);
        assertThat(reply.getBoolean("ok")).as("'%s' answered %s", line, reply).isTrue();
        return reply;
    }

    private String next() {
        return "c" + ids.incrementAndGet();
    }

    /** Every node of a small cluster: a game node and a gateway on the test database. */
    private record Cluster(NodeProcess game, NodeProcess gateway) implements AutoCloseable {
        static Cluster start(Path workDir, DatabaseUrl database, String generation) throws Exception {
            int gamePort = NodeProcess.freePort(), gatewayPort = NodeProcess.freePort();
            String members = "127.0.0.1:" + gamePort + ",127.0.0.1:" + gatewayPort;
            NodeProcess game = NodeProcess.start("game-" + generation,
                    NodeProcess.env("game", gamePort, members, database, FAILURE_SECONDS), workDir).awaitHealthy(Duration.ofSeconds(90));
            NodeProcess gateway = NodeProcess.start("gateway-" + generation,
                    NodeProcess.env("gateway", gatewayPort, members, database, FAILURE_SECONDS), workDir).awaitHealthy(Duration.ofSeconds(90));
            return new Cluster(game, gateway);
        }

        /** SIGTERM to both, the gateway first, as an operator stops a cluster. */
        @Override
        public void close() throws Exception {
            gateway.close();
            game.close();
        }
    }
}
