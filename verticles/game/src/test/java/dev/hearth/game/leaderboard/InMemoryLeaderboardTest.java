package dev.hearth.game.leaderboard;

import java.time.InstantSource;

class InMemoryLeaderboardTest extends LeaderboardContract {
    private final InMemoryLeaderboard leaderboard = new InMemoryLeaderboard(InstantSource.system());

    @Override
    protected Leaderboard leaderboard() {
        return leaderboard;
    }
}
