package dev.hearth.game.leaderboard;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaderboard in PostgreSQL ({@code match_scores}). The last 24 hours are measured by
 * the database's clock, so every node draws the same board.
 */
public final class PgLeaderboard implements Leaderboard {
    // The first record of a match stands: a retry after a crash must not count twice. It is
    // stamped by the database's clock, the one the last 24 hours are measured by.
    private static final String RECORD = """
            INSERT INTO match_scores (match_id, player, kills, ended_at) VALUES ($1, $2, $3, now())
            ON CONFLICT (match_id, player) DO NOTHING""";
    private static final String RECORDED = "SELECT player, kills, ended_at FROM match_scores WHERE match_id = $1";
    private static final String ALL_TIME = """
            SELECT player, sum(kills) AS kills FROM match_scores
            GROUP BY player HAVING sum(kills) > 0
            ORDER BY kills DESC, player COLLATE "C" LIMIT $1""";
    private static final String RECENT_ONLY = """
            SELECT player, sum(kills) AS kills FROM match_scores
            WHERE ended_at > now() - $2::bigint * interval '1 second'
            GROUP BY player HAVING sum(kills) > 0
            ORDER BY kills DESC, player COLLATE "C" LIMIT $1""";

    private final Pool pool;

    public PgLeaderboard(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<MatchResult> record(MatchResult result) {
        if (result.kills().isEmpty()) return Future.succeededFuture(result);
        List<Tuple> rows = new ArrayList<>();
        result.kills().forEach((player, kills) -> rows.add(Tuple.of(result.matchId(), player, kills)));
        // One transaction: a match's scores land together or not at all, and what is read back is what stands.
        return pool.withTransaction(conn -> conn.preparedQuery(RECORD).executeBatch(rows)
                .compose(inserted -> conn.preparedQuery(RECORDED).execute(Tuple.of(result.matchId())))
                .map(kept -> {
                    Map<String, Integer> kills = new LinkedHashMap<>();
                    Instant endedAt = result.endedAt();
                    for (Row row : kept) {
                        kills.put(row.getString("player"), row.getInteger("kills"));
                        endedAt = row.getOffsetDateTime("ended_at").toInstant();
                    }
                    return new MatchResult(result.matchId(), kills, endedAt);
                }));
    }

    @Override
    public Future<Standings> top(int size) {
        Future<List<Standings.Rank>> allTime = pool.preparedQuery(ALL_TIME).execute(Tuple.of(size)).map(PgLeaderboard::ranks);
        Future<List<Standings.Rank>> recent = pool.preparedQuery(RECENT_ONLY)
                .execute(Tuple.of(size, RECENT.toSeconds())).map(PgLeaderboard::ranks);
        return Future.all(allTime, recent).map(both -> new Standings(allTime.result(), recent.result()));
    }

    private static List<Standings.Rank> ranks(RowSet<Row> rows) {
        List<Standings.Rank> out = new ArrayList<>();
        for (Row row : rows) out.add(new Standings.Rank(row.getString("player"), row.getLong("kills")));
        return out;
    }
}
