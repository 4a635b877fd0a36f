package dev.hearth.game.match;

import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.Interleaved;
import io.vertx.core.Future;

import java.util.List;

/**
 * One match of the barrel game, keyed by its id ({@code arena-3}): its players in a
 * range full of barrels, shooting. A barrel breaks after {@code match.barrel_hits} shots,
 * and whoever breaks it scores a kill. The match ends when every barrel is down or its
 * time is up; its scores are then saved to the leaderboard, once.
 */
public interface Match {

    /** Starts it; a match already started answers as it stands (a lobby may ask twice). */
    Future<MatchView> start(MatchSetup setup);

    Future<Shot> shoot(SessionRef from, String barrel);

    /** Takes the player out; their kills still count. The last player out ends the match. */
    Future<MatchView> leave(String player);

    /** The player's sessions now (none: they went offline). Nothing for a player not in. */
    Future<Void> present(String player, List<SessionRef> sessions);

    @Interleaved
    Future<MatchView> view();

    /**
     * What a shot did.
     * @param barrel   the barrel's id, as the player typed it when there is no such barrel
     * @param hitsLeft shots the barrel still takes (0 when it broke)
     * @param match    the match after the shot
     * @param others   the live sessions to tell of a shot that landed (every player's but the
     *                 shooting session): the shooter tells them, once this reply has come,
     *                 which is once the shot is committed, so nobody hears of a shot that failed
     */
    record Shot(Outcome outcome, String barrel, int hitsLeft, MatchView match, List<SessionRef> others) {
        public Shot {
            others = others == null ? List.of() : List.copyOf(others);
        }

        public enum Outcome {
            /** Hit, still standing. */
            HIT,
            /** Hit and broken: a kill. */
            BROKE,
            /** No barrel of that id stands. */
            NO_SUCH_BARREL,
            /** The shooter is not a player of this match. */
            NOT_PLAYING,
            /** The match has not started or is over. */
            NOT_ON
        }
    }
}
