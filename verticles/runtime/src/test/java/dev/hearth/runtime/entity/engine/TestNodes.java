package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.entity.EntityRuntimeOptions;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.store.EntityStore;
import dev.hearth.runtime.entity.store.PgEntityStore;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Entity runtimes for one test, on one fresh PostgreSQL database. Nodes share one Vert.x
 * (calls between them cross the event bus and the codec), except a node started
 * {@link #startAlone alone}, which can die without saying goodbye. Closes what it started.
 */
final class TestNodes implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    /** An entity's row as stored. */
    record Stored(String owner, long epoch, long version, int schemaVersion, JsonObject state) {
    }

    /** A node on a Vert.x of its own. */
    record Alone(EntityRuntime runtime, Vertx vertx) {
        /** Stops the node as a crash would: no saves, no hand-over, its lease left to run out. */
        void kill() {
            await(vertx.close());
        }
    }

    final DatabaseUrl db = TestDatabase.fresh();
    final Vertx vertx = Vertx.vertx();
    final Pool pool = pool(vertx);
    final PgEntityStore store = new PgEntityStore(pool);
    private final List<EntityRuntime> running = new ArrayList<>();

    EntityRuntime start(String nodeId, EntityRuntimeOptions options, List<EntityType<?, ?>> types) {
        return start(nodeId, options, types, UnaryOperator.identity());
    }

    /** A node whose store calls go through {@code wrap}, for a test to watch or break them. */
    EntityRuntime start(String nodeId, EntityRuntimeOptions options, List<EntityType<?, ?>> types,
                        UnaryOperator<EntityStore> wrap) {
        EntityRuntime runtime = await(EntityRuntime.start(vertx, wrap.apply(store), types, options.withNodeId(nodeId)));
        running.add(runtime);
        return runtime;
    }

    Alone startAlone(String nodeId, EntityRuntimeOptions options, List<EntityType<?, ?>> types) {
        return startAlone(nodeId, options, types, UnaryOperator.identity());
    }

    Alone startAlone(String nodeId, EntityRuntimeOptions options, List<EntityType<?, ?>> types, UnaryOperator<EntityStore> wrap) {
        Vertx own = Vertx.vertx();
        return new Alone(await(EntityRuntime.start(own, wrap.apply(new PgEntityStore(pool(own))), types,
                options.withNodeId(nodeId))), own);
    }

    /** A graceful stop: saves and hands over every activation, then ends the lease. */
    void close(EntityRuntime runtime) {
        running.remove(runtime);
        await(runtime.close());
    }

    /** The entity's row, or null when it has none. */
    Stored row(String type, String key) {
        RowIterator<Row> rows = await(pool.preparedQuery(
                "SELECT owner, epoch, version, schema_version, state::text FROM entities WHERE type = $1 AND key = $2")
                .execute(Tuple.of(type, key))).iterator();
        if (!rows.hasNext()) return null;
        Row row = rows.next();
        String state = row.getString(4);
        return new Stored(row.getString(0), row.getLong(1), row.getLong(2), row.getInteger(3),
                state == null ? null : new JsonObject(state));
    }

    void sql(String statement) {
        TestDatabase.execute(db, statement);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("no answer within " + WAIT, e);
        }
    }

    @Override
    public void close() {
        for (EntityRuntime runtime : List.copyOf(running)) close(runtime);
        await(pool.close());
        await(vertx.close());
    }

    private Pool pool(Vertx on) {
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(db.connectOptions()).using(on).build();
    }
}
