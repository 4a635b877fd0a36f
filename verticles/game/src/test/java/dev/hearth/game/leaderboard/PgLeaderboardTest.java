package dev.hearth.game.leaderboard;

import dev.hearth.game.leaderboard.Standings.Rank;
import dev.hearth.game.testing.Futures;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The leaderboard's SQL on a real, migrated PostgreSQL, one fresh database per test. */
class PgLeaderboardTest extends LeaderboardContract {
    private final DatabaseUrl database = TestDatabase.fresh();
    private final Vertx vertx = Vertx.vertx();
    private final Pool pool = PgBuilder.pool().connectingTo(database.connectOptions())
            .with(new PoolOptions().setMaxSize(2)).using(vertx).build();
    private final PgLeaderboard leaderboard = new PgLeaderboard(pool);

    @AfterEach
    void closeThePool() {
        Futures.await(pool.close());
        Futures.await(vertx.close());
    }

    @Override
    protected Leaderboard leaderboard() {
        return leaderboard;
    }

    @Test
    void theLast24HoursAreMeasuredByTheDatabasesClock() {
        TestDatabase.execute(database, """
                INSERT INTO match_scores (match_id, player, kills, ended_at) VALUES
                    ('yard-1', 'Alice', 4, now() - interval '24 hours 1 minute'),
                    ('yard-2', 'Bob', 2, now() - interval '23 hours 59 minutes'),
                    ('yard-3', 'Alice', 1, now())""");
        record("yard-4", Map.of("Carol", 3), now());

        Standings standings = top(10);

        assertThat(standings.allTime()).containsExactly(new Rank("Alice", 5), new Rank("Carol", 3), new Rank("Bob", 2));
        assertThat(standings.last24h()).containsExactly(new Rank("Carol", 3), new Rank("Bob", 2), new Rank("Alice", 1));
    }

    @Test
    void aMatchEndsByTheDatabasesClockWhateverTheNodesClockSays() {
        // A node whose clock is two days behind: its match still counts in the last 24 hours.
        MatchResult kept = Futures.await(leaderboard.record(new MatchResult("arena-1", Map.of("Alice", 3), now().minus(Duration.ofDays(2)))));

        assertThat(top(10).last24h()).containsExactly(new Rank("Alice", 3));
        assertThat(Duration.between(kept.endedAt(), now()).abs()).as("stamped now, by the database").isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aMatchsScoresAreOneRowPerPlayer() {
        record("arena-1", Map.of("Alice", 3, "Bob", 0), now());
        record("arena-1", Map.of("Alice", 3, "Bob", 0), now());

        assertThat(Futures.await(pool.query("SELECT count(*) AS n FROM match_scores WHERE match_id = 'arena-1'").execute())
                .iterator().next().getLong("n")).isEqualTo(2);
    }
}
