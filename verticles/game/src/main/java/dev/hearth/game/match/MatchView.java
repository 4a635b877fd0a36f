package dev.hearth.game.match;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A match as its players see it (the {@code match} event).
 *
 * @param players  who is in it now, in the order they joined the lobby
 * @param standing the barrels still standing, by id ("1", "2", ...)
 * @param scores   kills by player, every player who took part
 * @param endsAt   when time runs out; null before it starts
 * @param endedBy  why it ended (BARRELS, TIME, ABANDONED); null until it ends
 */
public record MatchView(String id, String lobby, Phase state, List<String> players, List<String> standing, Instant endsAt,
                        Map<String, Integer> scores, Ending endedBy) {

    public MatchView {
        players = List.copyOf(players);
        standing = List.copyOf(standing);
        scores = Map.copyOf(scores);
    }

    /** The match's own room, outside the rooms table: no seeded room id has a hyphen. */
    public static String roomOf(String matchId) {
        return "match-" + matchId;
    }

    public String room() {
        return roomOf(id);
    }

    public enum Phase {
        STARTING, PLAYING, ENDED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Ending {
        /** Every barrel was broken. */
        BARRELS,
        /** Time ran out. */
        TIME,
        /** Every player left. */
        ABANDONED
    }
}
