package dev.hearth.game.leaderboard;

import dev.hearth.game.leaderboard.Standings.Rank;
import dev.hearth.game.testing.Futures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Leaderboard} does; each implementation's test extends this. */
abstract class LeaderboardContract {

    protected abstract Leaderboard leaderboard();

    /** Now by the clock the implementation measures the last 24 hours with. */
    protected Instant now() {
        // Whole microseconds: what PostgreSQL keeps, so a result read back compares equal.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    protected void record(String matchId, Map<String, Integer> kills, Instant endedAt) {
        Futures.await(leaderboard().record(new MatchResult(matchId, kills, endedAt)));
    }

    protected Standings top(int size) {
        return Futures.await(leaderboard().top(size));
    }

    @Test
    void ranksPlayersByTheirKillsSummedOverMatchesBestFirst() {
        record("arena-1", Map.of("Alice", 3, "Bob", 5), now());
        record("arena-2", Map.of("Alice", 4, "Carol", 1), now());

        assertThat(top(10).allTime()).containsExactly(new Rank("Alice", 7), new Rank("Bob", 5), new Rank("Carol", 1));
    }

    @Test
    void showsTheBestFewOnlyAndLeavesOutPlayersWithoutAKill() {
        record("arena-1", Map.of("Alice", 3, "Bob", 5, "Carol", 1, "Dave", 0), now());

        assertThat(top(2).allTime()).containsExactly(new Rank("Bob", 5), new Rank("Alice", 3));
        assertThat(top(10).allTime()).extracting(Rank::name).doesNotContain("Dave");
    }

    @Test
    void listsPlayersWithEqualKillsByName() {
        record("arena-1", Map.of("bob", 2, "Carol", 2, "Alice", 2), now());

        assertThat(top(10).allTime()).extracting(Rank::name).containsExactly("Alice", "Carol", "bob");
    }

    @Test
    void recordingAMatchAgainChangesNothingAndAnswersTheFirstRecord() {
        MatchResult first = Futures.await(leaderboard().record(new MatchResult("arena-1", Map.of("Alice", 3), now())));
        assertThat(first.kills()).isEqualTo(Map.of("Alice", 3));

        MatchResult again = Futures.await(leaderboard().record(new MatchResult("arena-1", Map.of("Alice", 4), now().plusSeconds(5))));

        assertThat(again).isEqualTo(first);
        assertThat(top(10).allTime()).containsExactly(new Rank("Alice", 3));
    }

    @Test
    void anEmptyBoardHasNobody() {
        assertThat(top(10)).isEqualTo(new Standings(java.util.List.of(), java.util.List.of()));
    }
}
