package dev.hearth.game.commands;

import dev.hearth.game.match.Lobby;
import dev.hearth.game.match.LobbyView;
import dev.hearth.game.match.Match;
import dev.hearth.game.match.MatchView;

import java.util.Optional;

/**
 * The match the player is playing now, if any. Their character knows only its lobby; the
 * lobby knows its match, so there is one truth about who is in which match.
 */
final class InMatch {
    private InMatch() {
    }

    static Optional<MatchView> of(CommandContext context) {
        String lobby = context.state().lobby();
        if (lobby == null) return Optional.empty();
        LobbyView view = context.entities().ref(Lobby.class, lobby).view().await();
        if (view.match() == null) return Optional.empty();
        MatchView match = context.entities().ref(Match.class, view.match()).view().await();
        boolean playing = match.state() == MatchView.Phase.PLAYING && match.players().contains(context.player());
        return playing ? Optional.of(match) : Optional.empty();
    }

    /** What a player in a match is told when they try to wander off. */
    static final String STAY = "You are in the barrel range, in a match. Type 'leave' to leave it (your kills so far still count).";
}
