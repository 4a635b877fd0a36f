package dev.hearth.game.leaderboard;

import java.util.List;

/** The two boards, best first; ties in kills are listed by name (code point order, as {@code COLLATE "C"}). */
public record Standings(List<Rank> allTime, List<Rank> last24h) {

    public Standings {
        allTime = List.copyOf(allTime);
        last24h = List.copyOf(last24h);
    }

    /** One line of a board. */
    public record Rank(String name, long kills) {
    }
}
