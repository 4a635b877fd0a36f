package dev.hearth.game.leaderboard;

import io.vertx.core.Future;

import java.time.Duration;

/**
 * Where finished matches are kept and ranked: kills per player, summed all time and over
 * the last 24 hours. {@link PgLeaderboard} in production, {@link InMemoryLeaderboard} for
 * tests; both pass the same tests.
 */
public interface Leaderboard {

    /** The last-24-hours board counts matches that ended less than this long ago. */
    Duration RECENT = Duration.ofHours(24);

    /**
     * Keeps a finished match's scores durably. Recording the same match again changes
     * nothing (the first record stands), so a match that ends twice, after a crash or a
     * retried reminder, counts once. When it ended is the store's to say: PostgreSQL stamps
     * the first record with its own clock, the one the last 24 hours are measured by, whatever
     * the node's clock said ({@code result.endedAt()} is used only by the in-memory board).
     * @return the match as kept: the first record of it
     */
    Future<MatchResult> record(MatchResult result);

    /** The best {@code size} players all time and in the last 24 hours; players without a kill are left out. */
    Future<Standings> top(int size);
}
