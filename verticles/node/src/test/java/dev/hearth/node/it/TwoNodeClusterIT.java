package dev.hearth.node.it;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real node processes sharing one real PostgreSQL: a gateway-only node that holds
 * the players' sockets and a game node that hosts the world. Nothing is mocked.
 */
class TwoNodeClusterIT {
    /** The bridge's two words for a refused frame (docs/protocol.md, section 2). */
    private static final String[] REFUSED = {"access_denied", "rejected"};
    private static Path workDir;
    private static DatabaseUrl database;
    private static String members;
    private static NodeProcess game;
    private static NodeProcess gateway;

    @BeforeAll
    static void startCluster() throws Exception {
        workDir = Files.createTempDirectory("hearth-it");
        database = TestDatabase.fresh();
        int gamePort = NodeProcess.freePort();
        int gatewayPort = NodeProcess.freePort();
        members = "127.0.0.1:" + gamePort + ",127.0.0.1:" + gatewayPort;
        game = NodeProcess.start("game-1", env("game", gamePort, database), workDir);
        gateway = NodeProcess.start("gateway-1", env("gateway", gatewayPort, database), workDir);
        game.awaitHealthy(Duration.ofSeconds(90));
        gateway.awaitHealthy(Duration.ofSeconds(90));
        Await.within(Duration.ofSeconds(30), "both nodes see a two-member cluster",
                () -> game.status().getJsonArray("members").size() == 2 && gateway.status().getJsonArray("members").size() == 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (gateway != null) gateway.close();
        if (game != null) game.close();
    }

    @Test
    void aPlayerOnTheGatewayHearsASayFromARoomHostedOnTheGameNode() throws Exception {
        assertThat(gateway.status().getString("role")).isEqualTo("gateway");
        assertThat(game.status().getString("role")).isEqualTo("game");
        String alice = Accounts.uniqueName("Alice");
        String bob = Accounts.uniqueName("Bob");
        try (BridgeClient a = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, alice));
             BridgeClient b = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, bob))) {
            a.awaitEvent(e -> "arrived".equals(e.getString("type")) && bob.equals(e.getString("who")));

            JsonObject reply = a.command("c1", "say Hello across the cluster");
            assertThat(reply.getBoolean("ok")).isTrue();
            assertThat(reply.getString("id")).isEqualTo("c1");
            assertThat(reply.getJsonArray("events").getJsonObject(0).getBoolean("you")).isTrue();

            JsonObject heard = b.awaitEvent(e -> "said".equals(e.getString("type")));
            assertThat(heard.getString("from")).isEqualTo(alice);
            assertThat(heard.getString("text")).isEqualTo("Hello across the cluster");
            assertThat(heard.getLong("seq")).isGreaterThan(1L);
        }
    }

    @Test
    void aSettingsChangeReachesBothNodesWithinASecond() {
        TestDatabase.execute(database, "INSERT INTO settings (key, value) VALUES ('motd', 'Fresh bread today') "
                + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
        Await.within(Duration.ofSeconds(1), "both nodes apply the new motd",
                () -> motd(game).equals("Fresh bread today") && motd(gateway).equals("Fresh bread today"));

        int limitBefore = setting(gateway, "gateway.command.max_length");
        TestDatabase.execute(database, "INSERT INTO settings (key, value) VALUES ('gateway.command.max_length', 'lots') "
                + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
        TestDatabase.execute(database, "UPDATE settings SET value = 'Bad value refused' WHERE key = 'motd'");
        Await.within(Duration.ofSeconds(1), "both nodes apply the later good change",
                () -> motd(game).equals("Bad value refused") && motd(gateway).equals("Bad value refused"));
        assertThat(setting(gateway, "gateway.command.max_length")).isEqualTo(limitBefore);
        assertThat(setting(game, "gateway.command.max_length")).isEqualTo(limitBefore);
        assertThat(gateway.logText()).contains("Refused live setting 'gateway.command.max_length'");
    }

    @Test
    void twoPlayersOnTheGatewayPlayAMatchHostedOnTheGameNodeAndEveryoneSeesTheLeaderboard() throws Exception {
        TestDatabase.execute(database, "INSERT INTO settings (key, value) VALUES ('lobby.countdown_seconds', '1'), "
                + "('match.barrels', '1'), ('match.barrel_hits', '1') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
        Await.within(Duration.ofSeconds(5), "the game node plays one-barrel matches",
                () -> setting(game, "match.barrels") == 1 && setting(game, "lobby.countdown_seconds") == 1);
        String alice = Accounts.uniqueName("Alice");
        String bob = Accounts.uniqueName("Bob");
        String watcher = Accounts.uniqueName("Watcher");
        try (BridgeClient a = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, alice));
             BridgeClient b = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, bob));
             BridgeClient w = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, watcher))) {
            a.awaitEvent(e -> "channel_history".equals(e.getString("type")) && "ooc".equals(e.getString("channel")));
            assertThat(a.command("j1", "join arena").getBoolean("ok")).isTrue();
            assertThat(b.command("j2", "join arena").getBoolean("ok")).isTrue();
            w.awaitEvent(e -> "lobbies".equals(e.getString("type"))
                    && "countdown".equals(e.getJsonArray("lobbies").getJsonObject(0).getString("state")));

            a.awaitEvent(e -> "match".equals(e.getString("type")) && "playing".equals(e.getJsonObject("match").getString("state")));
            JsonObject shot = a.command("s1", "shoot 1");
            assertThat(shot.getBoolean("ok")).as("the shot %s", shot).isTrue();
            assertThat(shot.getJsonArray("events").getJsonObject(0).getString("text"))
                    .isEqualTo("You break barrel 1! That makes 1 barrel for you.");

            JsonObject board = w.awaitEvent(e -> "leaderboard".equals(e.getString("type")));
            assertThat(board.getJsonArray("allTime").getJsonObject(0)).isEqualTo(new JsonObject().put("name", alice).put("kills", 1));
            assertThat(board.getLong("seq")).isGreaterThan(1L);
            JsonObject top = b.command("t1", "top").getJsonArray("events").getJsonObject(0);
            assertThat(top.getJsonArray("last24h").getJsonObject(0).getString("name")).isEqualTo(alice);
            b.awaitEvent(e -> "score".equals(e.getString("type")));
        }
    }

    @Test
    void aDroppedPlayerResumesTheSameSessionAndIsSentWhatTheyMissedWhileTheRoomNeverSawThemLeave() throws Exception {
        String alice = Accounts.uniqueName("Alice");
        String bob = Accounts.uniqueName("Bob");
        String aliceToken = Accounts.registerAndLogin(gateway.httpPort, alice);
        try (BridgeClient b = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, bob))) {
            BridgeClient a = BridgeClient.enter(gateway.httpPort, aliceToken);
            b.awaitEvent(e -> "arrived".equals(e.getString("type")) && alice.equals(e.getString("who")));
            a.awaitEvent(e -> "channel_history".equals(e.getString("type")) && "newbie".equals(e.getString("channel")));
            String address = a.hello().getString("session");
            long seen = a.lastSeq();
            a.drop();
            Await.within(Duration.ofSeconds(10), "the gateway holds the dropped session", () -> gateway.status().getInteger("droppedSessions") >= 1);
            assertThat(b.command("r1", "say Are you still there?").getBoolean("ok")).isTrue();

            try (BridgeClient back = BridgeClient.resume(gateway.httpPort, aliceToken, address, seen)) {
                assertThat(back.hello().getBoolean("resumed")).isTrue();
                assertThat(back.hello().getString("session")).isEqualTo(address);
                assertThat(back.hello().getLong("missed")).isGreaterThanOrEqualTo(1L);
                JsonObject missed = back.awaitEvent(e -> "said".equals(e.getString("type")));
                assertThat(missed.getString("text")).isEqualTo("Are you still there?");
                assertThat(missed.getLong("seq")).as("numbered on from the last seen").isGreaterThan(seen);
                assertThat(back.command("r2", "say Yes, I never left").getBoolean("ok")).isTrue();
                assertThat(b.awaitEvent(e -> "said".equals(e.getString("type")) && alice.equals(e.getString("from"))).getString("text"))
                        .isEqualTo("Yes, I never left");
                assertThat(b.received()).as("Bob never saw Alice leave")
                        .noneMatch(f -> f.getJsonObject("body") != null && "left".equals(f.getJsonObject("body").getString("type"))
                                && alice.equals(f.getJsonObject("body").getString("who")));

                assertThat(back.request("hearth.logout", new JsonObject()).getBoolean("ok")).isTrue();
                b.awaitEvent(e -> "left".equals(e.getString("type")) && alice.equals(e.getString("who")));
                assertThat(back.awaitClosed()).as("the logged-out connection is closed").isTrue();
            }
        }
    }

    @Test
    void aResumeWithAnotherPlayersTokenGetsANewSessionOfItsOwn() throws Exception {
        String alice = Accounts.uniqueName("Alice");
        String mallory = Accounts.uniqueName("Mallory");
        try (BridgeClient a = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, alice));
             BridgeClient m = BridgeClient.resume(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, mallory),
                     a.hello().getString("session"), 0)) {
            assertThat(m.hello().getBoolean("resumed")).isFalse();
            assertThat(m.hello().getString("session")).isNotEqualTo(a.hello().getString("session"));
            assertThat(m.hello().getJsonObject("player").getString("name")).isEqualTo(mallory);
            m.awaitEvent(e -> "room".equals(e.getString("type")));
        }
    }

    @Test
    void aNodeWhoseDatabaseDiffersRefusesToJoinAndSaysWhy() throws Exception {
        DatabaseUrl other = TestDatabase.fresh();
        try (NodeProcess stranger = NodeProcess.start("stranger", env("game", NodeProcess.freePort(), other), workDir)) {
            assertThat(stranger.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(stranger.logText()).contains("is not the cluster's").contains("must share one database");
        }
        Await.within(Duration.ofSeconds(15), "the stranger has left the cluster",
                () -> game.status().getJsonArray("members").size() == 2);
    }

    @Test
    void aSocketMustSayHelloBeforeAnythingElse() throws Exception {
        try (BridgeClient anonymous = BridgeClient.connect(gateway.httpPort)) {
            JsonObject reply = anonymous.command("c1", "look");
            assertThat(reply.getJsonObject("error").getString("code")).isEqualTo("not_authenticated");
        }
    }

    @Test
    void aForgedTokenIsRefusedAndTheSocketClosed() throws Exception {
        String forged = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwibmFtZSI6IkFkbWluIiwiaXNzIjoiaGVhcnRoIn0.";
        try (BridgeClient client = BridgeClient.connect(gateway.httpPort)) {
            JsonObject reply = client.request("hearth.hello", new JsonObject().put("token", forged));
            assertThat(reply.getJsonObject("error").getString("code")).isEqualTo("bad_token");
            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void aClientCannotListenOnAnotherSessionNorSendOutsideTheAllowList() throws Exception {
        String eve = Accounts.uniqueName("Eve");
        String carol = Accounts.uniqueName("Carol");
        try (BridgeClient victim = BridgeClient.connect(gateway.httpPort);
             BridgeClient attacker = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, eve))) {
            JsonObject hello = victim.request("hearth.hello", new JsonObject().put("token", Accounts.registerAndLogin(gateway.httpPort, carol)));
            attacker.send(new JsonObject().put("type", "register").put("address", hello.getString("session")));
            assertThat(attacker.awaitFrame(f -> "err".equals(f.getString("type"))).getString("body")).isIn(REFUSED);

            attacker.send(new JsonObject().put("type", "send").put("address", "hearth.game.command")
                    .put("body", new JsonObject().put("line", "say sneaky")));
            assertThat(attacker.awaitFrame(f -> "err".equals(f.getString("type"))).getString("body")).isIn(REFUSED);
            attacker.send(new JsonObject().put("type", "publish").put("address", "hearth.command").put("body", new JsonObject()));
            assertThat(attacker.awaitFrame(f -> "err".equals(f.getString("type"))).getString("body")).isIn(REFUSED);
        }
    }

    @Test
    void headersAClientSendsAreIgnored() throws Exception {
        String mallory = Accounts.uniqueName("Mallory");
        String watcher = Accounts.uniqueName("Watcher");
        try (BridgeClient m = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, mallory));
             BridgeClient w = BridgeClient.enter(gateway.httpPort, Accounts.registerAndLogin(gateway.httpPort, watcher))) {
            JsonObject reply = m.request("hearth.command", new JsonObject().put("id", "x").put("line", "say it was not me"),
                    new JsonObject().put("hearth-session", "someone-else").put("player", watcher));
            assertThat(reply.getBoolean("ok")).isTrue();
            JsonObject heard = w.awaitEvent(e -> "said".equals(e.getString("type")) && "it was not me".equals(e.getString("text")));
            assertThat(heard.getString("from")).isEqualTo(mallory);
        }
    }

    @Test
    void theSockJsXhrFallbackCarriesFramesBothWays() throws Exception {
        // Browsers that cannot open a WebSocket fall back to SockJS's xhr transports.
        String base = "http://127.0.0.1:" + gateway.httpPort + "/eventbus/000/" + Accounts.uniqueName("xhr") + "/";
        HttpClient http = HttpClient.newHttpClient();
        assertThat(post(http, base + "xhr", "").body()).isEqualTo("o\n");

        JsonObject hello = new JsonObject().put("type", "send").put("address", "hearth.hello")
                .put("replyAddress", "r1").put("body", new JsonObject().put("token", "not-a-token"));
        HttpResponse<String> sent = post(http, base + "xhr_send", new JsonArray().add(hello.encode()).encode());
        assertThat(sent.statusCode()).isEqualTo(204);

        String polled = post(http, base + "xhr", "").body();
        assertThat(polled).startsWith("a[");
        JsonObject reply = new JsonObject(new JsonArray(polled.substring(1).trim()).getString(0));
        assertThat(reply.getString("address")).isEqualTo("r1");
        assertThat(reply.getJsonObject("body").getJsonObject("error").getString("code")).isEqualTo("bad_token");
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String motd(NodeProcess node) {
        return node.status().getJsonObject("settings").getString("motd");
    }

    private static int setting(NodeProcess node, String key) {
        return node.status().getJsonObject("settings").getInteger(key);
    }

    private static Map<String, String> env(String role, int clusterPort, DatabaseUrl db) {
        return NodeProcess.env(role, clusterPort, members, db, 15);
    }

}
