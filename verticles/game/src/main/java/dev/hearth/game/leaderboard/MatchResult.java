package dev.hearth.game.leaderboard;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one finished match.
 *
 * @param kills every player who took part, by name as shown, with their kills (maybe 0)
 */
public record MatchResult(String matchId, Map<String, Integer> kills, Instant endedAt) {

    public MatchResult {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(endedAt, "endedAt");
        kills = Map.copyOf(kills);
        kills.forEach((player, n) -> {
            if (n < 0) throw new IllegalArgumentException(player + " cannot have " + n + " kills");
        });
    }
}
