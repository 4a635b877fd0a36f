package dev.hearth.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/**
 * The bots' accounts, written straight into the {@code accounts} table
 * (migrations/V2__accounts.sql) in one statement: registering thousands through the API
 * would time Argon2id, not the game.
 *
 * <p>Every bot has the same password, stored as one Argon2id hash in the gateway's
 * encoding ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}, see the gateway's
 * PasswordHasher) made at the cheap test parameters (m=1 MiB, t=1, p=1). The hash carries
 * its parameters, so the gateway verifies a bot's login at that cost, about a millisecond,
 * whatever it hashes new passwords with. For bots only: never a real player's password.
 */
final class BotAccounts {
    static final String PASSWORD = "hearth-bot-password";
    static final String PASSWORD_HASH = "$argon2id$v=19$m=1024,t=1,p=1$6hm3qurm0K8IskZMV+vhvA$QoTOy9qoXh3c4dmGKtzFNPM8/NhRwyTMDDtyYGIAwKg";

    /** Existing bots get the bots' password again, so a rerun (or a changed hash) always logs in. */
    private static final String UPSERT = """
            INSERT INTO accounts (name, password_hash) SELECT name, $2 FROM unnest($1::text[]) AS name
            ON CONFLICT (name_key) DO UPDATE SET password_hash = EXCLUDED.password_hash""";

    private BotAccounts() {
    }

    /** Creates or resets the accounts named; the number of rows written. */
    static Future<Integer> seed(Vertx vertx, String databaseUrl, List<String> names) {
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(connectOptions(databaseUrl)).using(vertx).build();
        return pool.preparedQuery(UPSERT).execute(Tuple.of(names.toArray(String[]::new), PASSWORD_HASH))
                .map(rows -> rows.rowCount())
                .eventually(() -> pool.close());
    }

    /** {@code postgresql://user:pass@host:port/db}, also {@code postgres://} and {@code jdbc:postgresql://}. */
    static PgConnectOptions connectOptions(String url) {
        String text = url.strip();
        if (text.startsWith("jdbc:")) text = text.substring("jdbc:".length());
        try {
            return PgConnectOptions.fromUri(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a PostgreSQL URL (postgresql://user:pass@host:port/db): " + redacted(text), e);
        }
    }

    /** For messages: the URL without its password. */
    static String redacted(String url) {
        return url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
    }
}
