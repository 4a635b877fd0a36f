package dev.hearth.game.sessions;

import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.Future;

import java.util.List;

/**
 * Who is connected through one gateway, keyed by the gateway's cluster node id: what
 * {@code who} lists, where {@code tell} finds a player's sessions, and what the world
 * disconnects when that gateway leaves the cluster. Calls no other entity.
 */
public interface GatewayRoster {

    /**
     * Records a session. Adding a known one changes nothing.
     *
     * @return false when the session address is another player's (a gateway bug: accepting
     *         it would let one player receive another's events); nothing changes then
     */
    Future<Boolean> add(SessionRef session);

    /** Forgets a session, if it is this player's; unknown sessions are ignored. */
    Future<Void> remove(SessionRef session);

    /** Every session, in the order they were added. */
    Future<List<SessionRef>> sessions();

    /** The sessions of one player (regardless of the name's case). */
    Future<List<SessionRef>> sessionsOf(String player);

    /** The names of the players connected here, each once. */
    Future<List<String>> players();
}
