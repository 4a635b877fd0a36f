package dev.hearth.game.leaderboard;

import dev.hearth.game.leaderboard.Standings.Rank;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryLeaderboardTest extends LeaderboardContract {
    private final InMemoryLeaderboard leaderboard = new InMemoryLeaderboard(InstantSource.system());

    @Override
    protected Leaderboard leaderboard() {
        return leaderboard;
    }

    /** In memory, a match ended when its result says (PostgreSQL stamps its own clock: see PgLeaderboardTest). */
    @Test
    void theLast24HoursCountOnlyMatchesThatEndedSince() {
        record("arena-1", Map.of("Alice", 9, "Bob", 1), now().minus(Duration.ofHours(25)));
        record("arena-2", Map.of("Bob", 2, "Carol", 1), now().minus(Duration.ofHours(23)));

        Standings standings = top(10);

        assertThat(standings.allTime()).containsExactly(new Rank("Alice", 9), new Rank("Bob", 3), new Rank("Carol", 1));
        assertThat(standings.last24h()).containsExactly(new Rank("Bob", 2), new Rank("Carol", 1));
    }
}
