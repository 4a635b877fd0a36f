package dev.hearth.game.match;

import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.Interleaved;
import io.vertx.core.Future;

import java.util.List;

/**
 * A lobby of the barrel game, keyed by its name ({@code arena}): players gather in it, up
 * to {@code lobby.max_players}; with two or more in, a countdown runs, and when it ends
 * their match starts. When the match ends the lobby is empty again.
 */
public interface Lobby {

    /** Joins the player; a full lobby, or one whose match is on, refuses. */
    Future<LobbyJoin> join(String player, List<SessionRef> sessions);

    /** Takes the player out (from the match too, if it is on); nothing if they were not in. */
    Future<LobbyView> leave(String player);

    /**
     * The player's sessions now (none: they went offline). A player who goes offline while
     * the lobby waits or counts down is taken out, so no match starts with someone who is
     * not there; in a match they stay, and may come back to it.
     * @return whether the player is in the lobby now
     */
    Future<Boolean> present(String player, List<SessionRef> sessions);

    /** Answers between the steps of a long call, so a list of lobbies never waits for one. */
    @Interleaved
    Future<LobbyView> view();

    /** The match started from this lobby has ended: the lobby empties. Sent by the match as a transfer; always accepted. */
    Future<Void> matchEnded(String matchId);

    /**
     * @param lobby the lobby after the join, whatever the outcome
     */
    record LobbyJoin(Outcome outcome, LobbyView lobby) {
        public enum Outcome {
            JOINED, ALREADY_IN, FULL, PLAYING
        }
    }
}
