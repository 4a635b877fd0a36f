package dev.hearth.game.match;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A lobby as players see it in the {@code lobbies} list.
 *
 * @param players  in the order they joined
 * @param max      how many it holds (the live setting {@code lobby.max_players})
 * @param startsAt when the countdown ends; null unless {@code state} is COUNTDOWN
 * @param match    the match its players are in; null unless PLAYING
 * @param version  grows with every change, so an older view never replaces a newer one
 */
public record LobbyView(String name, List<String> players, int max, Phase state, Instant startsAt, String match,
                        long version) {

    public LobbyView {
        players = List.copyOf(players);
    }

    public enum Phase {
        WAITING, COUNTDOWN, PLAYING;

        /** As written on the wire: {@code waiting}, {@code countdown}, {@code playing}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An empty lobby that nothing has happened in yet. */
    public static LobbyView empty(String name, int max) {
        return new LobbyView(name, List.of(), max, Phase.WAITING, null, null, 0);
    }

    public LobbyView withMax(int newMax) {
        return new LobbyView(name, players, newMax, state, startsAt, match, version);
    }
}
