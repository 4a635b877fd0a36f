package dev.hearth.node.it;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster changing under connected players: a second game node joins and serves the
 * same world, a gateway dies, the game node restarts. Real processes, real database;
 * failure detection is short (3 s) so the test does not wait long for Hazelcast to notice a death.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterChangesIT {
    private static final int FAILURE_SECONDS = 3;
    private static final AtomicInteger commandIds = new AtomicInteger();
    private static Path workDir;
    private static DatabaseUrl database;
    private static String members;
    private static int gamePort;
    private static NodeProcess game;
    private static NodeProcess gateway;

    @BeforeAll
    static void startCluster() throws Exception {
        workDir = Files.createTempDirectory("hearth-it-changes");
        database = TestDatabase.fresh();
        gamePort = NodeProcess.freePort();
        int gatewayPort = NodeProcess.freePort();
        members = "127.0.0.1:" + gamePort + ",127.0.0.1:" + gatewayPort;
        game = NodeProcess.start("game-1", env("game", gamePort), workDir).awaitHealthy(Duration.ofSeconds(90));
        gateway = NodeProcess.start("gateway-1", env("gateway", gatewayPort), workDir).awaitHealthy(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (gateway != null) gateway.close();
        if (game != null) game.close();
    }

    @Test
    @Order(1)
    void aSecondGameNodeServesTheSameWorld() throws Exception {
        String alice = Accounts.uniqueName("Alice");
        String bob = Accounts.uniqueName("Bob");
        try (NodeProcess second = NodeProcess.start("game-2", env("game", NodeProcess.freePort()), workDir)
                .awaitHealthy(Duration.ofSeconds(90))) {
            Await.within(Duration.ofSeconds(30), "both game nodes host entities and the gateway sees them",
                    () -> liveHosts(game) == 2 && liveHosts(second) == 2 && gateway.status().getJsonArray("members").size() == 3);
            try (BridgeClient a = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, alice));
                 BridgeClient b = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, bob))) {
                a.awaitEvent(e -> "arrived".equals(e.getString("type")) && bob.equals(e.getString("who")));
                // The gateway spreads commands over both game nodes; each one serves the one world.
                for (int i = 1; i <= 6; i++) {
                    String text = "hello number " + i;
                    assertThat(a.command(nextId(), "say " + text).getBoolean("ok")).isTrue();
                    b.awaitEvent(e -> "said".equals(e.getString("type")) && text.equals(e.getString("text")));
                }
                assertThat(firstEvent(a.command(nextId(), "east")).getJsonObject("room").getString("id")).isEqualTo("square");
                b.awaitEvent(e -> "left".equals(e.getString("type")) && alice.equals(e.getString("who")) && "east".equals(e.getString("via")));
                assertThat(firstEvent(b.command(nextId(), "e")).getJsonObject("room").getJsonArray("occupants").getList())
                        .contains(alice, bob);
                a.awaitEvent(e -> "arrived".equals(e.getString("type")) && bob.equals(e.getString("who")) && "west".equals(e.getString("via")));
                assertThat(whoIsOnline(a)).contains(alice, bob);
            }
        }
        assertThat(game.status().getString("role")).isEqualTo("game");
        Await.within(Duration.ofSeconds(30), "the second game node has gone", () -> liveHosts(game) == 1);
    }

    @Test
    @Order(2)
    void playersOfAGatewayThatDiesLeaveTheirRooms() throws Exception {
        String alice = Accounts.uniqueName("Alice");
        String carol = Accounts.uniqueName("Carol");
        try (NodeProcess doomed = NodeProcess.start("gateway-2", env("gateway", NodeProcess.freePort()), workDir)
                .awaitHealthy(Duration.ofSeconds(90));
             BridgeClient a = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, alice));
             BridgeClient c = BridgeClient.enter(doomed.httpPort, Accounts.registerAndLogin(doomed.httpPort, carol))) {
            assertThat(whoIsOnline(a)).contains(carol);
            doomed.kill();
            JsonObject left = a.awaitEvent(e -> "left".equals(e.getString("type")) && carol.equals(e.getString("who")), Duration.ofSeconds(30));
            assertThat(left.getString("who")).isEqualTo(carol);
            assertThat(whoIsOnline(a)).doesNotContain(carol).contains(alice);
        }
    }

    @Test
    @Order(3)
    void playersOnAGatewayKeepPlayingWhenTheGameNodeRestartsAndKeepWhatTheyCarry() throws Exception {
        String alice = Accounts.uniqueName("Alice");
        try (BridgeClient a = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, alice))) {
            assertThat(a.command(nextId(), "down").getBoolean("ok")).isTrue();
            assertThat(a.command(nextId(), "get lantern").getBoolean("ok")).isTrue();
            a.awaitEvent(e -> "inventory".equals(e.getString("type")) && !e.getJsonArray("items").isEmpty());
            assertThat(a.command(nextId(), "up").getBoolean("ok")).isTrue();
            game.close();
            Await.within(Duration.ofSeconds(30), "the gateway sees the game node gone",
                    () -> gateway.status().getJsonArray("members").size() == 1);
            game = NodeProcess.start("game-1b", env("game", gamePort), workDir).awaitHealthy(Duration.ofSeconds(90));

            String bob = Accounts.uniqueName("Bob");
            try (BridgeClient b = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, bob))) {
                // Alice's socket stayed open through the restart; her character is where she left it.
                Await.within(Duration.ofSeconds(30), "Alice's commands reach the new game node",
                        () -> a.command(nextId(), "look").getBoolean("ok", false));
                assertThat(firstEvent(a.command(nextId(), "look")).getJsonObject("room").getString("id")).isEqualTo("tavern");
                assertThat(firstEvent(a.command(nextId(), "inventory")).getJsonArray("items").getJsonObject(0).getString("id"))
                        .isEqualTo("lantern-1");
                assertThat(a.command(nextId(), "say still here").getBoolean("ok")).isTrue();
                JsonObject heard = b.awaitEvent(e -> "said".equals(e.getString("type")) && alice.equals(e.getString("from")));
                assertThat(heard.getString("text")).isEqualTo("still here");
            }
        }
    }

    private static java.util.List<Object> whoIsOnline(BridgeClient client) {
        return firstEvent(client.command(nextId(), "who")).getJsonArray("players").getList();
    }

    private static JsonObject firstEvent(JsonObject reply) {
        assertThat(reply.getBoolean("ok")).as("reply %s", reply).isTrue();
        return reply.getJsonArray("events").getJsonObject(0);
    }

    private static int liveHosts(NodeProcess node) {
        return node.status().getJsonObject("entities").getJsonArray("liveHosts").size();
    }

    private static String nextId() {
        return "c" + commandIds.incrementAndGet();
    }

    private static java.util.Map<String, String> env(String role, int clusterPort) {
        return NodeProcess.env(role, clusterPort, members, database, FAILURE_SECONDS);
    }
}
