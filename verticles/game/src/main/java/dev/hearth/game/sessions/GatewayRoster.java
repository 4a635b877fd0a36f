package dev.hearth.game.sessions;

import dev.hearth.runtime.edge.SessionRef;
import io.vertx.core.Future;

import java.util.List;

/**
 * Who is connected through one gateway, keyed by the gateway's cluster node id: what
 * {@code who} lists, where {@code tell} finds a player's sessions, and what the world
 * disconnects when that gateway leaves the cluster. Calls no other entity. Written behind
 * (a crash loses at most 200 ms of comings and goings).
 */
public interface GatewayRoster {

    /**
     * Records a session. Adding a known one changes nothing.
     *
     * @return false when the session address is another player's (a gateway bug: accepting
     *         it would let one player receive another's events), when the session has already
     *         left (its leave came first: over several game nodes, enter and leave can cross),
     *         or when the gateway has left the cluster; nothing changes then
     */
    Future<Boolean> add(SessionRef session);

    /**
     * Forgets a session, if it is this player's, and remembers that it left (a bounded number
     * of the latest), so that an enter arriving after its leave is refused. A session it
     * does not know yet is remembered as left too.
     */
    Future<Void> remove(SessionRef session);

    /**
     * The gateway has left the cluster: hands back its sessions and empties the roster in one
     * change, and from then on refuses every {@link #add}. Asked again (every game node hears
     * the news), it hands back nothing, so the sessions are disconnected once.
     */
    Future<List<SessionRef>> departed();

    /** Every session, in the order they were added. */
    Future<List<SessionRef>> sessions();

    /** The sessions of one player (regardless of the name's case). */
    Future<List<SessionRef>> sessionsOf(String player);

    /** The names of the players connected here, each once. */
    Future<List<String>> players();
}
