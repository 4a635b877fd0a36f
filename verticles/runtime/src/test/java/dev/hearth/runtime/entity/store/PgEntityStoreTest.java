package dev.hearth.runtime.entity.store;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against a real PostgreSQL, where leases end by the database's own clock. */
class PgEntityStoreTest extends EntityStoreContract {
    private static final Logger log = LoggerFactory.getLogger(PgEntityStoreTest.class);

    private Vertx vertx;
    private DatabaseUrl url;
    private Pool pool;

    @Override
    EntityStore newStore() {
        vertx = Vertx.vertx();
        url = TestDatabase.fresh();
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(url.connectOptions()).using(vertx).build();
        return new PgEntityStore(pool);
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Override
    void waitOutShortLease(String nodeId) {
        Await.within(Duration.ofSeconds(5), "the lease of " + nodeId + " to end",
                () -> !store.liveHosts().await().contains(nodeId));
    }

    @Override
    void timePasses(Duration time) {
        Instant until = databaseNow().plus(time);
        Await.within(Duration.ofSeconds(5), "the database's clock to pass " + until, () -> databaseNow().isAfter(until));
    }

    private Instant databaseNow() {
        return pool.query("SELECT now()").execute().await().iterator().next().getOffsetDateTime(0).toInstant();
    }

    /**
     * Not a benchmark: a look at the hot path on the test database (fsync off, machine shared).
     * Logs its timings; asserts only that every save landed, with its command.
     */
    @Test
    void savesGroupsOf500OneKilobyteStates() {
        int group = 500;
        int groups = 4;
        TestDatabase.execute(url, "INSERT INTO entities (type, key, owner, epoch, version, schema_version) "
                + "SELECT 'Bench', 'b-' || i, 'node-a', 1, 0, 1 FROM generate_series(0, " + (group * groups - 1) + ") i");
        String padding = "x".repeat(1000);

        long[] nanos = new long[30];
        for (int round = 0; round < nanos.length; round++) {
            List<Save> saves = benchGroup(round % groups, group, round, padding);
            long start = System.nanoTime();
            List<Boolean> landed = store.saveAll(A, saves).await();
            nanos[round] = System.nanoTime() - start;
            assertThat(landed).hasSize(group).containsOnly(true);
        }
        long[] measured = Arrays.stream(nanos, 10, nanos.length).sorted().toArray();
        log.info("saveAll of {} 1 KB states with command ids, one group at a time: min {} ms, median {} ms, max {} ms",
                group, millis(measured[0]), millis(measured[measured.length / 2]), millis(measured[measured.length - 1]));

        int rounds = 40;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round += groups) {
            List<Future<List<Boolean>>> inFlight = new ArrayList<>();
            for (int g = 0; g < groups; g++) inFlight.add(store.saveAll(A, benchGroup(g, group, nanos.length + round, padding)));
            Future.all(inFlight).await();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info("{} groups of {} with {} in flight: {} saves/s", rounds, group, groups, Math.round(rounds * group / seconds));
        Row stored = pool.query("SELECT (SELECT sum(version) FROM entities), (SELECT count(*) FROM entity_commands)")
                .execute().await().iterator().next();
        long saved = (long) (nanos.length + rounds) * group;
        assertThat(List.of(stored.getLong(0), stored.getLong(1))).containsExactly(saved, saved);
    }

    private static List<Save> benchGroup(int g, int size, int round, String padding) {
        List<Save> saves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String state = "{\"round\": " + round + ", \"padding\": \"" + padding + "\"}";
            saves.add(new Save(new EntityId("Bench", "b-" + (g * size + i)), 1, 1, state, round + "-" + i, "1"));
        }
        return saves;
    }

    private static String millis(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
