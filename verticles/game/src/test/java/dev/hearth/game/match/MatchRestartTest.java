package dev.hearth.game.match;

import dev.hearth.game.chat.ChannelCatalog;
import dev.hearth.game.chat.ChannelStore;
import dev.hearth.game.leaderboard.PgLeaderboard;
import dev.hearth.game.testing.Futures;
import dev.hearth.game.testing.TestWorld;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channels, lobbies, matches and scores are in PostgreSQL: a match played to its end on
 * one game node, and a new node on the same database, give the same scores, leaderboard,
 * channel history and lobbies. The match's countdown and end are reminders in the database.
 */
class MatchRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DatabaseUrl database = TestDatabase.fresh();
    private final Vertx vertx = Vertx.vertx();
    private final Pool pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
    private final ChannelCatalog channels = Futures.await(new ChannelStore(pool).loadAll());

    @AfterEach
    void closeThePool() {
        Futures.await(pool.close());
        Futures.await(vertx.close());
    }

    private TestWorld start() {
        TestWorld world = TestWorld.onDatabase(database, game -> game.channels(channels).leaderboard(new PgLeaderboard(pool)));
        world.settings().apply(MatchSettings.COUNTDOWN_SECONDS.key(), "1");
        world.settings().apply(MatchSettings.BARRELS.key(), "1");
        world.settings().apply(MatchSettings.BARREL_HITS.key(), "1");
        world.gateway("g1");
        return world;
    }

    private static JsonObject score(int n) {
        return new JsonObject().put("type", "score").put("score", n);
    }

    @Test
    void scoresTheLeaderboardChannelsAndLobbiesAreAsTheyWereAfterTheGameNodeRestarts() {
        SessionRef alice;
        SessionRef bob;
        long said;
        try (TestWorld before = start()) {
            alice = before.enter("Alice", "g1");
            bob = before.enter("Bob", "g1");
            said = before.output(alice, "chat ooc see you tomorrow").getFirst().getLong("at");
            before.output(alice, "join arena");
            before.output(bob, "join arena");
            Await.within(WAIT, "the match starts", () -> before.output(alice, "look").getFirst()
                    .getJsonObject("room").getString("id").equals("match-arena-1"));
            before.output(alice, "shoot 1");
            Await.within(WAIT, "Alice's kill is in her score", () -> before.output(alice, "score").equals(List.of(score(1))));
            Await.within(WAIT, "Bob is out of the lobby", () -> before.command(bob, "join yard")
                    instanceof CommandOutcome.Done);
        }

        try (TestWorld after = start()) {
            assertThat(after.output(alice, "score")).containsExactly(score(1));
            assertThat(after.output(bob, "score")).containsExactly(score(0));
            JsonArray alone = new JsonArray().add(new JsonObject().put("name", "Alice").put("kills", 1));
            assertThat(after.output(bob, "top")).containsExactly(new JsonObject().put("type", "leaderboard")
                    .put("allTime", alone).put("last24h", alone));
            assertThat(after.output(bob, "chat join ooc").get(1)).isEqualTo(new JsonObject().put("type", "channel_history")
                    .put("channel", "ooc").put("lines", new JsonArray().add(new JsonObject()
                            .put("from", "Alice").put("text", "see you tomorrow").put("at", said))));
            assertThat(after.output(alice, "lobbies").getFirst().getJsonArray("lobbies")).isEqualTo(new JsonArray()
                    .add(new JsonObject().put("name", "arena").put("players", new JsonArray()).put("max", 4).put("state", "waiting"))
                    .add(new JsonObject().put("name", "yard").put("players", new JsonArray().add("Bob")).put("max", 4).put("state", "waiting")));
        }
        assertThat(Futures.await(pool.query("SELECT player, kills FROM match_scores ORDER BY player").execute())
                .stream().map(row -> row.getString("player") + "=" + row.getInteger("kills")).toList())
                .containsExactly("Alice=1", "Bob=0");
    }
}
