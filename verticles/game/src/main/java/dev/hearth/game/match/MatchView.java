package dev.hearth.game.match;

import java.time.Instant;
import java.util.Comparator;
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

    /** What its players are told when it has ended: why, and who won. */
    public String result() {
        String why = switch (endedBy) {
            case BARRELS -> "The last barrel is down: the match is over.";
            case TIME -> "Time is up: the match is over.";
            case ABANDONED -> "Everyone left: the match is over.";
            case null -> throw new IllegalStateException("match " + id + " has not ended");
        };
        Map.Entry<String, Integer> best = scores.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElse(null);
        if (best == null || best.getValue() == 0) return why + " Nobody broke a barrel.";
        long tied = scores.values().stream().filter(k -> k.equals(best.getValue())).count();
        String kills = best.getValue() + (best.getValue() == 1 ? " barrel" : " barrels");
        return tied > 1 ? why + " A tie at " + kills + " each." : why + " " + best.getKey() + " wins with " + kills + ".";
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
