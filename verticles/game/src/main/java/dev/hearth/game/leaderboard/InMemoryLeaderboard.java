package dev.hearth.game.leaderboard;

import io.vertx.core.Future;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The leaderboard in memory, for the entity test kit; ranks as {@link PgLeaderboard} does. */
public final class InMemoryLeaderboard implements Leaderboard {
    private final InstantSource clock;
    /** match id -> its result; the first record of a match stands. */
    private final Map<String, MatchResult> matches = new ConcurrentHashMap<>();

    public InMemoryLeaderboard(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Future<MatchResult> record(MatchResult result) {
        MatchResult first = matches.putIfAbsent(result.matchId(), result);
        return Future.succeededFuture(first == null ? result : first);
    }

    @Override
    public Future<Standings> top(int size) {
        Instant since = clock.instant().minus(RECENT);
        return Future.succeededFuture(new Standings(rank(size, m -> true), rank(size, m -> m.endedAt().isAfter(since))));
    }

    /** What was recorded, by match id (for tests that count records). */
    public Map<String, MatchResult> recorded() {
        return Map.copyOf(matches);
    }

    private List<Standings.Rank> rank(int size, Predicate<MatchResult> counted) {
        Map<String, Long> kills = new TreeMap<>();
        matches.values().stream().filter(counted)
                .forEach(m -> m.kills().forEach((player, n) -> kills.merge(player, (long) n, Long::sum)));
        List<Standings.Rank> ranks = new ArrayList<>();
        kills.forEach((player, n) -> {
            if (n > 0) ranks.add(new Standings.Rank(player, n));
        });
        ranks.sort(Comparator.comparingLong(Standings.Rank::kills).reversed().thenComparing(Standings.Rank::name));
        return ranks.size() > size ? List.copyOf(ranks.subList(0, size)) : ranks;
    }
}
