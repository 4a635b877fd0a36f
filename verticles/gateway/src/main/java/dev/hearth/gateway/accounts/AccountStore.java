package dev.hearth.gateway.accounts;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Objects;
import java.util.Optional;

/** The {@code accounts} table (migrations/V2__accounts.sql). */
public final class AccountStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    public AccountStore(Pool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** The new account's id; fails with {@link NameTaken} if the name exists in any case. */
    public Future<Long> create(String name, String passwordHash) {
        // No look-up first: the unique index decides, so two registrations racing for one name cannot both win.
        return pool.preparedQuery("INSERT INTO accounts (name, password_hash) VALUES ($1, $2) RETURNING id")
                .execute(Tuple.of(name, passwordHash))
                .map(rows -> rows.iterator().next().getLong("id"))
                .recover(failure -> Future.failedFuture(isUniqueViolation(failure) ? new NameTaken(name) : failure));
    }

    /** The account with this name, whatever its case. */
    public Future<Optional<StoredAccount>> find(String name) {
        return pool.preparedQuery("SELECT id, name, password_hash FROM accounts WHERE name_key = lower($1)")
                .execute(Tuple.of(name))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toAccount(rows.iterator().next())));
    }

    private static StoredAccount toAccount(Row row) {
        return new StoredAccount(row.getLong("id"), row.getString("name"), row.getString("password_hash"));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
