package dev.hearth.gateway.accounts;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(VertxExtension.class)
class AccountStoreTest {
    private Pool pool;
    private AccountStore store;

    @BeforeEach
    void start(Vertx vertx) {
        DatabaseUrl database = TestDatabase.fresh();
        pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
        store = new AccountStore(pool);
    }

    @AfterEach
    void stop() throws Exception {
        pool.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void findsACreatedAccountWhateverTheCaseOfTheName() throws Exception {
        long id = store.create("Alice", "$argon2id$hash").await(5, TimeUnit.SECONDS);

        Optional<StoredAccount> found = store.find("aLICE").await(5, TimeUnit.SECONDS);

        assertThat(found).contains(new StoredAccount(id, "Alice", "$argon2id$hash"));
    }

    @Test
    void findsNothingForANameNobodyHas() throws Exception {
        store.create("Alice", "$argon2id$hash").await(5, TimeUnit.SECONDS);

        assertThat(store.find("Bob").await(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void refusesANameThatDiffersOnlyInCase() throws Exception {
        store.create("Alice", "$argon2id$first").await(5, TimeUnit.SECONDS);

        Throwable failure = catchThrowable(() -> store.create("ALICE", "$argon2id$second").await(5, TimeUnit.SECONDS));

        assertThat(failure).isInstanceOf(NameTaken.class);
        assertThat(((NameTaken) failure).name()).isEqualTo("ALICE");
        assertThat(store.find("alice").await(5, TimeUnit.SECONDS)).map(StoredAccount::passwordHash).contains("$argon2id$first");
    }

    @Test
    void theDatabaseItselfRefusesANameTheRulesForbid() {
        Throwable failure = catchThrowable(() -> store.create("no spaces allowed", "$argon2id$hash").await(5, TimeUnit.SECONDS));

        assertThat(failure).isInstanceOf(PgException.class);
        assertThat(((PgException) failure).getSqlState()).isEqualTo("23514"); // check_violation
    }

    @Test
    void neverShowsTheHashInAnAccountsDescription() {
        assertThat(new StoredAccount(1, "Alice", "$argon2id$secret").toString()).doesNotContain("argon2id");
    }
}
