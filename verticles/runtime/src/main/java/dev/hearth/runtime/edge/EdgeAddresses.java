package dev.hearth.runtime.edge;

/**
 * Every event-bus address between the edge (gateways, which hold player connections)
 * and the world (game nodes). The contract is game-agnostic: a player types a line,
 * the world answers and pushes events to sessions.
 */
public final class EdgeAddresses {
    private EdgeAddresses() {
    }

    // --- Cluster bus: gateways -> game nodes ---

    /** A {@link PlayerCommand}; the reply is a {@link CommandOutcome}. */
    public static final String GAME_COMMAND = "hearth.game.command";
    /** A {@link SessionRef} whose player has just come into the world. Replied to when done. */
    public static final String GAME_ENTER = "hearth.game.enter";
    /** A {@link SessionRef} whose connection closed. Replied to when done. */
    public static final String GAME_LEAVE = "hearth.game.leave";

    /**
     * Published locally on each game node (never sent over the cluster) when a gateway node
     * has left the cluster; the body is {@code {"gateway": "<cluster node id>"}}. Every player
     * whose session was on it has left the world.
     */
    public static final String GATEWAY_LEFT = "hearth.game.gateway-left";

    // --- Cluster bus: game nodes -> gateways ---

    private static final String GATEWAY_PREFIX = "hearth.gateway.";

    /**
     * Published by game nodes, heard by every gateway: {@code {"event": {...}}}, delivered to
     * each of the gateway's sessions in the world (with its {@code seq}), as a Delivery is.
     * For news every player sees (lobbies filling up), not for what happens in one room.
     */
    public static final String BROADCAST = GATEWAY_PREFIX + "broadcast";

    /** Where a gateway node receives {@link Delivery}s for the sessions it holds. */
    public static String gateway(String nodeId) {
        return GATEWAY_PREFIX + nodeId;
    }

    // --- The gateway's local bridge bus (never on the cluster) ---

    /** First message on a socket: authenticate with the token, get the session address. */
    public static final String HELLO = "hearth.hello";
    /** A command line typed by the player. */
    public static final String COMMAND = "hearth.command";
    /** In-band token refresh. */
    public static final String TOKEN = "hearth.token";
    /** The player leaves on purpose: the session ends now, with no resume window. */
    public static final String LOGOUT = "hearth.logout";

    /** The only addresses a client may send to: deny by default. */
    public static final java.util.List<String> CLIENT_SENDABLE = java.util.List.of(HELLO, COMMAND, TOKEN, LOGOUT);

    private static final String SESSION_PREFIX = "hearth.session.";

    /** The one private address of a client session on the bridge bus. */
    public static String session(String sessionId) {
        return SESSION_PREFIX + sessionId;
    }

    public static boolean isSessionAddress(String address) {
        return address != null && address.startsWith(SESSION_PREFIX);
    }
}
