package dev.hearth.game.match;

import io.vertx.core.Future;

/**
 * The latest view of every lobby, in one place, so that listing the lobbies is one call
 * and occupancy changes reach every player as one broadcast ({@code lobbies}) at most
 * twice a second, however busy the lobbies are. One entity, key {@link #KEY}.
 */
public interface LobbyBoard {
    String KEY = "lobbies";

    /** A lobby's latest view; one older than the view held is ignored. Sent by lobbies as transfers; always accepted. */
    Future<Void> report(LobbyView lobby);
}
