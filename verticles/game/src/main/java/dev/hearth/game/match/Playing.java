package dev.hearth.game.match;

import dev.hearth.runtime.entity.Entities;

import java.util.Optional;

/**
 * The match a player is playing now, found through their lobby: a character knows only
 * its lobby, and the lobby its match, so there is one truth about who is in which match.
 */
public final class Playing {
    private Playing() {
    }

    /** @param lobby the player's lobby; null for none */
    public static Optional<MatchView> match(Entities entities, String lobby, String player) {
        if (lobby == null) return Optional.empty();
        LobbyView view = entities.ref(Lobby.class, lobby).view().await();
        if (view.match() == null) return Optional.empty();
        MatchView match = entities.ref(Match.class, view.match()).view().await();
        boolean playing = match.state() == MatchView.Phase.PLAYING && match.players().contains(player);
        return playing ? Optional.of(match) : Optional.empty();
    }
}
