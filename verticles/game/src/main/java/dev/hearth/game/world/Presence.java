package dev.hearth.game.world;

import dev.hearth.runtime.edge.SessionRef;

import java.util.List;
import java.util.Optional;

/**
 * Who is in the world, where, and through which sessions. A player may be connected
 * more than once (two tabs, a phone): they are one character in one room, with several
 * sessions that all see what happens there.
 *
 * <p>Kept small on purpose: in the next release player and room entities take this
 * over, and only this interface's users should have to notice.
 */
public interface Presence {

    /**
     * Adds a session. A player not yet in the world is placed in {@code startingRoom};
     * a player already here keeps their room. Adding a known session again changes nothing.
     *
     * @throws IllegalArgumentException when the session address belongs to another player
     */
    Joined join(SessionRef session, String startingRoom);

    /** Removes a session; empty when the session was not known. */
    Optional<Parted> part(SessionRef session);

    boolean contains(SessionRef session);

    /**
     * Every session held by one gateway node, in the order they joined; empty when it
     * holds none. What a gateway that has left the cluster takes with it.
     */
    List<SessionRef> sessionsOn(String gatewayNode);

    /** The room the player is in, if they are in the world. */
    Optional<String> roomOf(String player);

    /** Every session of every player in the room, the players' own included. */
    List<SessionRef> sessionsIn(String roomId);

    /** The names of the players in the room, each once, sorted. */
    List<String> playersIn(String roomId);

    /** The names of every player in the world, each once, sorted. */
    List<String> playersOnline();

    /**
     * @param newSession  false when the session was already present (nothing changed)
     * @param newArrival  true when this is the player's first session: the room sees them arrive
     */
    record Joined(String player, String roomId, boolean newSession, boolean newArrival) {
    }

    /** @param departure true when that was the player's last session: the room sees them leave */
    record Parted(String player, String roomId, boolean departure) {
    }
}
